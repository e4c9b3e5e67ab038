package ingest_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/ingest"
)

// lyingZip builds an archive whose only entry claims to be tiny but inflates
// to n bytes of zeros.
func lyingZip(t *testing.T, name string, n int) []byte {
	t.Helper()
	var comp bytes.Buffer
	fw := zip.NewWriter(&comp)
	w, _ := fw.Create("x")
	w.Write(make([]byte, n))
	fw.Close()
	zr, err := zip.NewReader(bytes.NewReader(comp.Bytes()), int64(comp.Len()))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := zr.File[0].OpenRaw()
	var deflated bytes.Buffer
	deflated.ReadFrom(raw)

	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	rw, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate,
		CompressedSize64: uint64(deflated.Len()), UncompressedSize64: 100, CRC32: crc32.ChecksumIEEE(nil)})
	if err != nil {
		t.Fatal(err)
	}
	rw.Write(deflated.Bytes())
	zw.Close()
	return out.Bytes()
}

func TestRefusals(t *testing.T) {
	valid := makeDocx(t, docxXML("A perfectly ordinary paragraph about trade talks between two neighbours."), "")
	laughs, err := os.ReadFile("testdata/bomb-feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	decl := string(laughs[strings.Index(string(laughs), "<!DOCTYPE") : strings.Index(string(laughs), "]>")+2])
	bombDoc := strings.Replace(docxXML("&lol9; and more text about the talks in Geneva."), "?>", "?>"+strings.Replace(decl, "rss", "w:document", 1), 1)
	binary := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 3, 250}, 200)...)
	controls := bytes.Repeat([]byte{0x01, 0x02, 'a', 0x9d, 0x1b, 0xff, 'b'}, 100)
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	deepObj := strings.Repeat(`{"a":`, 100000) + "1" + strings.Repeat("}", 100000)

	tests := []struct {
		name   string
		file   string // fixture, or
		data   []byte // content written under name
		opts   ingest.Options
		reason string // expected in the one-line reason
	}{
		{name: "empty.txt", data: nil, reason: "empty file"},
		{name: "blank.md", data: []byte(" \n\t\n"), reason: "empty file"},
		{name: "image.txt", data: binary, reason: "binary"},
		{name: "noise.txt", data: controls, reason: "binary"},
		{name: "big.txt", data: bytes.Repeat([]byte("Diplomats met again today. "), 100), opts: ingest.Options{MaxFileSize: 1000}, reason: "too large"},
		{name: "garbage.docx", data: []byte("this is not a zip archive at all"), reason: "corrupt or truncated zip"},
		{name: "truncated.docx", data: valid[:len(valid)/2], reason: "corrupt or truncated zip"},
		{name: "bomb.zip", data: makeZip(t, zipFile{"zeros.txt", string(make([]byte, 20<<20))}), reason: "zip bomb"},
		{name: "bomb.docx", data: makeDocx(t, string(make([]byte, 20<<20)), ""), reason: "zip bomb"},
		{name: "lying.zip", data: lyingZip(t, "x.txt", 20<<20), reason: "entry \"x.txt\" unpacks to more than the 100 bytes it declares"},
		{name: "slip.zip", data: makeZip(t, zipFile{"../../x", "Escaped text about a summit in Lima."}), reason: `"../../x" points outside`},
		{name: "slip.docx", data: makeZip(t, zipFile{"word/document.xml", docxXML("text")}, zipFile{"../../x", "x"}), reason: `"../../x" points outside`},
		{name: "laughs.xml", file: "testdata/bomb-feed.xml", reason: "entity"},
		{name: "laughs.html", file: "testdata/bomb.html", reason: "entity"},
		{name: "laughs.docx", data: makeDocx(t, bombDoc, ""), reason: "entity"},
		{name: "deep.json", data: []byte(deep), reason: "nested deeper than"},
		{name: "deep-object.json", data: []byte(deepObj), reason: "nested deeper than"},
		{name: "deep.jsonl", data: []byte(`{"title":"ok","body":"fine text"}` + "\n" + deep + "\n"), reason: "nested deeper than"},
		{name: "deep.html", data: []byte("<html><body>" + strings.Repeat("<div>", 100000) + "text" + strings.Repeat("</div>", 100000)), reason: "cannot parse HTML"},
		{name: "broken.json", data: []byte(`{"title": "x", "body": "unterminated`), reason: "invalid JSON"},
		{name: "nobody.csv", data: []byte("name,age\nAnn,3\n"), reason: "no text column"},
		{name: "scan.pdf", data: []byte("%PDF-1.4\n%%EOF\n"), reason: "PDF"},
		{name: "feed.rss", data: []byte("<rss><channel><item><title>x</title></item>"), reason: "feed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.file
			if path == "" {
				path = writeFile(t, tt.name, tt.data)
			}
			arts, err := ingest.ReadFile(context.Background(), path, tt.opts)
			if err == nil {
				t.Fatalf("accepted, %d articles", len(arts))
			}
			if !errors.Is(err, ingest.ErrRefused) {
				t.Errorf("error %v does not wrap ErrRefused", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, path) || strings.Contains(msg, "\n") {
				t.Errorf("error is not one line naming the file: %q", msg)
			}
			if !strings.Contains(ingest.Reason(err), tt.reason) {
				t.Errorf("reason %q does not mention %q", ingest.Reason(err), tt.reason)
			}
		})
	}
}

// TestHTMLScriptsAreNotRun: a page whose only "text" is produced by script
// has nothing to import, and script source never lands in a body.
func TestHTMLScriptsAreNotRun(t *testing.T) {
	page := `<html><body><script>document.body.innerHTML = "<p>Injected article text about a summit.</p>"</script>
<p>The real article text about the summit in Lima is this sentence.</p></body></html>`
	arts := read(t, writeFile(t, "page.html", []byte(page)), ingest.Options{})
	if len(arts) != 1 || strings.Contains(arts[0].Body, "Injected") || strings.Contains(arts[0].Body, "innerHTML") {
		t.Fatalf("got %+v", arts)
	}
}

// pdfWith builds a PDF from numbered object bodies with a correct xref.
func pdfWith(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func TestPDFPageTreeCycleIsRefused(t *testing.T) {
	cyclic := pdfWith(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Count 5 /Kids [2 0 R] >>",
	)
	_, err := ingest.ReadFile(context.Background(), writeFile(t, "cycle.pdf", cyclic), ingest.Options{})
	if err == nil || !strings.Contains(ingest.Reason(err), "malformed PDF page tree") {
		t.Fatalf("err %v", err)
	}
	stream := "BT /F1 12 Tf 72 720 Td (Talks on the Nile dam resumed in Cairo on Sunday, officials said.) Tj ET"
	good := pdfWith(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(stream), stream),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	)
	arts := read(t, writeFile(t, "good.pdf", good), ingest.Options{})
	if len(arts) != 1 || arts[0].Body != "Talks on the Nile dam resumed in Cairo on Sunday, officials said." {
		t.Fatalf("got %+v", arts)
	}
}

// A cross-reference table or trailer claiming billions of objects is
// refused before the PDF library sizes its object table from it (which
// would exhaust memory and crash the process).
func TestPDFForgedObjectCountsAreRefused(t *testing.T) {
	good := string(pdfDoc{pages: []string{textLines(72, 700, 11, 14, "Talks on the Nile dam resumed in Cairo.")}}.bytes())
	forged := map[string]string{
		"subsection.pdf": strings.Replace(good, "xref\n0 ", "xref\n999999990 ", 1),
		"size.pdf":       strings.Replace(good, "/Size ", "/Size 99999999", 1),
	}
	for name, data := range forged {
		_, err := ingest.ReadFile(context.Background(), writeFile(t, name, []byte(data)), ingest.Options{})
		if err == nil || !errors.Is(err, ingest.ErrRefused) || !strings.Contains(ingest.Reason(err), "malformed PDF") {
			t.Errorf("%s: err %v", name, err)
		}
	}
}

// A form XObject that draws itself is refused, not followed for ever.
func TestPDFSelfDrawingFormIsRefused(t *testing.T) {
	page := "BT /F1 12 Tf 72 720 Td (Talks resumed in Cairo.) Tj ET /X1 Do"
	form := "BT /F1 12 Tf 72 700 Td (Again.) Tj ET /X1 Do"
	loop := pdfWith(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(page), page),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		fmt.Sprintf("<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >> /Length %d >>\nstream\n%s\nendstream", len(form), form),
	)
	_, err := ingest.ReadFile(context.Background(), writeFile(t, "loop.pdf", loop), ingest.Options{})
	if err == nil || !strings.Contains(ingest.Reason(err), "too complex") {
		t.Fatalf("err %v", err)
	}
}

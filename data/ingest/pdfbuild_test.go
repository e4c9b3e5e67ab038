package ingest_test

import (
	"bytes"
	"fmt"
	"strings"
)

// pdfDoc describes a PDF built by a test. Its pages draw text with three
// fonts: F1 (Helvetica, WinAnsiEncoding, every glyph half an em wide), F2 (a Type 1 font whose
// Differences give codes 1–6 the glyphs fi, fl, quoteright, quotedblleft,
// quotedblright and f_f_i) and F3 (a composite font with two-byte codes and
// a ToUnicode CMap: <0001> W, <0002> the fi ligature, <0010>–<0019> a–j).
type pdfDoc struct {
	title string   // Info /Title, if any
	pages []string // content streams
}

const toUnicodeCMap = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfchar
<0001> <0057>
<0002> <FB01>
endbfchar
1 beginbfrange
<0010> <0019> <0061>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`

// bytes renders the document with a correct cross-reference table.
func (d pdfDoc) bytes() []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"", // page tree, below
		fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 /Widths [%s] >>", strings.Repeat("500 ", 224)),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /Type /Encoding /Differences [1 /fi /fl /quoteright /quotedblleft /quotedblright /f_f_i] >> >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /Custom /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Custom /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>",
		stream(toUnicodeCMap),
		fmt.Sprintf("<< /Title (%s) /Producer (test) >>", d.title),
	}
	var kids []string
	for _, content := range d.pages {
		n := len(objs) + 1
		kids = append(kids, fmt.Sprintf("%d 0 R", n))
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> >>", n+1),
			stream(content))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Count %d /Kids [%s] >>", len(kids), strings.Join(kids, " "))
	out := pdfWith(objs...)
	if d.title != "" {
		out = bytes.Replace(out, []byte("/Root 1 0 R >>"), []byte("/Root 1 0 R /Info 8 0 R >>"), 1)
	}
	return out
}

func stream(s string) string {
	return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(s), s)
}

// textLines draws lines of Helvetica at size pt from (x, y) down, lead
// points apart.
func textLines(x, y, size, lead float64, lines ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "BT /F1 %g Tf %g TL %g %g Td\n", size, lead, x, y)
	for _, l := range lines {
		fmt.Fprintf(&b, "(%s) Tj T*\n", pdfEscape(l))
	}
	b.WriteString("ET\n")
	return b.String()
}

func pdfEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(s)
}

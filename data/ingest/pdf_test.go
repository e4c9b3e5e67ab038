package ingest_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/ingest"
)

// A report whose text looks like several news items (kickers, separators,
// wire signatures, headlines) is still one document: one article with the
// default split and with --split none.
func TestPDFIsOneArticle(t *testing.T) {
	var pages []string
	for p := range 4 {
		pages = append(pages, textLines(72, 720, 11, 14,
			fmt.Sprintf("Section %d: Border talks", p+1),
			"",
			"ESPIONAGE: Officials in Vilnius said on Monday that two men were detained",
			"after photographing the rail depot, the prosecutor's office said.",
			"",
			"* * *",
			"",
			"WASHINGTON (Reuters) - The envoy met counterparts to discuss the treaty.",
			"-- Reuters",
			"",
			"The delegation will return next month for a further round of talks",
			"on water sharing and transport links between the two capitals.",
		))
	}
	path := writeFile(t, "report.pdf", pdfDoc{pages: pages}.bytes())
	for _, split := range []string{"", ingest.SplitAuto, ingest.SplitNone} {
		arts := read(t, path, ingest.Options{Split: split})
		if len(arts) != 1 {
			t.Fatalf("split %q: %d articles, want 1", split, len(arts))
		}
		if n := strings.Count(arts[0].Body, "further round of talks on water sharing"); n != 4 {
			t.Errorf("split %q: the closing paragraph appears %d times, want 4:\n%s", split, n, arts[0].Body)
		}
	}
}

// Glyphs named in an encoding's Differences, and codes mapped by a
// ToUnicode CMap, come out as the letters they stand for: ligatures spelled
// out, typographic quotes kept, nothing undecodable left behind.
func TestPDFGlyphDecoding(t *testing.T) {
	content := `BT /F2 12 Tf 72 700 Td (\001nal \002ow of \004o\006cial\005 state\003s su\006x) Tj ET
BT /F3 12 Tf 72 680 Td <0001001400130002001300170001> Tj ET
BT /F1 12 Tf 72 660 Td (G) Tj ET BT /F1 12 Tf 78 660 Td (o) Tj ET BT /F1 12 Tf 79 662 Td (\250) Tj ET BT /F1 12 Tf 84 660 Td (del) Tj ET`
	arts := read(t, writeFile(t, "glyphs.pdf", pdfDoc{pages: []string{content}}.bytes()), ingest.Options{})
	body := arts[0].Body
	for _, want := range []string{"final flow of “official” state’s suffix", "WedfidhW", "Gödel"} {
		if !strings.Contains(body, want) {
			t.Errorf("body %q lacks %q", body, want)
		}
	}
	for _, r := range body {
		if r == '\uFFFD' || (r < 0x20 && r != '\n') || (r >= 0xFB00 && r <= 0xFB06) || r == 'Ω' {
			t.Errorf("body holds %U: %q", r, body)
		}
	}
}

// Lines wrapped in a paragraph are joined, a word hyphenated at a line end
// is made whole again, a compound or a range of years broken at its hyphen
// keeps the hyphen, and a paragraph gap is kept.
func TestPDFParagraphsAndHyphens(t *testing.T) {
	content := textLines(72, 720, 11, 14,
		"The ministers agreed on a framework for the inter-",
		"national monitoring mission, officials said late on",
		"Friday after talks in Geneva.",
	) + textLines(72, 660, 11, 14,
		"A second round is planned for the spring, when the SANC-",
		"TIONS REVIEW and the Franco-",
		"German proposal are due.",
	) + textLines(72, 600, 11, 14,
		"The 2019-",
		"2024 plan stands.",
	)
	arts := read(t, writeFile(t, "wrapped.pdf", pdfDoc{pages: []string{content}}.bytes()), ingest.Options{})
	want := "The ministers agreed on a framework for the international monitoring mission, officials said late on Friday after talks in Geneva.\n\n" +
		"A second round is planned for the spring, when the SANCTIONS REVIEW and the Franco-German proposal are due.\n\n" +
		"The 2019-2024 plan stands."
	if arts[0].Body != want {
		t.Errorf("body\n%q\nwant\n%q", arts[0].Body, want)
	}
}

// Two columns are read one after the other, not line by line across the
// page.
func TestPDFColumns(t *testing.T) {
	left := textLines(60, 700, 10, 12, "Left column opens the story", "and carries on down here", "to its last line.")
	right := textLines(330, 700, 10, 12, "Right column comes next", "and finishes the story", "at the bottom.")
	arts := read(t, writeFile(t, "columns.pdf", pdfDoc{pages: []string{left + right}}.bytes()), ingest.Options{Split: ingest.SplitNone})
	body := arts[0].Body
	l, r := strings.Index(body, "to its last line."), strings.Index(body, "Right column comes next")
	if l < 0 || r < 0 || l > r || !strings.Contains(body, "Left column opens the story and carries on down here") {
		t.Errorf("columns out of order:\n%s", body)
	}
}

// A running header, a running footer and page numbers are dropped; the
// text between them is kept whole.
func TestPDFRunningHeadersAndPageNumbers(t *testing.T) {
	var pages []string
	for p := range 5 {
		pages = append(pages,
			textLines(72, 760, 9, 11, "Quarterly Review of Regional Security")+
				textLines(72, 700, 11, 14, fmt.Sprintf("Paragraph %d reports on talks held in the capital this week.", p+1))+
				textLines(300, 40, 9, 11, fmt.Sprint(p+1)))
	}
	arts := read(t, writeFile(t, "review.pdf", pdfDoc{pages: pages}.bytes()), ingest.Options{})
	body := arts[0].Body
	if strings.Contains(body, "Quarterly Review") {
		t.Errorf("running header kept:\n%s", body)
	}
	for p := range 5 {
		if !strings.Contains(body, fmt.Sprintf("Paragraph %d reports on talks held in the capital this week.", p+1)) {
			t.Errorf("paragraph %d lost:\n%s", p+1, body)
		}
	}
	if strings.Count(body, "\n\n")+1 != 5 {
		t.Errorf("want 5 paragraphs, page numbers gone:\n%s", body)
	}
}

// The title comes from the document information, else from the first
// heading set larger than the text.
func TestPDFTitle(t *testing.T) {
	body := textLines(72, 700, 11, 14, "Delegates met in Nairobi on Tuesday to agree a timetable for the elections.")
	heading := textLines(72, 740, 20, 24, "Election Timetable Agreed")
	tests := []struct {
		name string
		doc  pdfDoc
		want string
	}{
		{"info.pdf", pdfDoc{title: "Annual Report on Regional Mediation", pages: []string{heading + body}}, "Annual Report on Regional Mediation"},
		{"heading.pdf", pdfDoc{pages: []string{heading + body}}, "Election Timetable Agreed"},
		{"filename.pdf", pdfDoc{title: "Microsoft Word - draft7.docx", pages: []string{heading + body}}, "Election Timetable Agreed"},
	}
	for _, tt := range tests {
		arts := read(t, writeFile(t, tt.name, tt.doc.bytes()), ingest.Options{})
		if arts[0].Title != tt.want {
			t.Errorf("%s: title %q, want %q", tt.name, arts[0].Title, tt.want)
		}
	}
}

// A scan (pages holding only an image) is refused with one line saying the
// PDF has no text layer.
func TestPDFScanRefused(t *testing.T) {
	img := "q 500 0 0 700 50 50 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q"
	path := writeFile(t, "scan.pdf", pdfDoc{pages: []string{img, img}}.bytes())
	_, err := ingest.ReadFile(context.Background(), path, ingest.Options{})
	if err == nil || !strings.Contains(ingest.Reason(err), "no text layer") || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), path) {
		t.Fatalf("err %v", err)
	}
}

// BenchmarkReadPDF50 reads a generated 50-page PDF of wrapped text with a
// running header and page numbers, as `attache-cli import --no-extract`
// reads one.
func BenchmarkReadPDF50(b *testing.B) {
	var pages []string
	for p := range 50 {
		var lines []string
		for l := range 48 {
			lines = append(lines, fmt.Sprintf("Line %d of page %d: delegates from both capitals met again to discuss the", l+1, p+1))
		}
		pages = append(pages, textLines(72, 770, 8, 11, "Quarterly Review of Regional Security")+
			textLines(72, 740, 11, 14, lines...)+textLines(300, 30, 9, 11, fmt.Sprint(p+1)))
	}
	benchReadPDF(b, pages)
}

// A page whose content stream breaks part way keeps the text drawn before
// the break, and the other pages are read as usual.
func TestPDFDamagedPageKeepsTheRest(t *testing.T) {
	first := textLines(72, 700, 11, 14, "The first page reports the ceasefire talks.")
	broken := textLines(72, 700, 11, 14, "The second page names the mediators.") + "end\n" + textLines(72, 600, 11, 14, "Never reached.")
	third := textLines(72, 700, 11, 14, "The third page lists the next steps.")
	arts := read(t, writeFile(t, "damaged.pdf", pdfDoc{pages: []string{first, broken, third}}.bytes()), ingest.Options{})
	body := arts[0].Body
	for _, want := range []string{"ceasefire talks.", "names the mediators.", "lists the next steps."} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
}

// BenchmarkReadPDFTable50 reads a generated 50-page PDF whose pages are
// dense tables (four columns, 60 rows, each cell drawn on its own), the
// worst case for placing words on the page.
func BenchmarkReadPDFTable50(b *testing.B) {
	var pages []string
	for p := range 50 {
		var s strings.Builder
		for row := range 60 {
			for col, x := range []float64{60, 150, 260, 420} {
				s.WriteString(textLines(x, 760-float64(row)*12, 9, 11, fmt.Sprintf("R%dC%d cell %d", row, col, p)))
			}
		}
		pages = append(pages, s.String())
	}
	benchReadPDF(b, pages)
}

// benchReadPDF times reading a PDF of the given pages as one article.
func benchReadPDF(b *testing.B, pages []string) {
	path := b.TempDir() + "/bench.pdf"
	if err := os.WriteFile(path, pdfDoc{pages: pages}.bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		arts, err := ingest.ReadFile(context.Background(), path, ingest.Options{})
		if err != nil || len(arts) != 1 {
			b.Fatal(len(arts), err)
		}
	}
}

// BenchmarkReadPDFScatter reads 50 pages of 950 short labels each,
// strewn over the page (as on a map or a chart): nearly a block each, the
// worst case for putting blocks in reading order.
func BenchmarkReadPDFScatter(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 5))
	var pages []string
	for range 50 {
		var s strings.Builder
		for range 950 {
			fmt.Fprintf(&s, "BT /F1 4 Tf %d %d Td (%c%d) Tj ET\n", 20+r.IntN(560), 20+r.IntN(740), 'A'+r.IntN(26), r.IntN(100))
		}
		pages = append(pages, s.String())
	}
	benchReadPDF(b, pages)
}

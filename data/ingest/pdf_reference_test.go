package ingest_test

import (
	"fmt"
	"math/rand/v2"
	"os/exec"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/ingest/internal/shingle"
	"github.com/attache-app/attache/data/internal/testdeps"
)

// pdftotext returns poppler's reading of a PDF's text layer, the reference
// text of the PDF measures. Where poppler-utils is missing the test is
// skipped, except in CI, which installs it (scripts/install-deps.sh test).
func pdftotext(t *testing.T, path string) string {
	t.Helper()
	bin := testdeps.LookPath(t, "pdftotext", "Debian package poppler-utils")
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// reportPages lays out a report of n pages: a heading, a running header, a
// page number, and two columns of text lines of varied words (at most 44
// characters, 220 points: the columns stay apart).
func reportPages(n int) []string {
	words := strings.Fields("delegates ministers envoy council border treaty talks water trade sanctions ceasefire " +
		"mission agreed rejected proposed welcomed monitors capital summit region security aid transport " +
		"elections timetable observers parliament coalition dispute railway pipeline harbour fisheries")
	r := rand.New(rand.NewPCG(7, 11))
	line := func() string {
		var ws []string
		for range 4 {
			ws = append(ws, words[r.IntN(len(words))])
		}
		return strings.Join(ws, " ")
	}
	var pages []string
	for p := range n {
		var left, right []string
		for range 40 {
			left, right = append(left, line()), append(right, line())
		}
		page := textLines(60, 770, 9, 11, "Regional Security Review") +
			textLines(60, 740, 10, 13, left...) + textLines(320, 740, 10, 13, right...) +
			textLines(300, 30, 9, 11, fmt.Sprint(p+1))
		if p == 0 {
			page = textLines(60, 755, 16, 18, "Report on the Border Talks") + page
		}
		pages = append(pages, page)
	}
	return pages
}

// The text of a PDF matches poppler's reading of it: same words, same
// order, column after column, nothing that is not in the PDF's text layer.
func TestPDFMatchesPdftotext(t *testing.T) {
	path := writeFile(t, "report.pdf", pdfDoc{pages: reportPages(6)}.bytes())
	ref := pdftotext(t, path)
	arts := read(t, path, ingest.Options{})
	if len(arts) != 1 {
		t.Fatalf("%d articles, want 1", len(arts))
	}
	p, r := shingle.Overlap(arts[0].Title+"\n\n"+arts[0].Body, ref)
	if f := shingle.F1(p, r); f < 0.95 {
		t.Errorf("F1 %.3f (precision %.3f, recall %.3f) against pdftotext, want at least 0.95", f, p, r)
	}
	if n, total := shingle.Junk(arts[0].Body, ref); n > 0 {
		t.Errorf("%d of %d characters are not in pdftotext's text", n, total)
	}
	if strings.Contains(arts[0].Body, "Regional Security Review") {
		t.Error("running header kept")
	}
}

// layoutWords returns n words of the report vocabulary, each with a number
// so that the 4-word shingles of a page are its own.
func layoutWords(r *rand.Rand, n int) string {
	words := strings.Fields("delegates ministers envoy council border treaty talks water trade sanctions ceasefire " +
		"mission agreed rejected proposed welcomed monitors capital summit region security aid transport")
	var out []string
	for range n {
		out = append(out, fmt.Sprint(words[r.IntN(len(words))], r.IntN(100)))
	}
	return strings.Join(out, " ")
}

// layoutPage lays out a page from top to bottom of bands picked at random:
// two or three columns of text (under headings, with raised footnote marks
// now and then), a paragraph across the page, or a table of
// two to four columns whose cells wrap over up to three lines, its rows
// set with or without a gap. Sizes run from 8 to 12 points.
func layoutPage(r *rand.Rand) string {
	var b strings.Builder
	y := 760.0
	if r.IntN(2) == 0 {
		b.WriteString(textLines(60, y, 16, 19, layoutWords(r, 5)))
		y -= 40
	}
	cut := func(s string, n int) string { return s[:min(len(s), n)] }
	for y > 150 {
		size := 8 + float64(r.IntN(4))
		switch r.IntN(3) {
		case 0:
			cols := 2 + r.IntN(2)
			width := 500 / float64(cols)
			lead := size * (1.1 + 0.4*r.Float64())
			n := 3 + r.IntN(12)
			top := y
			if r.IntN(3) == 0 {
				top -= 2 * size // headings over the columns
			}
			for c := range cols {
				x := 50 + float64(c)*width
				if top < y {
					b.WriteString(textLines(x, y, size+2, size+4, layoutWords(r, 2)))
				}
				var lines []string
				for range n {
					lines = append(lines, cut(layoutWords(r, 20), int((width-15)/(size/2))))
				}
				b.WriteString(textLines(x, top, size, lead, lines...))
				if r.IntN(2) == 0 { // a footnote mark raised after a line
					l := r.IntN(n)
					fmt.Fprintf(&b, "BT /F1 %g Tf %g %g Td (%d) Tj ET\n", 0.6*size, x+float64(len(lines[l]))*size/2, top-float64(l)*lead+0.4*size, 1+r.IntN(9))
				}
			}
			y = top - float64(n)*lead - 2*size
		case 1:
			var lines []string
			n := 2 + r.IntN(5)
			for range n {
				lines = append(lines, cut(layoutWords(r, 20), int(480/(size/2))))
			}
			b.WriteString(textLines(50, y, size, 1.2*size, lines...))
			y -= float64(n)*1.2*size + size*(1+r.Float64())
		case 2:
			xs := []float64{50}
			for c := 1; c < 2+r.IntN(3); c++ {
				xs = append(xs, xs[c-1]+60+float64(r.IntN(100)))
			}
			gap := 0.0
			if r.IntN(2) == 0 {
				gap = 0.6 * size
			}
			for row := 0; row < 3+r.IntN(8) && y > 100; row++ {
				tallest := 1
				for _, x := range xs {
					n := 1
					if r.IntN(3) == 0 {
						n += r.IntN(3)
					}
					tallest = max(tallest, n)
					var lines []string
					for range n {
						lines = append(lines, cut(layoutWords(r, 3), 8))
					}
					b.WriteString(textLines(x, y, size, 1.2*size, lines...))
				}
				y -= float64(tallest)*1.2*size + gap
			}
			y -= 2 * size
		}
	}
	return b.String()
}

// Pages of columns, paragraphs and tables in random arrangements read as
// poppler reads them: blocks found and ordered the same way.
func TestPDFLayoutsMatchPdftotext(t *testing.T) {
	const docs = 30
	var sum float64
	for seed := range docs {
		r := rand.New(rand.NewPCG(uint64(seed), 9))
		path := writeFile(t, fmt.Sprintf("layout%d.pdf", seed), pdfDoc{pages: []string{layoutPage(r), layoutPage(r)}}.bytes())
		ref := pdftotext(t, path)
		art := read(t, path, ingest.Options{})[0]
		// Scored as scripts/eval-pdf.sh scores: the body alone.
		f := shingle.F1(shingle.Overlap(art.Body, ref))
		if f < 0.9 {
			t.Errorf("layout %d: F1 %.3f against pdftotext", seed, f)
		}
		sum += f
	}
	if mean := sum / docs; mean < 0.98 {
		t.Errorf("mean F1 %.3f against pdftotext, want at least 0.98", mean)
	}
}

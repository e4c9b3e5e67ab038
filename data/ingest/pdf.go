package ingest

import (
	"bytes"
	"math"
	"sort"
	"strings"

	"github.com/ledongthuc/pdf"
)

// maxPDFPages bounds the pages read from one PDF.
const maxPDFPages = 2000

// readPDF reads the text layer of a PDF, rebuilding lines from the text's
// positions; a vertical gap wider than the usual line spacing separates
// paragraphs. A PDF without a text layer (a scan) is refused.
func readPDF(p string, data []byte, opts Options) (arts []draft, err error) {
	defer func() {
		if r := recover(); r != nil {
			arts, err = nil, refuse(p, "corrupt PDF: %v", r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, refuse(p, "corrupt or encrypted PDF: %v", err)
	}
	pages, ok := pdfPages(r.Trailer().Key("Root").Key("Pages"))
	if !ok {
		return nil, refuse(p, "malformed PDF page tree (a cycle, or over %d pages)", maxPDFPages)
	}
	var b strings.Builder
	for _, page := range pages {
		writeLines(&b, pageLines(page.Content().Text))
		b.WriteString("\n")
	}
	text := b.String()
	if strings.TrimSpace(text) == "" {
		return nil, refuse(p, "PDF has no text layer (scanned images need OCR first)")
	}
	return textArticles(text, opts.splitting(), opts.Published, layoutWrapped), nil
}

// pdfLine is one line of text on a page and its baseline.
type pdfLine struct {
	y    float64
	text string
}

// pdfPages lists the pages of a page tree in order. It walks the tree
// itself, with a depth and size limit, because a tree whose Kids lead back
// to an ancestor would send the library's own lookup round forever.
func pdfPages(root pdf.Value) ([]pdf.Page, bool) {
	var pages []pdf.Page
	nodes := 0
	var walk func(v pdf.Value, depth int) bool
	walk = func(v pdf.Value, depth int) bool {
		nodes++
		if depth > 64 || nodes > 4*maxPDFPages {
			return false
		}
		switch v.Key("Type").Name() {
		case "Pages":
			kids := v.Key("Kids")
			for i := 0; i < kids.Len(); i++ {
				if !walk(kids.Index(i), depth+1) {
					return false
				}
			}
		case "Page":
			if len(pages) >= maxPDFPages {
				return false
			}
			pages = append(pages, pdf.Page{V: v})
		}
		return true
	}
	ok := walk(root, 0)
	return pages, ok
}

// pageLines groups a page's glyphs, in content order, into lines: a new
// line starts when the baseline moves by more than a third of the font
// size. Within a line a space is added where glyphs stand apart.
func pageLines(glyphs []pdf.Text) []pdfLine {
	var lines []pdfLine
	var b strings.Builder
	var y, end float64
	flush := func() {
		if b.Len() > 0 {
			lines = append(lines, pdfLine{y: y, text: b.String()})
			b.Reset()
		}
	}
	for i, g := range glyphs {
		size := math.Max(g.FontSize, 1)
		if i == 0 || math.Abs(g.Y-y) > size/3 {
			flush()
			y = g.Y
		} else if g.W > 0 && g.X-end > size*0.15 && !strings.HasSuffix(b.String(), " ") && g.S != " " {
			b.WriteByte(' ')
		}
		b.WriteString(g.S)
		end = g.X + g.W
	}
	flush()
	return lines
}

// writeLines writes lines with a blank line where the gap to the previous
// line is clearly wider than the usual line spacing.
func writeLines(b *strings.Builder, lines []pdfLine) {
	var gaps []float64
	for i := 1; i < len(lines); i++ {
		if d := lines[i-1].y - lines[i].y; d > 0 {
			gaps = append(gaps, d)
		}
	}
	usual := median(gaps)
	for i, l := range lines {
		if i > 0 && usual > 0 && lines[i-1].y-l.y > usual*1.4 {
			b.WriteString("\n")
		}
		b.WriteString(l.text)
		b.WriteString("\n")
	}
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

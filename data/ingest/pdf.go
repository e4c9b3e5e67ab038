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
	n := r.NumPage()
	if n > maxPDFPages {
		return nil, refuse(p, "PDF has %d pages (limit %d)", n, maxPDFPages)
	}
	var b strings.Builder
	for i := 1; i <= n; i++ {
		page := r.Page(i)
		if page.V.IsNull() {
			continue
		}
		rows, err := page.GetTextByRow()
		if err != nil {
			return nil, refuse(p, "cannot read the text of PDF page %d: %v", i, err)
		}
		writeRows(&b, rows)
		b.WriteString("\n")
	}
	text := b.String()
	if strings.TrimSpace(text) == "" {
		return nil, refuse(p, "PDF has no text layer (scanned images need OCR first)")
	}
	return textArticles(text, opts.splitting(), opts.Published), nil
}

// writeRows writes a page's rows as lines, with a blank line where the gap
// to the previous row is clearly wider than the usual line spacing.
func writeRows(b *strings.Builder, rows pdf.Rows) {
	var gaps []float64
	for i := 1; i < len(rows); i++ {
		gaps = append(gaps, float64(rows[i-1].Position-rows[i].Position))
	}
	usual := median(gaps)
	for i, row := range rows {
		if i > 0 && usual > 0 && float64(rows[i-1].Position-row.Position) > usual*1.4 {
			b.WriteString("\n")
		}
		b.WriteString(rowText(row))
		b.WriteString("\n")
	}
}

// rowText joins the text pieces of a row, adding a space where pieces are
// apart.
func rowText(row *pdf.Row) string {
	var b strings.Builder
	end := math.Inf(-1)
	for _, t := range row.Content {
		if b.Len() > 0 && t.X-end > t.FontSize*0.15 && !strings.HasSuffix(b.String(), " ") && !strings.HasPrefix(t.S, " ") {
			b.WriteByte(' ')
		}
		b.WriteString(t.S)
		end = t.X + t.W
	}
	return b.String()
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

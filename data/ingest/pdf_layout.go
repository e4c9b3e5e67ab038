package ingest

import (
	"math"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"slices"
	"strings"
)

// pdfWord is a run of glyphs on one baseline with no gap between them.
type pdfWord struct {
	text      string
	x0, x1, y float64
	size      float64
}

func (w pdfWord) top() float64    { return w.y - 0.75*w.size }
func (w pdfWord) bottom() float64 { return w.y + 0.2*w.size }

// pdfLine is a line of a page in reading order: words on one baseline
// within one block.
type pdfLine struct {
	text      string
	x0, x1, y float64
	size      float64
}

// pageWords joins the glyphs of a page into words. Glyphs written in
// another direction than most of the page's text are left out, and so is a
// word drawn twice at the same place (a bold effect).
func pageWords(glyphs []pdfGlyph) []pdfWord {
	var count [4]int
	for _, g := range glyphs {
		if !g.space {
			count[g.rot&3]++
		}
	}
	rot := int8(0)
	for r := range int8(4) {
		if count[r] > count[rot] {
			rot = r
		}
	}
	glyphs = placeAccents(glyphs)
	var words []pdfWord
	var cur pdfWord
	var b strings.Builder
	open := false
	flush := func() {
		if !open {
			return
		}
		open = false
		cur.text = normalizeGlyphText(b.String())
		b.Reset()
		if strings.TrimSpace(cur.text) == "" {
			return
		}
		for i := max(0, len(words)-8); i < len(words); i++ {
			w := words[i]
			if w.text == cur.text && math.Abs(w.x0-cur.x0) < 0.3*cur.size && math.Abs(w.y-cur.y) < 0.3*cur.size {
				return
			}
		}
		words = append(words, cur)
	}
	for _, g := range glyphs {
		if g.rot != rot || g.size <= 0 {
			continue
		}
		if g.space {
			flush()
			continue
		}
		gap := 0.15
		if g.guess {
			gap = 0.3
		}
		if open && math.Abs(g.y-cur.y) < 0.25*cur.size && g.x0 > cur.x1-0.5*cur.size && g.x0-cur.x1 <= gap*cur.size {
			b.WriteString(g.s)
			cur.x1 = math.Max(cur.x1, g.x1)
			cur.size = math.Max(cur.size, g.size)
			continue
		}
		flush()
		open = true
		cur = pdfWord{x0: g.x0, x1: g.x1, y: g.y, size: g.size}
		b.WriteString(g.s)
	}
	flush()
	return words
}

// spacingAccents maps the accents that fonts draw as glyphs of their own to
// the combining marks they stand for.
var spacingAccents = map[string]string{
	"¨": "\u0308", "´": "\u0301", "`": "\u0300", "ˆ": "\u0302", "˜": "\u0303", "¯": "\u0304", "˘": "\u0306",
	"˙": "\u0307", "˚": "\u030a", "¸": "\u0327", "˝": "\u030b", "˛": "\u0328", "ˇ": "\u030c",
}

// placeAccents puts an accent drawn as a glyph of its own (TeX draws "Ö" as
// "O" and a raised "¨") on the letter beneath it, next to it in drawing
// order, making one accented letter.
func placeAccents(glyphs []pdfGlyph) []pdfGlyph {
	out := glyphs[:0:0]
	skip := -1
	for i, g := range glyphs {
		if i == skip {
			continue
		}
		mark, ok := spacingAccents[g.s]
		if !ok {
			out = append(out, g)
			continue
		}
		mid := (g.x0 + g.x1) / 2
		under := func(b pdfGlyph) bool {
			return !b.space && b.rot == g.rot && b.x0 <= mid && mid <= b.x1 && math.Abs(b.y-g.y) < b.size && utf8.RuneCountInString(b.s) == 1
		}
		switch {
		case len(out) > 0 && under(out[len(out)-1]):
			out[len(out)-1].s = norm.NFC.String(out[len(out)-1].s + mark)
		case i+1 < len(glyphs) && under(glyphs[i+1]):
			b := glyphs[i+1]
			b.s = norm.NFC.String(b.s + mark)
			out = append(out, b)
			skip = i + 1
		default:
			out = append(out, g)
		}
	}
	return out
}

// normalizeGlyphText spells out ligatures, turns soft hyphens into hyphens
// and drops control characters.
func normalizeGlyphText(s string) string {
	if isPlainASCII(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 0xfb00 && r <= 0xfb06:
			b.WriteString([]string{"ff", "fi", "fl", "ffi", "ffl", "st", "st"}[r-0xfb00])
		case r == 0xad:
			b.WriteByte('-')
		case r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0xfffd || (r >= 0xe000 && r <= 0xf8ff):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// pageLines orders the words of a page for reading and groups them into
// lines: the page is cut into blocks of text (paragraphs, headings, table
// cells), the blocks are put in reading order, and each block is read line
// by line.
func pageLines(words []pdfWord) []pdfLine {
	var lines []pdfLine
	for _, b := range readingOrder(pageBlocks(words)) {
		lines = append(lines, blockLines(b.words)...)
	}
	return lines
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// blockLines groups the words of a block into lines, top to bottom, each
// left to right.
func blockLines(ws []pdfWord) []pdfLine {
	slices.SortStableFunc(ws, func(p, q pdfWord) int { return cmpFloat(p.y, q.y) })
	var out []pdfLine
	for i := 0; i < len(ws); {
		// A raised mark in small type (a footnote number) stays on the
		// line it is set on: the tolerance is that of the line's largest type.
		j, size := i+1, ws[i].size
		for j < len(ws) && ws[j].y-ws[i].y < 0.5*math.Max(size, ws[j].size) {
			size = math.Max(size, ws[j].size)
			j++
		}
		row := ws[i:j]
		slices.SortStableFunc(row, func(p, q pdfWord) int { return cmpFloat(p.x0, q.x0) })
		l := pdfLine{x0: row[0].x0, x1: row[0].x1, y: row[0].y, size: row[0].size}
		var b strings.Builder
		for k, w := range row {
			// Words that touch (a mark set right after a word, "H₂O")
			// read as one.
			if k > 0 && w.x0-row[k-1].x1 >= 0.03*math.Min(w.size, row[k-1].size) {
				b.WriteByte(' ')
			}
			b.WriteString(w.text)
			l.x1 = math.Max(l.x1, w.x1)
			if w.size > l.size {
				l.size, l.y = w.size, w.y
			}
		}
		l.text = b.String()
		out = append(out, l)
		i = j
	}
	return out
}

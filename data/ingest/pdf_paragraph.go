package ingest

import (
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// pdfPara is a paragraph rebuilt from the lines of a PDF.
type pdfPara struct {
	lines []pdfLine
	page  int
	size  float64 // the largest font size in it
}

// listMarkRe opens a list item.
var listMarkRe = regexp.MustCompile(`^(?:[•◦▪▫■□●○∙‣⁃–—*-]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)])\s`)

// pdfParagraphs joins the lines of a document into paragraphs: a line
// pdfContinues the paragraph above it when it follows at the usual line
// spacing, in the same column and font size, unless the line above ended a
// sentence short of the column's edge, or this one is indented or opens a
// list item. A sentence cut by a page break is joined across it.
func pdfParagraphs(doc [][]pdfLine) []pdfPara {
	var out []pdfPara
	for pg, lines := range doc {
		for i, l := range lines {
			if strings.TrimSpace(l.text) == "" {
				continue
			}
			if n := len(out); n > 0 && pdfContinues(&out[n-1], l, pg, i == 0) {
				out[n-1].lines = append(out[n-1].lines, l)
				out[n-1].size = math.Max(out[n-1].size, l.size)
				continue
			}
			out = append(out, pdfPara{lines: []pdfLine{l}, page: pg, size: l.size})
		}
	}
	return out
}

// pdfContinues reports whether line l, the first of page pg or not, goes on
// paragraph p.
func pdfContinues(p *pdfPara, l pdfLine, pg int, firstOnPage bool) bool {
	prev := p.lines[len(p.lines)-1]
	if listMarkRe.MatchString(l.text) {
		return false
	}
	ratio := l.size / prev.size
	if ratio < 0.85 || ratio > 1.18 {
		return false
	}
	if p.page != pg {
		// Across a page break only a sentence cut in the middle goes on.
		r, _ := utf8.DecodeRuneInString(l.text)
		return firstOnPage && pg == p.page+1 && !endsSentence(prev.text) && !strings.HasSuffix(prev.text, ":") && unicode.IsLower(r)
	}
	dy := l.y - prev.y
	if dy <= 0 || dy > 1.75*math.Max(l.size, prev.size) {
		return false
	}
	if l.x0 >= prev.x1 || l.x1 <= prev.x0 {
		return false
	}
	left, right := p.lines[0].x0, p.lines[0].x1
	for _, q := range p.lines {
		left, right = math.Min(left, q.x0), math.Max(right, q.x1)
	}
	if len(p.lines) > 1 && l.x0 > prev.x0+0.8*l.size && l.x0 > left+0.8*l.size {
		return false // an indented first line
	}
	short := prev.x1 < right-3*prev.size
	if len(p.lines) > 1 && short && endsSentence(prev.text) {
		return false
	}
	return true
}

// paragraphTexts joins each paragraph's lines with spaces, rejoining words
// hyphenated at a line end.
func paragraphTexts(paras []pdfPara) []string {
	out := make([]string, 0, len(paras))
	for _, p := range paras {
		var b strings.Builder
		for i, l := range p.lines {
			t := strings.TrimSpace(l.text)
			if i > 0 {
				s := b.String()
				switch {
				case joinsHyphenated(s, t):
					b.Reset()
					b.WriteString(s[:len(s)-1])
				case !compoundBreak(s, t):
					b.WriteByte(' ')
				}
			}
			b.WriteString(t)
		}
		out = append(out, b.String())
	}
	return out
}

// joinsHyphenated reports a word broken at a line end: the text so far
// ends with a letter and a hyphen, and the next line goes on with a
// lower-case letter, or with a capital after a capital (a word in capitals).
func joinsHyphenated(before, next string) bool {
	if !strings.HasSuffix(before, "-") || len(before) < 2 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(before[:len(before)-1])
	n, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLetter(r) && (unicode.IsLower(n) || (unicode.IsUpper(r) && unicode.IsUpper(n)))
}

// compoundBreak reports a line that ends inside a hyphenated compound or
// code ("Franco-" then "German", "2019-" then "2024"): the hyphen stays,
// with no space after it.
func compoundBreak(before, next string) bool {
	if !strings.HasSuffix(before, "-") || len(before) < 2 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(before[:len(before)-1])
	n, _ := utf8.DecodeRuneInString(next)
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && (unicode.IsLetter(n) || unicode.IsDigit(n))
}

// pdfFirstHeading returns the first paragraph of the first page set larger
// than the body text, if any.
func pdfFirstHeading(paras []pdfPara) string {
	var sizes []float64
	for _, p := range paras {
		for _, l := range p.lines {
			for range len(l.text) / 16 {
				sizes = append(sizes, l.size)
			}
		}
	}
	body := median(sizes)
	for _, p := range paras {
		if p.page > 0 {
			break
		}
		if p.size >= body*1.15 && len(p.lines) <= 4 {
			t := paragraphTexts([]pdfPara{p})[0]
			if utf8.RuneCountInString(t) >= 3 {
				return shorten(t, 200)
			}
		}
	}
	return ""
}

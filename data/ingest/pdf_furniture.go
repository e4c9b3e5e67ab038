package ingest

import (
	"regexp"
	"strings"
)

// pageNumberRe matches a line that is only a page number: "7", "- 7 -",
// "Page 7", "7 of 53", "vii".
var pageNumberRe = regexp.MustCompile(`(?i)^(?:[-–—]\s*)?(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:/|of)\s*\d{1,4})?(?:\s*[-–—])?$`)

var digitsRe = regexp.MustCompile(`\d+`)

// dropPageFurniture removes running headers, footers and page numbers: the
// lines at the very top or bottom of a page, set apart from the text, that
// are a page number or recur on other pages (digits aside).
func dropPageFurniture(doc [][]pdfLine) {
	type edge struct{ page, line int }
	var edges []edge
	seen := map[string]map[int]bool{}
	for pg, lines := range doc {
		for _, i := range marginLines(lines) {
			edges = append(edges, edge{pg, i})
			k := furnitureKey(lines[i].text)
			if seen[k] == nil {
				seen[k] = map[int]bool{}
			}
			seen[k][pg] = true
		}
	}
	drop := map[edge]bool{}
	for _, e := range edges {
		t := strings.TrimSpace(doc[e.page][e.line].text)
		n := len(seen[furnitureKey(t)])
		if pageNumberRe.MatchString(t) || (n >= min(3, len(doc)) && n >= 2 && n*5 >= len(doc)) {
			drop[e] = true
		}
	}
	for pg, lines := range doc {
		kept := lines[:0]
		for i, l := range lines {
			if !drop[edge{pg, i}] {
				kept = append(kept, l)
			}
		}
		doc[pg] = kept
	}
}

// marginLines returns the lines of a page's top and bottom rows, when a gap
// wider than the usual line spacing sets that row apart.
func marginLines(lines []pdfLine) []int {
	if len(lines) < 2 {
		return nil
	}
	top, bottom := lines[0].y, lines[0].y
	for _, l := range lines {
		top, bottom = min(top, l.y), max(bottom, l.y)
	}
	var out []int
	for _, edgeY := range []float64{top, bottom} {
		var row []int
		nearest := -1.0
		for i, l := range lines {
			d := l.y - edgeY
			if d < 0 {
				d = -d
			}
			if d < 0.5*l.size {
				row = append(row, i)
			} else if nearest < 0 || d < nearest {
				nearest = d
			}
		}
		if len(row) == 0 || len(row) == len(lines) || nearest < 0 {
			continue
		}
		size := lines[row[0]].size
		if nearest > 1.4*size {
			out = append(out, row...)
		}
		if top == bottom {
			break
		}
	}
	return out
}

// furnitureKey is a line's text with its numbers masked, so that "Page 3"
// and "Page 4" compare equal.
func furnitureKey(s string) string {
	return lower(digitsRe.ReplaceAllString(collapseSpace(s), "#"))
}

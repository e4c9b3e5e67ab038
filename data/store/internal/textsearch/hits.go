package textsearch

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// Locate finds the hits of q in a found article's body: the rune offset of
// the first (-1 when only the title matched) and a snippet of the body
// around it with every hit in it between store.HitStart and store.HitEnd
// ("…" where the body was cut).
func (q Query) Locate(body string) (first int, snippet string) {
	spans := findPhrases(body, q.phrases, snippetLength+snippetBefore)
	spans = mergeSpans(append(spans, findNeedles(body, q.needles)...))
	first = -1
	if len(spans) > 0 {
		first = spans[0].Start
	}
	return first, cutSnippet(body, spans)
}

// findNeedles returns the rune spans of every occurrence of the needles.
func findNeedles(body string, needles []string) []model.Span {
	var spans []model.Span
	for _, nd := range needles {
		l := utf8.RuneCountInString(nd)
		from, runeBase := 0, 0
		for {
			i := strings.Index(body[from:], nd)
			if i < 0 {
				break
			}
			runeBase += utf8.RuneCountInString(body[from : from+i])
			spans = append(spans, model.Span{Start: runeBase, End: runeBase + l})
			runeBase += l
			from += i + len(nd)
		}
	}
	return spans
}

func mergeSpans(spans []model.Span) []model.Span {
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var out []model.Span
	for _, s := range spans {
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// Snippet window, in runes.
const (
	snippetBefore = 60
	snippetLength = 240
)

// cutSnippet cuts an excerpt around the first span and marks the spans in it.
func cutSnippet(body string, spans []model.Span) string {
	from := 0
	if len(spans) > 0 {
		from = max(spans[0].Start-snippetBefore, 0)
	}
	// Work on a window of runes wide enough for the adjustments below.
	base := max(from-1, 0)
	rs, more := runeWindow(body, base, from+snippetBefore+snippetLength+32)
	at := func(i int) rune { return rs[i-base] }
	n := base + len(rs) // runes available up to the window end
	if len(spans) > 0 {
		for from > 0 && from < spans[0].Start && !unicode.IsSpace(at(from-1)) {
			from++
		}
	}
	to := min(from+snippetLength, n)
	for to < n && to > from && !unicode.IsSpace(at(to)) && to-from < snippetLength+30 {
		to++
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	pos := from
	for _, s := range spans {
		if s.End <= from || s.Start >= to {
			continue
		}
		st, en := max(s.Start, from), min(s.End, to)
		b.WriteString(string(rs[pos-base : st-base]))
		b.WriteString(store.HitStart)
		b.WriteString(string(rs[st-base : en-base]))
		b.WriteString(store.HitEnd)
		pos = en
	}
	b.WriteString(string(rs[pos-base : to-base]))
	if to < n || more {
		b.WriteString("…")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// runeWindow returns the runes of s from rune offset lo up to (not
// including) hi, and whether s goes on after hi.
func runeWindow(s string, lo, hi int) ([]rune, bool) {
	out := make([]rune, 0, hi-lo)
	i := 0
	for _, r := range s {
		if i >= hi {
			return out, true
		}
		if i >= lo {
			out = append(out, r)
		}
		i++
	}
	return out, false
}

package sqlite

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Search runs a full-text query over titles and bodies and returns up to
// limit hits, best first (BM25, title hits weigh more). Words must all occur
// (any order); word* is a prefix; "a phrase" is a phrase. Chinese, Japanese
// and Korean text is found by any substring of its characters. No input is a
// syntax error: a query with nothing searchable returns no hits.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]SearchHit, error) {
	if limit <= 0 {
		limit = 50
	}
	q := parseQuery(query)
	if q.empty() {
		return nil, nil
	}
	ranked, err := s.rankArticles(ctx, q, limit)
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", query, err)
	}
	hits := make([]SearchHit, len(ranked))
	for i, a := range ranked {
		h := a.hit
		spans := findPhrases(a.body, q.phrases, snippetLength+snippetBefore)
		spans = mergeSpans(append(spans, findNeedles(a.body, q.needles)...))
		h.FirstHit = -1
		if len(spans) > 0 {
			h.FirstHit = spans[0].Start
		}
		h.Snippet = snippet(a.body, spans)
		hits[i] = h
	}
	return hits, nil
}

// findNeedles returns the rune spans of every occurrence of the needles.
func findNeedles(body string, needles []string) []Span {
	var spans []Span
	for _, nd := range needles {
		l := utf8.RuneCountInString(nd)
		from, runeBase := 0, 0
		for {
			i := strings.Index(body[from:], nd)
			if i < 0 {
				break
			}
			runeBase += utf8.RuneCountInString(body[from : from+i])
			spans = append(spans, Span{Start: runeBase, End: runeBase + l})
			runeBase += l
			from += i + len(nd)
		}
	}
	return spans
}

func mergeSpans(spans []Span) []Span {
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var out []Span
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

// snippet cuts an excerpt around the first span and marks the spans in it.
func snippet(body string, spans []Span) string {
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
		b.WriteString(HitStart)
		b.WriteString(string(rs[st-base : en-base]))
		b.WriteString(HitEnd)
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

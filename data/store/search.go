package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Markers placed around each hit in SearchHit.Snippet. They are control
// characters that never occur in article text; a UI replaces them with its
// own highlighting.
const (
	HitStart = "\x02"
	HitEnd   = "\x03"
)

// SearchHit is one article found by Search.
type SearchHit struct {
	ArticleID                     int64
	Title, Publication, Published string
	// Snippet is an excerpt of the body around the first hit, with every hit
	// in it between HitStart and HitEnd; "…" marks where the body was cut.
	Snippet string
	// FirstHit is the rune offset in the body of the first hit, or -1 when
	// only the title matched.
	FirstHit int
	// Rank is the bm25 score: lower is better; hits are sorted by it.
	Rank float64
}

// Search runs a full-text query over titles and bodies and returns up to
// limit hits, best first (bm25, title hits weigh more). Words must all occur
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
	var sqlText string
	var args []any
	switch {
	case q.cjk == "":
		sqlText = `SELECT a.id, a.title, a.publication, a.published, f.rank, highlight(articles_fts, 1, char(2), char(3))
			FROM articles_fts f JOIN articles a ON a.id = f.rowid
			WHERE articles_fts MATCH ? ORDER BY f.rank LIMIT ?`
		args = []any{q.latin, limit}
	case q.latin == "":
		sqlText = `SELECT a.id, a.title, a.publication, a.published, c.rank, a.body
			FROM articles_cjk c JOIN articles a ON a.id = c.rowid
			WHERE articles_cjk MATCH ? ORDER BY c.rank LIMIT ?`
		args = []any{q.cjk, limit}
	default:
		sqlText = `SELECT a.id, a.title, a.publication, a.published, f.rank + c.rank, highlight(articles_fts, 1, char(2), char(3))
			FROM articles_fts f JOIN articles_cjk c ON c.rowid = f.rowid JOIN articles a ON a.id = f.rowid
			WHERE articles_fts MATCH ? AND articles_cjk MATCH ? ORDER BY f.rank + c.rank LIMIT ?`
		args = []any{q.latin, q.cjk, limit}
	}
	rows, err := s.r.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", query, err)
	}
	defer rows.Close()
	var hits []SearchHit
	for rows.Next() {
		var h SearchHit
		var marked string
		if err := rows.Scan(&h.ArticleID, &h.Title, &h.Publication, &h.Published, &h.Rank, &marked); err != nil {
			return nil, fmt.Errorf("store: search %q: %w", query, err)
		}
		body, spans := unmark(marked)
		spans = append(spans, findNeedles(body, q.needles)...)
		spans = mergeSpans(spans)
		h.FirstHit = -1
		if len(spans) > 0 {
			h.FirstHit = spans[0].Start
		}
		h.Snippet = snippet(body, spans)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: search %q: %w", query, err)
	}
	return hits, nil
}

// unmark removes HitStart/HitEnd markers from text and returns the plain text
// with the rune spans they enclosed.
func unmark(marked string) (string, []Span) {
	if !strings.ContainsAny(marked, HitStart+HitEnd) {
		return marked, nil
	}
	var b strings.Builder
	b.Grow(len(marked))
	var spans []Span
	n, start := 0, -1
	for _, r := range marked {
		switch r {
		case '\x02':
			start = n
		case '\x03':
			if start >= 0 && n > start {
				spans = append(spans, Span{start, n})
			}
			start = -1
		default:
			b.WriteRune(r)
			n++
		}
	}
	return b.String(), spans
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
			spans = append(spans, Span{runeBase, runeBase + l})
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
	rs := []rune(body)
	from := 0
	if len(spans) > 0 {
		from = max(spans[0].Start-snippetBefore, 0)
		for from > 0 && from < spans[0].Start && !unicode.IsSpace(rs[from-1]) {
			from++
		}
	}
	to := min(from+snippetLength, len(rs))
	for to < len(rs) && to > from && !unicode.IsSpace(rs[to]) && to-from < snippetLength+30 {
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
		b.WriteString(string(rs[pos:st]))
		b.WriteString(HitStart)
		b.WriteString(string(rs[st:en]))
		b.WriteString(HitEnd)
		pos = en
	}
	b.WriteString(string(rs[pos:to]))
	if to < len(rs) {
		b.WriteString("…")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

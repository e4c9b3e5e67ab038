package sqlite

import (
	"context"
	"fmt"
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
		h.FirstHit, h.Snippet = q.Locate(a.body)
		hits[i] = h
	}
	return hits, nil
}

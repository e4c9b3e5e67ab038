package sqlite_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/attache-app/attache/data/store/storetest"

	"github.com/attache-app/attache/data/store"
)

// FuzzSearch checks that no query is an FTS5 syntax error and that every
// snippet is valid text with balanced hit markers.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{"近平", `"Supreme Court"`, "fentan*", "AND OR NOT", `a"b`, "(*)", "習", "^x", "title:China",
		"NEAR(a b, 2)", "-Trump", "'", "\x00", "São*", "U.S.", "近 平", "\"近平 Xi\""} {
		f.Add(q)
	}
	ctx := context.Background()
	s, _ := openTemp(f)
	if _, err := s.ImportArticles(ctx, storetest.SeedArticles(f)); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		hits, err := s.Search(ctx, q, 5)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		for _, h := range hits {
			if !utf8.ValidString(h.Snippet) || strings.Count(h.Snippet, store.HitStart) != strings.Count(h.Snippet, store.HitEnd) {
				t.Errorf("Search(%q) snippet %q", q, h.Snippet)
			}
		}
		if _, err := s.Articles(ctx, store.ArticleFilter{Text: q}); err != nil {
			t.Fatalf("Articles(%q): %v", q, err)
		}
	})
}

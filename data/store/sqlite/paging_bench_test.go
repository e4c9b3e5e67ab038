package sqlite_test

import (
	"context"
	"os"
	"testing"

	"github.com/attache-app/attache/data/store/sqlite"

	"github.com/attache-app/attache/data/store"
)

// BenchmarkArticleList measures what the article list reads when it is
// sorted: the ids of every article in order, and the summaries of one page.
// ATTACHE_BENCH_PROJECT names a project to measure (for example the
// million-article one scripts/bench-million.sh builds); else the store's
// 20,000-article benchmark project is used.
func BenchmarkArticleList(b *testing.B) {
	path := os.Getenv("ATTACHE_BENCH_PROJECT")
	if path == "" {
		path = benchProject(b)
	}
	s, err := sqlite.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for _, bc := range []struct {
		name string
		f    store.ArticleFilter
	}{
		{"import-order", store.ArticleFilter{}},
		{"newest", store.ArticleFilter{Sort: store.ByDate, Desc: true}},
		{"title", store.ArticleFilter{Sort: store.ByTitle}},
	} {
		b.Run("ids/"+bc.name, func(b *testing.B) {
			var n int
			for b.Loop() {
				ids, err := s.ArticleIDs(ctx, bc.f)
				if err != nil {
					b.Fatal(err)
				}
				n = len(ids)
			}
			b.ReportMetric(float64(n), "articles")
		})
	}
	ids, err := s.ArticleIDs(ctx, store.ArticleFilter{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("page", func(b *testing.B) {
		page := ids[len(ids)/2:][:100]
		for b.Loop() {
			if _, err := s.ArticleSummaries(ctx, page); err != nil {
				b.Fatal(err)
			}
		}
	})
}

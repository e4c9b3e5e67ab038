package postgres_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/postgres/pgtest"
)

// TestTwoMembersImportingAtOnceLoseNothing imports two overlapping files
// from two connections at the same time, many times over: every article is
// in the project once, each file's import is whole, and the search index
// holds each article once.
func TestTwoMembersImportingAtOnceLoseNothing(t *testing.T) {
	p := pgtest.NewProject(t)
	ctx := context.Background()
	a, b := open(t, p.OwnerURL()), open(t, p.OwnerURL())
	file := func(from, to int) []store.Article {
		var out []store.Article
		for i := from; i < to; i++ {
			out = append(out, store.Article{Title: fmt.Sprintf("Story %d", i), Body: fmt.Sprintf("Envoys met for round %d of talks on grain exports.", i)})
		}
		return out
	}
	var wg sync.WaitGroup
	results := make([]store.ImportResult, 2)
	errs := make([]error, 2)
	for round := range 5 {
		lo := round * 40
		wg.Go(func() { results[0], errs[0] = a.ImportArticles(ctx, file(lo, lo+30)) })
		wg.Go(func() { results[1], errs[1] = b.ImportArticles(ctx, reversed(file(lo+10, lo+40))) })
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d, import %d: %v", round, i, err)
			}
		}
		if d := results[0].Duplicates + results[1].Duplicates; d != 20 {
			t.Fatalf("round %d: %d duplicates between two files sharing 20 articles", round, d)
		}
	}
	var articles, distinct, indexed int
	if err := p.Cluster.QueryRow(ctx, p.DB, `SELECT count(*), count(DISTINCT hash), (SELECT count(DISTINCT article_id) FROM attache.article_words) FROM attache.articles`,
		&articles, &distinct, &indexed); err != nil {
		t.Fatal(err)
	}
	if articles != 200 || distinct != 200 || indexed != 200 {
		t.Fatalf("%d articles, %d distinct, %d indexed; want 200 each", articles, distinct, indexed)
	}
	hits, err := a.Search(ctx, "grain", 1000)
	if err != nil || len(hits) != 200 {
		t.Fatalf("search finds %d of 200 (%v)", len(hits), err)
	}
}

// reversed gives the shared articles in the other order, which would
// deadlock two imports that did not queue.
func reversed(arts []store.Article) []store.Article {
	for i, j := 0, len(arts)-1; i < j; i, j = i+1, j-1 {
		arts[i], arts[j] = arts[j], arts[i]
	}
	return arts
}

package sqlite_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/store/storetest"

	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/internal/gen"
)

// TestImportIndexesEveryArticle imports more text than one indexing batch
// holds, then checks that every article can be found, that a failed import
// leaves the index and its trigger as they were, and that an article made
// after the import (by a split) is indexed as it is created.
func TestImportIndexesEveryArticle(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	arts := toArticles(gen.Articles(1200, 800, 7), "big.jsonl") // about 6 MB of text
	for i := range arts {
		arts[i].Body = fmt.Sprintf("Marker%04dx opens article %d. %s", i, i, arts[i].Body)
	}
	res, err := s.ImportArticles(ctx, arts)
	must(t, err)
	for _, i := range []int{0, 1, 599, 600, 1198, 1199} {
		hits, err := s.Search(ctx, fmt.Sprintf("Marker%04dx", i), 5)
		must(t, err)
		if len(hits) != 1 || hits[0].ArticleID != res.IDs[i] {
			t.Errorf("article %d: hits %+v, want id %d", i, hits, res.IDs[i])
		}
	}

	// A failing import is rolled back whole.
	failing := errors.New("disk unplugged")
	n := 0
	_, err = s.ImportArticlesFrom(ctx, func() (store.Article, bool, error) {
		n++
		if n > 1500 {
			return store.Article{}, false, failing
		}
		return store.Article{Title: "Doomed", Body: fmt.Sprintf("Doomedword appears in doomed article %d.", n)}, true, nil
	})
	if !errors.Is(err, failing) {
		t.Fatalf("failing import: %v", err)
	}
	if hits, _ := s.Search(ctx, "Doomedword", 5); len(hits) != 0 {
		t.Errorf("a rolled-back import left %d hits", len(hits))
	}

	// Articles made after the import are indexed by the trigger again.
	body := "Firstpart of the story. " + strings.Repeat("More words here. ", 20) + "Secondpart begins here."
	id := storetest.ImportOne(t, s, store.Article{Title: "Two stories", Body: body})
	second, err := s.SplitArticle(ctx, id, storetest.RuneIndex(t, body, "Secondpart"))
	must(t, err)
	hits, err := s.Search(ctx, "Secondpart", 5)
	must(t, err)
	if len(hits) != 1 || hits[0].ArticleID != second {
		t.Errorf("split-off article: hits %+v, want id %d", hits, second)
	}
}

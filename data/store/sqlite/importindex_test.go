package sqlite_test

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/model"
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
	failingImport(t, s, 1500)
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

// TestImportIntoEmptyProject checks what an import into a project without
// articles does differently (it builds the list indexes after the rows and
// numbers the rows itself): a failed import leaves the schema as it was, a
// good one leaves it as a new project has it with the list read in order
// from it, ids follow one another, and an id is never given twice even
// after the last article was deleted.
func TestImportIntoEmptyProject(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	before := schemaSQL(t, path)

	failingImport(t, s, 30)
	if got := schemaSQL(t, path); got != before {
		t.Fatalf("a failed import changed the schema:\n%s\nwas:\n%s", got, before)
	}

	arts := storetest.SeedArticles(t)
	res, err := s.ImportArticles(ctx, arts)
	must(t, err)
	for i, id := range res.IDs {
		if id != int64(i+1) {
			t.Fatalf("ids %v, want 1 to %d", res.IDs, len(arts))
		}
	}
	if got := schemaSQL(t, path); got != before {
		t.Fatalf("the import left the schema changed:\n%s\nwant:\n%s", got, before)
	}
	list, err := s.Articles(ctx, store.ArticleFilter{Sort: store.ByTitle})
	must(t, err)
	if len(list) != len(arts) || !slices.IsSortedFunc(list, func(a, b store.ArticleSummary) int {
		return cmp.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title))
	}) {
		t.Errorf("%d articles listed by title, want %d in order", len(list), len(arts))
	}

	last := res.IDs[len(res.IDs)-1]
	must(t, s.DeleteArticle(ctx, last))
	if id := storetest.ImportOne(t, s, model.Article{Title: "After", Body: "Imported after the last article was deleted."}); id != last+1 {
		t.Errorf("new article has id %d, want %d (ids are not reused)", id, last+1)
	}
	ftsIntegrity(t, path)
}

// failingImport runs an import whose reader fails after n articles, each
// holding the word Doomedword, and checks that the import reports the
// reader's error.
func failingImport(t *testing.T, s store.Store, n int) {
	t.Helper()
	failing := errors.New("disk unplugged")
	read := 0
	_, err := s.ImportArticlesFrom(context.Background(), func() (store.Article, bool, error) {
		read++
		if read > n {
			return store.Article{}, false, failing
		}
		return store.Article{Title: "Doomed", Body: fmt.Sprintf("Doomedword appears in doomed article %d.", read)}, true, nil
	})
	if !errors.Is(err, failing) {
		t.Fatalf("failing import: %v", err)
	}
}

// schemaSQL lists the tables, indexes and triggers of the project at path
// with their SQL.
func schemaSQL(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var typ, name, create string
		if err := rows.Scan(&typ, &name, &create); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %s: %s\n", typ, name, create)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

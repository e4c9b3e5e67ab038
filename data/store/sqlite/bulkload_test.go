package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"testing"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/internal/gen"
	"github.com/attache-app/attache/data/store/sqlite"
	"github.com/attache-app/attache/data/store/storetest"
)

// bulkQueries are searches of every kind over gen's articles and the
// markers markedArticles adds: single words, a prefix, a phrase, words that
// must all occur, and a word no article holds.
var bulkQueries = []string{"Marker0000x", "Marker1234x", "Marker1499x", "minister", "talks", "sanction*",
	`"foreign minister"`, "trade talks", "Beijing Washington", "nosuchwordanywhere"}

// markedArticles returns n generated articles, each with a word of its own.
func markedArticles(n int) []store.Article {
	arts := toArticles(gen.Articles(n, 600, 11), "bulk.jsonl")
	for i := range arts {
		arts[i].Body = fmt.Sprintf("Marker%04dx opens article %d. %s", i, i, arts[i].Body)
	}
	return arts
}

// TestImportIntoEmptyProjectIndexesAsAnyImport imports the same articles
// into a project without articles (whose full-text index is built on a
// second connection and copied in) and into a project that already holds
// one, and checks that every search finds the same articles in both and
// that both indexes pass FTS5's integrity check.
func TestImportIntoEmptyProjectIndexesAsAnyImport(t *testing.T) {
	ctx := context.Background()
	arts := markedArticles(1500) // several batches of the builder
	empty, emptyPath := openTemp(t)
	res, err := empty.ImportArticles(ctx, arts)
	must(t, err)

	held, heldPath := openTemp(t)
	first := storetest.ImportOne(t, held, model.Article{Title: "Held", Body: "An article the project held before the import."})
	heldRes, err := held.ImportArticles(ctx, arts)
	must(t, err)

	for _, q := range bulkQueries {
		got := hitIndexes(t, empty, q, res.IDs)
		want := hitIndexes(t, held, q, heldRes.IDs)
		if !slices.Equal(got, want) {
			t.Errorf("search %s: the import into an empty project finds articles %v, into a held one %v", q, got, want)
		}
	}
	if got := hitIndexes(t, empty, "Marker1234x", res.IDs); !slices.Equal(got, []int{1234}) {
		t.Errorf("search Marker1234x found articles %v, want [1234]", got)
	}
	if hits, _ := held.Search(ctx, "held", 5); len(hits) != 1 || hits[0].ArticleID != first {
		t.Errorf("the article held before the import: hits %+v", hits)
	}
	ftsIntegrity(t, emptyPath)
	ftsIntegrity(t, heldPath)
}

// TestImportIntoEmptiedProjectThenEdit empties a project whose writer has
// used the full-text index (deleting articles goes through it), imports
// into it, then changes the index on the same store again: a deletion, a
// split and another import. Every search stays right.
func TestImportIntoEmptiedProjectThenEdit(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	old := storetest.ImportOne(t, s, model.Article{Title: "Old", Body: "Oldword was in the project once."})
	must(t, s.DeleteArticle(ctx, old))

	arts := markedArticles(1500)
	res, err := s.ImportArticles(ctx, arts)
	must(t, err)
	must(t, s.DeleteArticle(ctx, res.IDs[7]))
	body := arts[9].Body
	second, err := s.SplitArticle(ctx, res.IDs[9], storetest.RuneIndex(t, body, "opens article 9."))
	must(t, err)
	later := storetest.ImportOne(t, s, model.Article{Title: "Later", Body: "Laterword arrives after the bulk import."})

	expectSearches(t, s, map[string][]int64{
		"Oldword":           nil,
		"Marker0007x":       nil,
		"Marker0009x":       {res.IDs[9]},
		"Marker0010x":       {res.IDs[10]},
		"Marker1499x":       {res.IDs[1499]},
		"Laterword":         {later},
		`"opens article 9"`: {second},
	})
	ftsIntegrity(t, path)
}

// TestImportWhileProjectOpenElsewhere imports into an empty project that
// another store (another window) has open and reads during the import: its
// reads go on while the import runs, and it sees the import once done, and
// the edits the importing store makes to what the new index holds.
func TestImportWhileProjectOpenElsewhere(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	other, err := sqlite.Open(path)
	must(t, err)
	defer other.Close()
	if c, err := other.Counts(ctx); err != nil || c.Articles != 0 {
		t.Fatalf("other window: %+v, %v", c, err)
	}

	arts := markedArticles(1500)
	i := 0
	res, err := s.ImportArticlesFrom(ctx, func() (store.Article, bool, error) {
		if i == len(arts) {
			return store.Article{}, false, nil
		}
		if i == 1200 { // the first chunks are written by now
			c, err := other.Counts(ctx)
			if err != nil || c.Articles != 0 {
				return store.Article{}, false, fmt.Errorf("other window during the import: %+v, %v", c, err)
			}
		}
		i++
		return arts[i-1], true, nil
	})
	must(t, err)
	if c, err := other.Counts(ctx); err != nil || c.Articles != len(res.IDs) {
		t.Errorf("other window after the import: %+v, %v", c, err)
	}

	// The importing store goes on editing what the index holds.
	a, err := s.Article(ctx, res.IDs[3])
	must(t, err)
	must(t, s.UpdateArticleMeta(ctx, a.ID, model.ArticleMeta{Title: "Renamed with Retitleword", Publication: a.Publication, Published: a.Published}))
	must(t, s.DeleteArticle(ctx, res.IDs[4]))
	expectSearches(t, other, map[string][]int64{"Retitleword": {a.ID}, "Marker0004x": nil, "Marker0005x": {res.IDs[5]}})
	ftsIntegrity(t, path)
}

// expectSearches checks that each query finds exactly the articles given,
// in that order.
func expectSearches(t *testing.T, s store.Store, want map[string][]int64) {
	t.Helper()
	for q, ids := range want {
		var got []int64
		hits, err := s.Search(context.Background(), q, 10)
		must(t, err)
		for _, h := range hits {
			got = append(got, h.ArticleID)
		}
		if !slices.Equal(got, ids) {
			t.Errorf("search %s = %v, want %v", q, got, ids)
		}
	}
}

// hitIndexes returns the positions in ids of the articles a search finds,
// sorted.
func hitIndexes(t *testing.T, s store.Store, q string, ids []int64) []int {
	t.Helper()
	hits, err := s.Search(context.Background(), q, 100000)
	must(t, err)
	pos := make(map[int64]int, len(ids))
	for i, id := range ids {
		pos[id] = i
	}
	var out []int
	for _, h := range hits {
		if i, ok := pos[h.ArticleID]; ok {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return out
}

// ftsIntegrity runs FTS5's integrity check on both full-text indexes of
// the project at path, and SQLite's on the file, and checks the file is
// back in WAL mode.
func ftsIntegrity(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	must(t, err)
	defer db.Close()
	for _, table := range []string{"articles_fts", "articles_cjk"} {
		if _, err := db.Exec(`INSERT INTO ` + table + `(` + table + `, rank) VALUES ('integrity-check', 0)`); err != nil {
			t.Errorf("%s: %v", table, err)
		}
	}
	var integrity, mode string
	must(t, db.QueryRow(`PRAGMA integrity_check`).Scan(&integrity))
	must(t, db.QueryRow(`PRAGMA journal_mode`).Scan(&mode))
	if integrity != "ok" || mode != "wal" {
		t.Errorf("integrity_check %q, journal_mode %q; want ok and wal", integrity, mode)
	}
}

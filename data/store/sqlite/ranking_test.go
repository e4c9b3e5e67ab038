package sqlite_test

import (
	"context"
	"database/sql"
	"math"
	"testing"

	"github.com/attache-app/attache/data/store/storetest"

	"github.com/attache-app/attache/data/store/sqlite"

	"github.com/attache-app/attache/data/store"
)

// filler is ordinary news prose around the words a test searches for.
const filler = "Officials from both governments met in the capital on Monday to discuss trade, " +
	"security and the coming summit. Reporters were told that further talks would follow " +
	"next month, and that a joint statement was being drafted by the two delegations. "

// TestSearchRanking pins the ranking down: BM25 with a title word worth ten
// body words, more mentions before fewer, and finite scores, best first.
func TestSearchRanking(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	if _, err := s.ImportArticles(ctx, storetest.SeedArticles(t)); err != nil {
		t.Fatal(err)
	}
	res, err := s.ImportArticles(ctx, []store.Article{
		{Title: "Once", Body: filler + "A quokka was seen. " + filler},
		{Title: "Quokka census", Body: filler + filler},
		{Title: "Thrice", Body: filler + "The quokka, a second quokka and a third quokka. " + filler},
	})
	if err != nil {
		t.Fatal(err)
	}
	once, title, thrice := res.IDs[0], res.IDs[1], res.IDs[2]
	hits, err := s.Search(ctx, "quokka", 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, h := range hits {
		got = append(got, h.ArticleID)
		if math.IsNaN(h.Rank) || math.IsInf(h.Rank, 0) || h.Rank >= 0 {
			t.Errorf("article %d has rank %v, want a finite negative score", h.ArticleID, h.Rank)
		}
	}
	if len(got) != 3 || got[0] != title || got[1] != thrice || got[2] != once {
		t.Fatalf("ranking = %v, want title hit %d, three mentions %d, one mention %d", got, title, thrice, once)
	}
	if !(hits[0].Rank < hits[1].Rank && hits[1].Rank < hits[2].Rank) {
		t.Errorf("ranks %v, %v, %v are not increasing", hits[0].Rank, hits[1].Rank, hits[2].Rank)
	}
}

// TestSearchIndexFollowsEdits changes articles every way the API allows and
// checks that search follows and that both full-text indexes stay sound.
func TestSearchIndexFollowsEdits(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	first := storetest.ImportOne(t, s, store.Article{Title: "Summit", Body: "Xi Jinping (習近平) met the envoy. " + filler})
	second := storetest.ImportOne(t, s, store.Article{Title: "Strait", Body: "The coast guard of 臺灣 sailed out. " + filler})
	found := func(query string) []int64 {
		t.Helper()
		hits, err := s.Search(ctx, query, 10)
		if err != nil {
			t.Fatalf("Search(%q): %v", query, err)
		}
		var ids []int64
		for _, h := range hits {
			ids = append(ids, h.ArticleID)
		}
		return ids
	}
	expect := func(query string, want ...int64) {
		t.Helper()
		got := found(query)
		if len(got) != len(want) {
			t.Fatalf("Search(%q) = %v, want %v", query, got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("Search(%q) = %v, want %v", query, got, want)
			}
		}
	}
	expect("近平", first)
	expect("coast 臺灣", second)

	if err := s.UpdateArticleMeta(ctx, first, store.ArticleMeta{Title: "北京 summit"}); err != nil {
		t.Fatal(err)
	}
	expect("北京", first)
	expect("envoy", first)
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	expect("北京")

	if err := s.DeleteArticle(ctx, second); err != nil {
		t.Fatal(err)
	}
	expect("臺灣")
	expect("coast")
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	expect("臺灣", second)

	if err := s.MergeArticleWithNext(ctx, first); err != nil {
		t.Fatal(err)
	}
	expect("臺灣 近平", first)
	tail, err := s.SplitArticle(ctx, first, storetest.RuneIndex(t, "Xi Jinping (習近平) met the envoy. "+filler, filler)+len([]rune(filler)))
	if err != nil {
		t.Fatal(err)
	}
	expect("近平", first)
	expect("臺灣", tail)
	s.Close()
	checkSearchIndexes(t, path)
}

// TestMigrationFromVersion2 opens a project written before the lean
// indexes and searches and edits it.
func TestMigrationFromVersion2(t *testing.T) {
	ctx := context.Background()
	path := oldProject(t, "v2.attache", 2,
		`INSERT INTO articles(id, title, body, runes, hash) VALUES (7, 'Talks', '習近平 met Marcos', 14, 'h1');
		INSERT INTO articles_cjk(rowid, grams) VALUES (7, '習近 近平 平 ')`)
	s, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"近平", "marcos", "talks 習近"} {
		if hits, err := s.Search(ctx, q, 5); err != nil || len(hits) != 1 || hits[0].ArticleID != 7 {
			t.Errorf("Search(%q) after migration = %v, %v", q, hits, err)
		}
	}
	if err := s.DeleteArticle(ctx, 7); err != nil {
		t.Fatal(err)
	}
	if hits, _ := s.Search(ctx, "近平", 5); len(hits) != 0 {
		t.Errorf("deleted article still found: %v", hits)
	}
	s.Close()
	checkSearchIndexes(t, path)
}

// checkSearchIndexes runs SQLite's and FTS5's own consistency checks on a
// closed project.
func checkSearchIndexes(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ok string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check = %q, %v", ok, err)
	}
	for _, table := range []string{"articles_fts", "articles_cjk"} {
		if _, err := db.Exec(`INSERT INTO ` + table + `(` + table + `) VALUES ('integrity-check')`); err != nil {
			t.Errorf("%s integrity-check: %v", table, err)
		}
	}
}

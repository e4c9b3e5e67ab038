package postgres_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/postgres/pgtest"
	"github.com/attache-app/attache/data/store/sqlite"
)

// TestArticleListsMatchTheProjectFile lists the same articles through both
// engines with every filter and order.
func TestArticleListsMatchTheProjectFile(t *testing.T) {
	p := pgtest.NewProject(t)
	ctx := context.Background()
	arts := testArticles(t)
	for i := range arts {
		arts[i].SourcePath = fmt.Sprintf("file%d.txt", i%3)
		arts[i].SourcePos = i / 3
	}
	lite, err := sqlite.Open(filepath.Join(t.TempDir(), "same.attache"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	pg := open(t, p.OwnerURL())
	if _, err := lite.ImportArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	if _, err := pg.ImportArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	filters := []store.ArticleFilter{
		{},
		{Sort: store.ByDate}, {Sort: store.ByDate, Desc: true},
		{Sort: store.ByTitle}, {Sort: store.ByTitle, Desc: true},
		{Desc: true, Limit: 7, Offset: 3},
		{Text: "oil prices", Sort: store.ByDate},
		{Text: "北京"}, {Text: `"`},
		{Publication: "reuters", Sort: store.ByTitle, Limit: 20},
		{From: "1987-03-01", To: "1987-03-02", Sort: store.ByDate},
	}
	for _, f := range filters {
		want, err := lite.Articles(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := pg.Articles(ctx, f)
		if err != nil {
			t.Fatalf("%+v: %v", f, err)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%+v: server lists %d articles, file %d, or in another order", f, len(got), len(want))
		}
		ids, err := pg.ArticleIDs(ctx, f)
		if err != nil || len(ids) != len(got) {
			t.Errorf("%+v: %d ids for %d articles (%v)", f, len(ids), len(got), err)
		}
	}
	wantCounts, _ := lite.Counts(ctx)
	gotCounts, err := pg.Counts(ctx)
	if err != nil || gotCounts != wantCounts {
		t.Errorf("counts %+v, file %+v (%v)", gotCounts, wantCounts, err)
	}
	ids := []int64{3, 999, 1, 3}
	wantSums, _ := lite.ArticleSummaries(ctx, ids)
	gotSums, err := pg.ArticleSummaries(ctx, ids)
	if err != nil || fmt.Sprint(gotSums) != fmt.Sprint(wantSums) {
		t.Errorf("summaries differ: %v", err)
	}
	wantTitles, _ := lite.ArticleTitles(ctx, ids)
	gotTitles, err := pg.ArticleTitles(ctx, ids)
	if err != nil || fmt.Sprint(gotTitles) != fmt.Sprint(wantTitles) {
		t.Errorf("titles differ: %v", err)
	}
}

func TestEditAndDeleteArticleAreUndone(t *testing.T) {
	_, _, ana, _, art := team(t)
	ctx := context.Background()
	pid, err := ana.CreatePassage(ctx, store.Passage{ArticleID: art, Start: 0, End: 10})
	if err != nil {
		t.Fatal(err)
	}
	if err := ana.UpdateArticleMeta(ctx, art, model.ArticleMeta{Title: "Phone diplomacy", Published: "2025-01-17"}); err != nil {
		t.Fatal(err)
	}
	if hits, _ := ana.Search(ctx, "diplomacy", 5); len(hits) != 1 {
		t.Fatalf("new title not searchable: %v", hits)
	}
	if err := ana.UpdateArticleMeta(ctx, art, model.ArticleMeta{Title: "x", Published: "2025-02-31"}); err == nil {
		t.Fatal("an impossible date was accepted")
	}
	if err := ana.DeleteArticle(ctx, art); err != nil {
		t.Fatal(err)
	}
	if hits, _ := ana.Search(ctx, "Taiwan", 5); len(hits) != 0 {
		t.Fatal("deleted article still found")
	}
	if l, err := ana.Undo(ctx); err != nil || l != "Delete article" {
		t.Fatalf("undo delete: %q %v", l, err)
	}
	if hits, _ := ana.Search(ctx, "Taiwan", 5); len(hits) != 1 {
		t.Fatal("restored article not found")
	}
	if _, err := ana.Passage(ctx, pid); err != nil {
		t.Fatalf("passage not restored: %v", err)
	}
	if _, err := ana.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	a, _ := ana.Article(ctx, art)
	if a.Title != "Call" || a.Published != "" {
		t.Fatalf("after undoing the edit: %q %q", a.Title, a.Published)
	}
	if hits, _ := ana.Search(ctx, "diplomacy", 5); len(hits) != 0 {
		t.Fatal("old title still indexed after undo")
	}
}

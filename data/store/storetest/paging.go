package storetest

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// TestArticleIDsFollowTheListOrder reads the ids of the article list in each
// order, filtered and not, and the summaries of a window of them: they are
// what Articles lists, row for row.
func testArticleIDsFollowTheListOrder(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	arts := SeedArticles(t)
	for i := range 1200 {
		arts = append(arts, store.Article{Title: fmt.Sprintf("Dispatch %d", (i*37)%1200), Publication: "Wire",
			Published: fmt.Sprintf("20%02d-%02d-01", 10+i%15, 1+i%12), Body: fmt.Sprintf("Dispatch number %d about grain.", i),
			SourcePath: "wire.jsonl", SourcePos: i})
	}
	if _, err := s.ImportArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	for _, f := range []store.ArticleFilter{
		{}, {Sort: store.ByDate, Desc: true}, {Sort: store.ByDate}, {Sort: store.ByTitle}, {Sort: store.ByTitle, Desc: true},
		{Text: "grain", Sort: store.ByTitle}, {Text: "習近平"}, {From: "2015-01-01", To: "2019-12-31", Sort: store.ByDate},
		{Sort: store.ByTitle, Limit: 50, Offset: 600}, {Text: "\"\""},
	} {
		t.Run(fmt.Sprintf("%+v", f), func(t *testing.T) {
			list, err := s.Articles(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			ids, err := s.ArticleIDs(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if len(ids) != len(list) {
				t.Fatalf("%d ids for %d articles", len(ids), len(list))
			}
			for i := range list {
				if ids[i] != list[i].ID {
					t.Fatalf("row %d: id %d, Articles lists %d", i, ids[i], list[i].ID)
				}
			}
			if len(ids) == 0 {
				return
			}
			lo := len(ids) / 2
			window := ids[lo:min(lo+100, len(ids))]
			got, err := s.ArticleSummaries(ctx, window)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, list[lo:lo+len(window)]) {
				t.Errorf("the summaries of rows %d… differ from the list's", lo)
			}
		})
	}
}

// TestArticleSummariesOfMissingArticles asks for ids that include one that
// does not exist, in more ids than one statement takes.
func testArticleSummariesOfMissingArticles(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	if _, err := s.ImportArticles(ctx, SeedArticles(t)); err != nil {
		t.Fatal(err)
	}
	ids, err := s.ArticleIDs(ctx, store.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var ask []int64
	for len(ask) < 1200 {
		ask = append(ask, ids...)
	}
	ask = append(ask, 999999)
	got, err := s.ArticleSummaries(ctx, ask)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(ask) {
		t.Fatalf("%d summaries for %d ids", len(got), len(ask))
	}
	for i, a := range got[:len(ask)-1] {
		if a.ID != ask[i] || a.Title == "" {
			t.Fatalf("summary %d is %+v, want article %d", i, a, ask[i])
		}
	}
	if last := got[len(got)-1]; last != (store.ArticleSummary{ID: 999999}) {
		t.Errorf("the missing article gives %+v", last)
	}
	titles, err := s.ArticleTitles(ctx, []int64{ids[0], 999999})
	if err != nil {
		t.Fatal(err)
	}
	if len(titles) != 1 || titles[ids[0]] != got[0].Title {
		t.Errorf("ArticleTitles gives %v", titles)
	}
}

func testEntitiesByID(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	var ids []int64
	for i := range 700 {
		id, err := s.CreateEntity(ctx, store.Entity{Name: fmt.Sprintf("Envoy %d", i), Kind: model.KindPerson, Country: "FRA"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	got, err := s.EntitiesByID(ctx, append(ids[100:], 0))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 600 {
		t.Fatalf("%d entities for 600 ids", len(got))
	}
	if e := got[ids[699]]; e.Name != "Envoy 699" || e.Kind != "person" || e.Country != "FRA" {
		t.Errorf("entity %d is %+v", ids[699], e)
	}
}

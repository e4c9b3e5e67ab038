package storetest

import (
	"context"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/store"
)

// TestImportExchange imports a coded project, then imports it again with an
// article whose text differs only in spacing and a passage on an existing
// span: nothing is duplicated, the respaced article is refused, the passage
// gains the new tag.
func testImportExchange(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	body := "Taipei and Washington held talks on Friday. 台灣 🇹🇼 welcomed them.\n"
	x := store.Exchange{
		Tags: []store.ExchangeTag{{Parent: -1, Name: "Diplomacy", Colour: "#3cb44b"}, {Parent: 0, Name: "Talks"}},
		Articles: []store.ExchangeArticle{{Article: store.Article{Title: "Talks", Body: body},
			Passages: []store.ExchangePassage{{Start: 44, End: 49, Tags: []int{1}, Note: "flag"}}}},
	}
	res, err := s.ImportExchange(ctx, x)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.NewArticles) != 1 || res.TagsCreated != 2 || res.Passages != 1 {
		t.Fatalf("first import: %+v", res)
	}
	ps, _ := s.Passages(ctx, store.PassageFilter{})
	if len(ps) != 1 || ps[0].Text != "台灣 🇹🇼" || ps[0].Note != "flag" {
		t.Fatalf("passages %+v", ps)
	}

	x.Tags = append(x.Tags, store.ExchangeTag{Parent: -1, Name: "Tone"})
	x.Articles[0].Passages[0].Tags = []int{1, 2}
	x.Articles = append(x.Articles, store.ExchangeArticle{Article: store.Article{Title: "Respaced", Body: strings.ReplaceAll(body, " ", "  ")},
		Passages: []store.ExchangePassage{{Start: 0, End: 6}}})
	res, err = s.ImportExchange(ctx, x)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.NewArticles) != 0 || res.TagsCreated != 1 || res.TagsReused != 2 || res.Passages != 0 || res.PassagesMerged != 1 ||
		len(res.Refused) != 1 || res.Refused[0] != 1 || res.ArticleIDs[1] != 0 {
		t.Errorf("second import: %+v", res)
	}
	ps, _ = s.Passages(ctx, store.PassageFilter{})
	if len(ps) != 1 || len(ps[0].TagIDs) != 2 || ps[0].Note != "flag" {
		t.Errorf("passages after the second import %+v", ps)
	}
}

// TestImportExchangeAllOrNothing imports an exchange with one span outside
// its article: it is refused and nothing of it stays.
func testImportExchangeAllOrNothing(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	_, err := s.ImportExchange(ctx, store.Exchange{
		Tags: []store.ExchangeTag{{Parent: -1, Name: "Diplomacy"}},
		Articles: []store.ExchangeArticle{
			{Article: store.Article{Title: "ok", Body: "Officials met."}, Passages: []store.ExchangePassage{{Start: 0, End: 9, Tags: []int{0}}}},
			{Article: store.Article{Title: "bad", Body: "短い 🐉"}, Passages: []store.ExchangePassage{{Start: 2, End: 5}}},
		},
	})
	if err == nil || !strings.Contains(err.Error(), `"bad"`) {
		t.Fatalf("got %v; want the span of \"bad\" refused", err)
	}
	if n, _ := s.Counts(ctx); n != (store.Counts{}) {
		t.Errorf("project holds %+v after a refused import", n)
	}
}

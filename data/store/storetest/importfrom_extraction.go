package storetest

import (
	"context"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/store"
)

// importItems imports items through ImportFrom.
func importItems(t *testing.T, s store.Store, items []store.ImportItem) store.ImportResult {
	t.Helper()
	i := 0
	res, err := s.ImportFrom(context.Background(), func() (store.ImportItem, bool, error) {
		if i == len(items) {
			return store.ImportItem{}, false, nil
		}
		i++
		return items[i-1], true, nil
	})
	must(t, err)
	return res
}

func testImportFromSavesWhatSaveExtractionSaves(t *testing.T, open Opener) {
	ctx := context.Background()
	arts := SeedArticles(t)
	x := seedExtraction(t, arts[0].Body)

	after := open(t)
	for _, a := range arts {
		ImportOne(t, after, a)
	}
	must(t, after.SaveExtraction(ctx, 1, x))

	with := open(t)
	items := make([]store.ImportItem, len(arts))
	for i, a := range arts {
		items[i].Article = a
	}
	items[0].Extraction = &x
	res := importItems(t, with, items)
	if len(res.Unsaved) != 0 {
		t.Fatalf("unsaved: %v", res.Unsaved)
	}
	if got, want := withoutWho(snapshot(t, with)), withoutWho(snapshot(t, after)); got != want {
		t.Errorf("import with extraction:\n%s\nextraction after import:\n%s", got, want)
	}
	c, _ := with.Counts(ctx)
	if c.Entities != 3 || c.Mentions != 4 || c.Events != 2 {
		t.Errorf("counts = %+v", c)
	}
	// Saving the same suggestions again adds nothing, as after SaveExtraction.
	before := snapshot(t, with)
	must(t, with.SaveExtraction(ctx, res.IDs[0], x))
	if snapshot(t, with) != before {
		t.Error("re-running extraction after an import with extraction added to the project")
	}
}

func testImportFromKeepsArticlesWhoseSuggestionsAreRefused(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	arts := SeedArticles(t)
	good := seedExtraction(t, arts[0].Body)
	// Spans of the long first article do not fit in a one-line teaser.
	bad := seedExtraction(t, arts[0].Body)
	res := importItems(t, s, []store.ImportItem{
		{Article: arts[1], Extraction: &bad},
		{Article: arts[0], Extraction: &good},
		{Article: arts[0], Extraction: &good}, // a duplicate: its suggestions go with it
	})
	if res.IDs[0] == 0 || res.IDs[1] == 0 || res.IDs[2] != 0 || res.Duplicates != 1 {
		t.Fatalf("result = %+v", res)
	}
	if len(res.Unsaved) != 1 || !strings.Contains(res.Unsaved[0].Error(), "article 0") || !strings.Contains(res.Unsaved[0].Error(), "not within article") {
		t.Fatalf("unsaved = %v, want the teaser's refusal", res.Unsaved)
	}
	if ms, _ := s.Mentions(ctx, store.MentionFilter{ArticleID: res.IDs[0]}); len(ms) != 0 {
		t.Errorf("refused suggestions left mentions: %+v", ms)
	}
	c, _ := s.Counts(ctx)
	if c.Articles != 2 || c.Entities != 3 || c.Mentions != 4 || c.Events != 2 {
		t.Errorf("counts = %+v", c)
	}
}

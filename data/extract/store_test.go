package extract_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"

	"github.com/attache-app/attache/data/store/sqlite"

	"github.com/attache-app/attache/data/extract"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

func TestRunSavesSuggestions(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "project.attache"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var arts []model.Article
	for i, body := range seedArticles(t) {
		arts = append(arts, model.Article{Title: "seed", Body: body, Published: seedPublished[i], SourcePath: "testdata/seed.txt", SourcePos: i})
	}
	res, err := st.ImportArticles(ctx, arts)
	if err != nil {
		t.Fatal(err)
	}
	x := newExtractor(t)
	if err := extract.Run(ctx, st, x, res.IDs); err != nil {
		t.Fatal(err)
	}
	evs, err := st.Events(ctx, store.EventFilter{ArticleID: res.IDs[0], Type: model.EventConsult})
	if err != nil {
		t.Fatal(err)
	}
	var call *model.Event
	for i := range evs {
		if evs[i].CAMEO == "041" {
			call = &evs[i]
		}
	}
	if call == nil {
		t.Fatalf("no CONSULT 041 stored for article 1: %+v", evs)
	}
	if call.Date != "2025-01-17" || call.Precision != "day" || call.Status != "suggested" || call.Start != 0 || call.DateBasis != "relative" {
		t.Errorf("stored call = %+v", *call)
	}
	var names []string
	for _, id := range append(append([]int64{}, call.Actors...), call.Recipients...) {
		e, err := st.Entity(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, e.Name)
		if e.Name == "Xi Jinping" && !slices.ContainsFunc(e.Aliases, func(a model.Alias) bool { return a.Name == "習近平" && a.Lang == "Hani" }) {
			t.Errorf("Xi Jinping aliases = %+v, want 習近平 (Hani)", e.Aliases)
		}
	}
	slices.Sort(names)
	if !slices.Equal(names, []string{"Donald Trump", "Xi Jinping"}) {
		t.Errorf("call participants = %v", names)
	}
	nz, err := st.Events(ctx, store.EventFilter{ArticleID: res.IDs[1], Type: model.EventSanction})
	if err != nil || len(nz) != 1 || nz[0].CAMEO != "1621" {
		t.Fatalf("NZ teaser SANCTION events = %+v, %v", nz, err)
	}

	// re-running adds nothing
	all, _ := st.Events(ctx, store.EventFilter{})
	ents, _ := st.Entities(ctx, store.EntityFilter{})
	if err := extract.Run(ctx, st, x, res.IDs); err != nil {
		t.Fatal(err)
	}
	all2, _ := st.Events(ctx, store.EventFilter{})
	ents2, _ := st.Entities(ctx, store.EntityFilter{})
	if len(all2) != len(all) || len(ents2) != len(ents) {
		t.Errorf("re-run changed counts: events %d -> %d, entities %d -> %d", len(all), len(all2), len(ents), len(ents2))
	}
	// the same person in two articles is one entity
	trumps := 0
	for _, e := range ents2 {
		if e.Name == "Donald Trump" {
			trumps++
		}
	}
	if trumps != 1 {
		t.Errorf("%d Donald Trump entities, want 1", trumps)
	}

	// a missing article is reported, the others still saved
	err = extract.Run(ctx, st, x, []int64{999999})
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Run on a missing article: %v, want ErrNotFound", err)
	}
}

package ingest_test

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/attache-app/attache/data/extract"
	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/internal/devcorpus"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// suggestions is everything extraction leaves in a project.
type suggestions struct {
	Entities []model.Entity
	Mentions []model.Mention
	Events   []model.Event
}

func suggestionsOf(t *testing.T, st store.Store) suggestions {
	t.Helper()
	ctx := context.Background()
	var s suggestions
	var err error
	if s.Entities, err = st.Entities(ctx, store.EntityFilter{}); err != nil {
		t.Fatal(err)
	}
	if s.Mentions, err = st.Mentions(ctx, store.MentionFilter{}); err != nil {
		t.Fatal(err)
	}
	if s.Events, err = st.Events(ctx, store.EventFilter{}); err != nil {
		t.Fatal(err)
	}
	return s
}

// importFiles imports paths into a new project and fails the test on any
// refused file or unsaved suggestion.
func importFiles(t *testing.T, paths []string, opts ingest.Options) (store.Store, []int64) {
	t.Helper()
	st := openStore(t)
	res, err := ingest.Import(context.Background(), st, paths, opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, r := range res {
		if r.Err != nil || len(r.Unsaved) > 0 {
			t.Fatalf("%s: %v %v", r.Path, r.Err, r.Unsaved)
		}
		ids = append(ids, r.IDs...)
	}
	return st, ids
}

// testFiles are real files to import: the seed bundle (read whole) and a
// JSON Lines file (streamed) of real wire stories from the development
// corpus when it is here, else of the seed's articles.
func testFiles(t *testing.T) []string {
	t.Helper()
	jsonl := filepath.Join(t.TempDir(), "stories.jsonl")
	stories, err := devcorpus.LoadDefault(400)
	if devcorpus.IsMissing(err) {
		for i, a := range read(t, seedFiles[0], ingest.Options{}) {
			stories = append(stories, devcorpus.Story{ID: fmt.Sprint(i), Title: a.Title, Published: "2025-01-18", Text: a.Body})
		}
	} else if err != nil {
		t.Fatal(err)
	}
	if err := devcorpus.WriteJSONL(jsonl, stories); err != nil {
		t.Fatal(err)
	}
	return []string{seedFiles[0], jsonl}
}

func TestImportWithExtractionEqualsExtractionAfterImport(t *testing.T) {
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	files := testFiles(t)

	after, ids := importFiles(t, files, ingest.Options{})
	if err := extract.Run(context.Background(), after, x, ids); err != nil {
		t.Fatal(err)
	}
	want := suggestionsOf(t, after)
	if len(want.Entities) == 0 || len(want.Mentions) == 0 || len(want.Events) == 0 {
		t.Fatalf("extraction found too little to compare: %d entities, %d mentions, %d events",
			len(want.Entities), len(want.Mentions), len(want.Events))
	}

	opts := ingest.Options{Extract: func(a model.Article) store.Extraction {
		return extract.ToStore(x.Extract(a.Body, a.Published))
	}}
	with, _ := importFiles(t, files, opts)
	got := suggestionsOf(t, with)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("import with extraction stored %d entities, %d mentions, %d events; extraction after import %d, %d, %d",
			len(got.Entities), len(got.Mentions), len(got.Events), len(want.Entities), len(want.Mentions), len(want.Events))
		for i := range min(len(got.Events), len(want.Events)) {
			if !reflect.DeepEqual(got.Events[i], want.Events[i]) {
				t.Errorf("first different event:\n%+v\nwant\n%+v", got.Events[i], want.Events[i])
				break
			}
		}
	}

	// Importing the same files again adds neither articles nor suggestions.
	res, err := ingest.Import(context.Background(), with, files, opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Imported != 0 {
			t.Errorf("%s imported again: %+v", r.Path, r)
		}
	}
	if again := suggestionsOf(t, with); !reflect.DeepEqual(again, got) {
		t.Error("importing the files again changed the suggestions")
	}
}

func TestImportWithExtractionCancelled(t *testing.T) {
	files := testFiles(t)
	st := openStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	opts := ingest.Options{Extract: func(a model.Article) store.Extraction {
		cancel() // the user cancels while the first articles are extracted
		return store.Extraction{}
	}}
	_, err := ingest.Import(ctx, st, files[1:], opts, nil)
	if err == nil {
		t.Fatal("a cancelled import reported no error")
	}
	if c, _ := st.Counts(context.Background()); c.Articles != 0 {
		t.Errorf("a cancelled import left %d articles", c.Articles)
	}
}

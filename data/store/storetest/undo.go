package storetest

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// fixture is a small project with one of everything.
type fixture struct {
	s                  store.Store
	art, art2          int64
	tagA, tagB, tagKid int64
	passage            int64
	xi, trump, dup     int64
	mention            int64
	event              int64
}

func newFixture(t *testing.T, open Opener) *fixture {
	t.Helper()
	ctx := context.Background()
	s := open(t)
	f := &fixture{s: s}
	body := "Xi Jinping (習近平) spoke to Donald Trump by phone on Friday.\n\nTaiwan arrested two soldiers."
	res, err := s.ImportArticles(ctx, []store.Article{
		{Title: "Call", Body: body, SourcePath: "a.txt", SourcePos: 0},
		{Title: "Arrests", Body: "Han Kuo-yu (韓國瑜) flew to Washington.", SourcePath: "a.txt", SourcePos: 1},
	})
	must(t, err)
	f.art, f.art2 = res.IDs[0], res.IDs[1]
	f.tagA, err = s.CreateTag(ctx, store.Tag{Name: "Diplomacy", Colour: "#3366cc"})
	must(t, err)
	f.tagB, err = s.CreateTag(ctx, store.Tag{Name: "Security", Colour: "#cc3333"})
	must(t, err)
	f.tagKid, err = s.CreateTag(ctx, store.Tag{Name: "Calls", ParentID: f.tagA})
	must(t, err)
	f.passage, err = s.CreatePassage(ctx, store.Passage{ArticleID: f.art, Start: 0, End: 10, TagIDs: []int64{f.tagA}, Note: "key"})
	must(t, err)
	f.xi, err = s.CreateEntity(ctx, store.Entity{Name: "Xi Jinping", Kind: model.KindPerson, Country: "CHN", Aliases: []store.Alias{{Name: "習近平", Lang: "zh-Hant"}}})
	must(t, err)
	f.trump, err = s.CreateEntity(ctx, store.Entity{Name: "Donald Trump", Kind: model.KindPerson, Country: "USA"})
	must(t, err)
	f.dup, err = s.CreateEntity(ctx, store.Entity{Name: "President Xi", Kind: model.KindPerson, Country: "CHN"})
	must(t, err)
	f.mention, err = s.CreateMention(ctx, store.Mention{EntityID: f.dup, ArticleID: f.art, Start: 0, End: 10, Status: model.StatusSuggested})
	must(t, err)
	f.event, err = s.CreateEvent(ctx, store.Event{ArticleID: f.art, Start: 0, End: 57, Type: "CONSULT", Mode: "phone", CAMEO: "040",
		Actors: []int64{f.dup}, Recipients: []int64{f.trump}, Date: "2025-01-17", Precision: model.PrecisionDay, Status: model.StatusSuggested})
	must(t, err)
	return f
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// snapshot renders everything an analyst can see.
func snapshot(t *testing.T, s store.Store) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	arts, err := s.Articles(ctx, store.ArticleFilter{})
	must(t, err)
	for _, a := range arts {
		full, err := s.Article(ctx, a.ID)
		must(t, err)
		fmt.Fprintf(&b, "article %+v\n", full)
	}
	tags, err := s.Tags(ctx)
	must(t, err)
	ps, err := s.Passages(ctx, store.PassageFilter{})
	must(t, err)
	es, err := s.Entities(ctx, store.EntityFilter{})
	must(t, err)
	ms, err := s.Mentions(ctx, store.MentionFilter{})
	must(t, err)
	evs, err := s.Events(ctx, store.EventFilter{})
	must(t, err)
	fmt.Fprintf(&b, "tags %+v\npassages %+v\nentities %+v\nmentions %+v\nevents %+v\n", tags, ps, es, ms, evs)
	for _, q := range []string{"phone", "近平", "韓國", "Washington"} {
		hits, err := s.Search(ctx, q, 10)
		must(t, err)
		fmt.Fprintf(&b, "search %s %+v\n", q, hits)
	}
	return versionField.ReplaceAllString(b.String(), "Version:")
}

// versionField matches the row version an item was read at: bookkeeping that
// every write renews (an undo too), not part of what the project holds.
var versionField = regexp.MustCompile(`Version:[^ }]*`)

func testUndoRedoEveryChange(t *testing.T, open Opener) {
	tests := []struct {
		label string
		op    func(ctx context.Context, f *fixture) error
	}{
		{"Create tag", func(ctx context.Context, f *fixture) error {
			_, err := f.s.CreateTag(ctx, store.Tag{Name: "Trade", ParentID: f.tagB})
			return err
		}},
		{"Edit tag", func(ctx context.Context, f *fixture) error {
			return f.s.UpdateTag(ctx, store.Tag{ID: f.tagA, Name: "Foreign policy", Colour: "#00ff00", Description: "d"})
		}},
		{"Move tag", func(ctx context.Context, f *fixture) error { return f.s.MoveTag(ctx, f.tagKid, f.tagB) }},
		{"Delete tag", func(ctx context.Context, f *fixture) error { return f.s.DeleteTag(ctx, f.tagA) }},
		{"Create passage", func(ctx context.Context, f *fixture) error {
			_, err := f.s.CreatePassage(ctx, store.Passage{ArticleID: f.art, Start: 5, End: 20, TagIDs: []int64{f.tagB, f.tagKid}})
			return err
		}},
		{"Tag passage", func(ctx context.Context, f *fixture) error { return f.s.TagPassage(ctx, f.passage, f.tagB) }},
		{"Untag passage", func(ctx context.Context, f *fixture) error { return f.s.UntagPassage(ctx, f.passage, f.tagA) }},
		{"Edit note", func(ctx context.Context, f *fixture) error { return f.s.SetPassageNote(ctx, f.passage, "new memo") }},
		{"Delete passage", func(ctx context.Context, f *fixture) error { return f.s.DeletePassage(ctx, f.passage) }},
		{"Create entity", func(ctx context.Context, f *fixture) error {
			_, err := f.s.CreateEntity(ctx, store.Entity{Name: "Taiwan", Kind: model.KindCountry, Aliases: []store.Alias{{Name: "ROC"}}})
			return err
		}},
		{"Edit entity", func(ctx context.Context, f *fixture) error {
			return f.s.UpdateEntity(ctx, store.Entity{ID: f.trump, Name: "Trump", Kind: model.KindPerson, Role: "GOV"})
		}},
		{"Add alias", func(ctx context.Context, f *fixture) error {
			return f.s.AddAlias(ctx, f.xi, store.Alias{Name: "Chairman Xi"})
		}},
		{"Remove alias", func(ctx context.Context, f *fixture) error { return f.s.RemoveAlias(ctx, f.xi, "習近平") }},
		{"Merge entities", func(ctx context.Context, f *fixture) error { return f.s.MergeEntities(ctx, f.xi, f.dup) }},
		{"Delete entity", func(ctx context.Context, f *fixture) error { return f.s.DeleteEntity(ctx, f.dup) }},
		{"Mark mention", func(ctx context.Context, f *fixture) error {
			_, err := f.s.CreateMention(ctx, store.Mention{EntityID: f.trump, ArticleID: f.art, Start: 28, End: 40})
			return err
		}},
		{"Reject mention", func(ctx context.Context, f *fixture) error {
			return f.s.SetMentionStatus(ctx, f.mention, model.StatusRejected)
		}},
		{"Change mention entity", func(ctx context.Context, f *fixture) error { return f.s.SetMentionEntity(ctx, f.mention, f.xi) }},
		{"Create event", func(ctx context.Context, f *fixture) error {
			_, err := f.s.CreateEvent(ctx, store.Event{ArticleID: f.art, Start: 59, End: 88, Type: "coerce", Actors: []int64{f.trump}, TagIDs: []int64{f.tagB}})
			return err
		}},
		{"Edit event", func(ctx context.Context, f *fixture) error {
			e, err := f.s.Event(ctx, f.event)
			if err != nil {
				return err
			}
			e.Actors, e.Recipients, e.TagIDs = []int64{f.xi}, []int64{f.trump, f.dup}, []int64{f.tagA}
			e.Note, e.Goldstein, e.Date = "edited", 1.5, "2025-01-16"
			return f.s.UpdateEvent(ctx, e)
		}},
		{"Confirm event", func(ctx context.Context, f *fixture) error {
			return f.s.SetEventStatus(ctx, f.event, model.StatusConfirmed)
		}},
		{"Delete event", func(ctx context.Context, f *fixture) error { return f.s.DeleteEvent(ctx, f.event) }},
		{"Edit article", func(ctx context.Context, f *fixture) error {
			return f.s.UpdateArticleMeta(ctx, f.art, store.ArticleMeta{Title: "Phone diplomacy", Published: "2025-01-18"})
		}},
		{"Delete article", func(ctx context.Context, f *fixture) error { return f.s.DeleteArticle(ctx, f.art) }},
		{"Split article", func(ctx context.Context, f *fixture) error {
			_, err := f.s.SplitArticle(ctx, f.art, 59)
			return err
		}},
		{"Merge articles", func(ctx context.Context, f *fixture) error { return f.s.MergeArticleWithNext(ctx, f.art) }},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			ctx := context.Background()
			f := newFixture(t, open)
			before := snapshot(t, f.s)
			if err := tt.op(ctx, f); err != nil {
				t.Fatal(err)
			}
			after := snapshot(t, f.s)
			if after == before {
				t.Fatal("operation changed nothing visible")
			}
			if l, _ := f.s.UndoLabel(ctx); l != tt.label {
				t.Errorf("UndoLabel = %q, want %q", l, tt.label)
			}
			if l, err := f.s.Undo(ctx); err != nil || l != tt.label {
				t.Fatalf("Undo = %q, %v", l, err)
			}
			if got := snapshot(t, f.s); got != before {
				t.Errorf("after undo:\n%s\nwant:\n%s", got, before)
			}
			if l, _ := f.s.RedoLabel(ctx); l != tt.label {
				t.Errorf("RedoLabel = %q", l)
			}
			if _, err := f.s.Redo(ctx); err != nil {
				t.Fatal(err)
			}
			if got := snapshot(t, f.s); got != after {
				t.Errorf("after redo:\n%s\nwant:\n%s", got, after)
			}
		})
	}
}

func testUndoIsBounded(t *testing.T, open Opener) {
	if testing.Short() {
		t.Skip("writes over a thousand changes")
	}
	ctx := context.Background()
	f := newFixture(t, open)
	for i := range store.UndoLimit + 20 {
		must(t, f.s.SetPassageNote(ctx, f.passage, fmt.Sprint("note ", i)))
	}
	n := 0
	for {
		_, err := f.s.Undo(ctx)
		if errors.Is(err, store.ErrNothingToUndo) {
			break
		}
		must(t, err)
		n++
	}
	if n != store.UndoLimit {
		t.Errorf("undid %d steps, want %d", n, store.UndoLimit)
	}
	p, _ := f.s.Passage(ctx, f.passage)
	if p.Note != "note 19" {
		t.Errorf("note after undoing everything = %q, want %q", p.Note, "note 19")
	}
}

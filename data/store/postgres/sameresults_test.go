package postgres_test

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/postgres/pgtest"
	"github.com/attache-app/attache/data/store/sqlite"
)

// engine is the part of the store API both engines implement so far.
type engine interface {
	ImportArticles(ctx context.Context, arts []store.Article) (store.ImportResult, error)
	CreateTag(ctx context.Context, t store.Tag) (int64, error)
	CreateEntity(ctx context.Context, e model.Entity) (int64, error)
	Entities(ctx context.Context, f store.EntityFilter) ([]model.Entity, error)
	Entity(ctx context.Context, id int64) (model.Entity, error)
	UpdateEntity(ctx context.Context, e model.Entity) error
	AddAlias(ctx context.Context, entityID int64, a model.Alias) error
	RemoveAlias(ctx context.Context, entityID int64, name string) error
	MergeEntities(ctx context.Context, keep, drop int64) error
	DeleteEntity(ctx context.Context, id int64) error
	EntitiesByID(ctx context.Context, ids []int64) (map[int64]model.Entity, error)
	CreateMention(ctx context.Context, m model.Mention) (int64, error)
	Mentions(ctx context.Context, f store.MentionFilter) ([]model.Mention, error)
	SetMentionStatus(ctx context.Context, id int64, status model.Status) error
	SetMentionEntity(ctx context.Context, id, entityID int64) error
	CreateEvent(ctx context.Context, e model.Event) (int64, error)
	UpdateEvent(ctx context.Context, e model.Event) error
	SetEventsStatus(ctx context.Context, ids []int64, status model.Status) error
	DeleteEvent(ctx context.Context, id int64) error
	Event(ctx context.Context, id int64) (model.Event, error)
	Events(ctx context.Context, f store.EventFilter) ([]model.Event, error)
	Counts(ctx context.Context) (store.Counts, error)
	Undo(ctx context.Context) (string, error)
	Redo(ctx context.Context) (string, error)
}

// TestEntitiesMentionsAndEventsMatchTheProjectFile makes the same analyst's
// work on both engines, step by step, and compares what each step leaves.
func TestEntitiesMentionsAndEventsMatchTheProjectFile(t *testing.T) {
	p := pgtest.NewProject(t)
	ctx := context.Background()
	lite, err := sqlite.Open(filepath.Join(t.TempDir(), "same.attache"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	engines := []engine{lite, open(t, p.OwnerURL())}

	body := "US President Joe Biden spoke with Xi Jinping (習近平) by phone on Friday. Beijing and Washington agreed to resume military talks."
	steps := []struct {
		name string
		do   func(e engine) error
	}{
		{"import", func(e engine) error {
			_, err := e.ImportArticles(ctx, []store.Article{{Title: "Call", Body: body, Published: "2024-04-05"}, {Title: "Other", Body: "Japan protested to China on Monday."}})
			return err
		}},
		{"tag", func(e engine) error { _, err := e.CreateTag(ctx, store.Tag{Name: "Talks"}); return err }},
		{"entities", func(e engine) error {
			for _, ent := range []model.Entity{
				{Name: "Joe Biden", Kind: "person", Country: "USA", Role: "GOV"},
				{Name: "Xi Jinping", Kind: "person", Country: "CHN", Aliases: []model.Alias{{Name: "習近平", Lang: "zh"}}},
				{Name: "Washington", Kind: "place"},
				{Name: "United States", Kind: "country", Country: "USA"},
				{Name: "Beijing", Kind: "place"},
			} {
				if _, err := e.CreateEntity(ctx, ent); err != nil {
					return err
				}
			}
			_, err := e.CreateEntity(ctx, model.Entity{Name: " ", Kind: "person"})
			if err == nil {
				return fmt.Errorf("an entity without a name was accepted")
			}
			return nil
		}},
		{"aliases", func(e engine) error {
			if err := e.AddAlias(ctx, 1, model.Alias{Name: "Biden"}); err != nil {
				return err
			}
			if err := e.AddAlias(ctx, 1, model.Alias{Name: "Biden"}); err != nil {
				return err
			}
			return e.RemoveAlias(ctx, 2, "習近平")
		}},
		{"mentions", func(e engine) error {
			for _, m := range []model.Mention{{EntityID: 1, ArticleID: 1, Start: 13, End: 22}, {EntityID: 2, ArticleID: 1, Start: 33, End: 43, Status: model.StatusSuggested}, {EntityID: 3, ArticleID: 1, Start: 84, End: 94}} {
				if _, err := e.CreateMention(ctx, m); err != nil {
					return err
				}
			}
			if err := e.SetMentionStatus(ctx, 2, model.StatusRejected); err != nil {
				return err
			}
			return e.SetMentionEntity(ctx, 3, 4)
		}},
		{"events", func(e engine) error {
			for _, ev := range []model.Event{
				{Type: "CONSULT", Mode: "phone", CAMEO: "041", Goldstein: 1, Date: "2024-04-05", Precision: "day", Actors: []int64{1}, Recipients: []int64{2}, ArticleID: 1, Start: 0, End: 74, TagIDs: []int64{1}},
				{Type: "agree", Date: "2024-04-05", Actors: []int64{5, 3}, Recipients: []int64{3}, ArticleID: 1},
				{Type: "PROTEST", Actors: []int64{4}, ArticleID: 2, Status: model.StatusSuggested},
			} {
				if _, err := e.CreateEvent(ctx, ev); err != nil {
					return err
				}
			}
			if _, err := e.CreateEvent(ctx, model.Event{Type: "HUG"}); err == nil {
				return fmt.Errorf("an unknown event type was accepted")
			}
			ev, err := e.Event(ctx, 2)
			if err != nil {
				return err
			}
			ev.Summary, ev.Recipients = "Military talks to resume", []int64{4}
			if err := e.UpdateEvent(ctx, ev); err != nil {
				return err
			}
			return e.SetEventsStatus(ctx, []int64{1, 3}, model.StatusConfirmed)
		}},
		{"merge", func(e engine) error { return e.MergeEntities(ctx, 4, 3) }},
		{"delete", func(e engine) error {
			if err := e.DeleteEvent(ctx, 3); err != nil {
				return err
			}
			return e.DeleteEntity(ctx, 5)
		}},
		{"undo delete entity", func(e engine) error { _, err := e.Undo(ctx); return err }},
		{"undo delete event, redo", func(e engine) error {
			if _, err := e.Undo(ctx); err != nil {
				return err
			}
			_, err := e.Redo(ctx)
			return err
		}},
		{"undo merge", func(e engine) error {
			if _, err := e.Undo(ctx); err != nil {
				return err
			}
			_, err := e.Undo(ctx)
			return err
		}},
	}
	for _, st := range steps {
		var states [2]string
		for i, e := range engines {
			if err := st.do(e); err != nil {
				t.Fatalf("%s on engine %d: %v", st.name, i, err)
			}
			states[i] = snapshot(t, ctx, e)
		}
		if states[0] != states[1] {
			t.Fatalf("after %s the engines differ:\n file:   %s\n server: %s", st.name, states[0], states[1])
		}
	}
}

// snapshot renders what an engine lists, for comparison.
func snapshot(t *testing.T, ctx context.Context, e engine) string {
	t.Helper()
	var out string
	add := func(v any, err error) {
		if err != nil {
			t.Fatal(err)
		}
		out += fmt.Sprintf("%+v\n", v)
	}
	add(e.Entities(ctx, store.EntityFilter{}))
	add(e.Entities(ctx, store.EntityFilter{Kind: "person"}))
	add(e.Entities(ctx, store.EntityFilter{Name: "bid"}))
	add(e.EntitiesByID(ctx, []int64{1, 4, 99}))
	add(e.Mentions(ctx, store.MentionFilter{}))
	add(e.Mentions(ctx, store.MentionFilter{Status: model.StatusConfirmed, ArticleID: 1}))
	add(e.Events(ctx, store.EventFilter{}))
	add(e.Events(ctx, store.EventFilter{ActorID: 1}))
	add(e.Events(ctx, store.EventFilter{RecipientID: 4, Status: model.StatusConfirmed}))
	add(e.Events(ctx, store.EventFilter{Type: "consult", From: "2024-04-01", To: "2024-04-30", TagID: 1}))
	add(e.Counts(ctx))
	// The server names its member as who made each item; a file names none.
	return regexp.MustCompile(`Who:\{[^}]*\}`).ReplaceAllString(out, "Who:{}")
}

package storetest

import (
	"context"
	"testing"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// testAReadItemSavesAfterEveryOtherChange checks that an event, entity or
// tag read after the latest change to it (another kind of change, an edit,
// an undo, a redo) saves, whichever engine holds it, and that one built by
// code (no version) saves too.
func testAReadItemSavesAfterEveryOtherChange(t *testing.T, open Opener) {
	ctx := context.Background()
	f := newFixture(t, open)
	s := f.s
	event := func() model.Event {
		e, err := s.Event(ctx, f.event)
		must(t, err)
		return e
	}
	must(t, s.SetEventStatus(ctx, f.event, model.StatusConfirmed))
	e := event()
	e.Note = "first"
	must(t, s.UpdateEvent(ctx, e))
	e = event()
	e.Note = "second"
	must(t, s.UpdateEvent(ctx, e))
	_, err := s.Undo(ctx)
	must(t, err)
	e = event()
	if e.Note != "first" {
		t.Fatalf("undo: note %q", e.Note)
	}
	e.Mode = "visit"
	must(t, s.UpdateEvent(ctx, e))
	_, err = s.Undo(ctx)
	must(t, err)
	_, err = s.Redo(ctx)
	must(t, err)
	e = event()
	e.Note = "after redo"
	must(t, s.UpdateEvent(ctx, e))
	if got := event(); got.Note != "after redo" || got.Mode != "visit" || got.Status != model.StatusConfirmed {
		t.Errorf("event: %+v", got)
	}

	must(t, s.AddAlias(ctx, f.xi, store.Alias{Name: "Xi"}))
	ent, err := s.Entity(ctx, f.xi)
	must(t, err)
	ent.Role = "GOV"
	must(t, s.UpdateEntity(ctx, ent))
	ent, err = s.Entity(ctx, f.xi)
	must(t, err)
	ent.Description = "President of China"
	must(t, s.UpdateEntity(ctx, ent))
	must(t, s.UpdateEntity(ctx, store.Entity{ID: f.xi, Name: "Xi Jinping", Kind: model.KindPerson, Country: "CHN", Role: "GOV"}))
	if got, err := s.Entity(ctx, f.xi); err != nil || got.Role != "GOV" || got.Description != "" {
		t.Errorf("entity: %+v %v", got, err)
	}

	must(t, s.MoveTag(ctx, f.tagKid, 0))
	tag := func() store.Tag {
		tags, err := s.Tags(ctx)
		must(t, err)
		for _, tg := range tags {
			if tg.ID == f.tagKid {
				return tg
			}
		}
		t.Fatalf("tag %d not listed", f.tagKid)
		return store.Tag{}
	}
	tg := tag()
	tg.Name = "Phone calls"
	must(t, s.UpdateTag(ctx, tg))
	tg = tag()
	tg.Colour = "#00aa00"
	must(t, s.UpdateTag(ctx, tg))
	if got := tag(); got.Name != "Phone calls" || got.Colour != "#00aa00" || got.ParentID != 0 {
		t.Errorf("tag: %+v", got)
	}
}

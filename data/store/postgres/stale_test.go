package postgres_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/postgres"
)

// refusedAsStale checks that err is the one-line "changed by" refusal for
// what, naming who changed it.
func refusedAsStale(t *testing.T, err error, what, by string) {
	t.Helper()
	if !errors.Is(err, store.ErrStale) {
		t.Fatalf("save over %s's change: %v, want a refusal", by, err)
	}
	want := what + " was changed by " + by + " since you opened it: reopen it to see their change"
	if !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
		t.Errorf("message %q, want one line with %q", err, want)
	}
}

// refusedAsDeleted checks that err says what was deleted meanwhile.
func refusedAsDeleted(t *testing.T, err error, what string) {
	t.Helper()
	if !errors.Is(err, store.ErrNotFound) || !strings.Contains(err.Error(), what+" was deleted since you opened it") {
		t.Fatalf("save over a deletion: %v, want %q (not found)", err, what+" was deleted since you opened it")
	}
}

func TestAnEventChangedByAnotherAnalystIsNotOverwritten(t *testing.T) {
	p, _, ana, bea, art := team(t)
	ctx := context.Background()
	beaName := p.DB + "_bea"
	eid, err := ana.CreateEvent(ctx, store.Event{ArticleID: art, Start: 0, End: 40, Type: "CONSULT", Mode: "phone"})
	if err != nil {
		t.Fatal(err)
	}
	opened, err := ana.Event(ctx, eid)
	if err != nil {
		t.Fatal(err)
	}
	if opened.Version == "" {
		t.Fatal("an event read from a shared project has no version")
	}
	theirs, err := bea.Event(ctx, eid)
	if err != nil {
		t.Fatal(err)
	}
	theirs.Note = "bea: a call, not a visit"
	if err := bea.UpdateEvent(ctx, theirs); err != nil {
		t.Fatal(err)
	}

	mine := opened
	mine.Note, mine.Mode = "ana's note", "visit"
	refusedAsStale(t, ana.UpdateEvent(ctx, mine), "event "+strconv.FormatInt(eid, 10), beaName)
	got, err := ana.Event(ctx, eid)
	if err != nil {
		t.Fatal(err)
	}
	if got.Note != theirs.Note || got.Mode != "phone" || got.ChangedBy != beaName {
		t.Errorf("after the refused save: %+v, want bea's change kept", got)
	}
	if label, _ := ana.UndoLabel(ctx); label != "Create event" {
		t.Errorf("the refused save is on ana's undo log: undo label %q", label)
	}

	// Reopened, the event saves over bea's change.
	got.Note = "ana, having read bea's note"
	if err := ana.UpdateEvent(ctx, got); err != nil {
		t.Fatal(err)
	}
	if again, _ := ana.Event(ctx, eid); again.Note != got.Note || again.ChangedBy != p.DB+"_ana" {
		t.Errorf("reopened and saved: %+v", again)
	}

	// Deleted by bea meanwhile: ana's save is refused and nothing comes back.
	stale, _ := ana.Event(ctx, eid)
	if err := bea.DeleteEvent(ctx, eid); err != nil {
		t.Fatal(err)
	}
	stale.Note = "too late"
	refusedAsDeleted(t, ana.UpdateEvent(ctx, stale), "event "+strconv.FormatInt(eid, 10))
	if _, err := ana.Event(ctx, eid); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the deleted event came back: %v", err)
	}
}

func TestAnEntityChangedByAnotherAnalystIsNotOverwritten(t *testing.T) {
	p, _, ana, bea, _ := team(t)
	ctx := context.Background()
	id, err := ana.CreateEntity(ctx, store.Entity{Name: "Xi Jinping", Kind: model.KindPerson})
	if err != nil {
		t.Fatal(err)
	}
	opened, _ := ana.Entity(ctx, id)
	theirs, _ := bea.Entity(ctx, id)
	theirs.Country, theirs.Role = "CHN", "GOV"
	if err := bea.UpdateEntity(ctx, theirs); err != nil {
		t.Fatal(err)
	}
	mine := opened
	mine.Description = "President of China"
	refusedAsStale(t, ana.UpdateEntity(ctx, mine), "entity "+strconv.FormatInt(id, 10), p.DB+"_bea")
	if got, _ := ana.Entity(ctx, id); got.Country != "CHN" || got.Description != "" {
		t.Errorf("after the refused save: %+v, want bea's change kept", got)
	}

	reopened, _ := ana.Entity(ctx, id)
	reopened.Description = "President of China"
	if err := ana.UpdateEntity(ctx, reopened); err != nil {
		t.Fatal(err)
	}
	if err := bea.DeleteEntity(ctx, id); err != nil {
		t.Fatal(err)
	}
	refusedAsDeleted(t, ana.UpdateEntity(ctx, reopened), "entity "+strconv.FormatInt(id, 10))
}

func TestATagChangedByAnotherAnalystIsNotOverwritten(t *testing.T) {
	p, _, ana, bea, _ := team(t)
	ctx := context.Background()
	id, err := ana.CreateTag(ctx, store.Tag{Name: "Trade"})
	if err != nil {
		t.Fatal(err)
	}
	opened := onlyTag(t, ana)
	theirs := onlyTag(t, bea)
	theirs.Colour = "#00ff00"
	if err := bea.UpdateTag(ctx, theirs); err != nil {
		t.Fatal(err)
	}
	mine := opened
	mine.Name = "Commerce"
	refusedAsStale(t, ana.UpdateTag(ctx, mine), "tag "+strconv.FormatInt(id, 10), p.DB+"_bea")
	if got := onlyTag(t, ana); got.Name != "Trade" || got.Colour != "#00ff00" {
		t.Errorf("after the refused save: %+v, want bea's change kept", got)
	}

	// A tag built by code, not read, is saved without the check.
	if err := ana.UpdateTag(ctx, store.Tag{ID: id, Name: "Commerce", Colour: "#00ff00"}); err != nil {
		t.Fatal(err)
	}
	stale := onlyTag(t, ana)
	if err := bea.DeleteTag(ctx, id); err != nil {
		t.Fatal(err)
	}
	refusedAsDeleted(t, ana.UpdateTag(ctx, stale), "tag "+strconv.FormatInt(id, 10))
}

// An analyst's own undo and redo rewrite the row, so a copy read before
// either is out of date; one read after saves, and undo and redo go on
// working across the refusals.
func TestUndoRedoAndVersionsWorkTogether(t *testing.T) {
	_, _, ana, bea, art := team(t)
	ctx := context.Background()
	eid, err := ana.CreateEvent(ctx, store.Event{ArticleID: art, Start: 0, End: 40, Type: "CONSULT"})
	if err != nil {
		t.Fatal(err)
	}
	first, _ := ana.Event(ctx, eid)
	first.Note = "first"
	if err := ana.UpdateEvent(ctx, first); err != nil {
		t.Fatal(err)
	}
	if _, err := ana.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ := ana.Event(ctx, eid); got.Note != "" {
		t.Fatalf("undo left note %q", got.Note)
	}
	first.Note = "saved from the copy read before the undo"
	err = ana.UpdateEvent(ctx, first)
	if !errors.Is(err, store.ErrStale) || !strings.Contains(err.Error(), "event "+strconv.FormatInt(eid, 10)+" was changed since you opened it: reopen it to see the change") {
		t.Errorf("save of a copy read before the undo: %v, want a refusal naming no one else", err)
	}
	if _, err := ana.Redo(ctx); err != nil {
		t.Fatalf("redo after a refused save: %v", err)
	}
	got, _ := ana.Event(ctx, eid)
	if got.Note != "first" {
		t.Fatalf("redo: note %q", got.Note)
	}
	got.Note = "second"
	if err := ana.UpdateEvent(ctx, got); err != nil {
		t.Fatal(err)
	}
	if _, err := ana.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ := ana.Event(ctx, eid); got.Note != "first" {
		t.Errorf("undo of the second edit: note %q", got.Note)
	}

	// Bea's edit of a fresh copy, then her undo: ana's copy read in between
	// is refused, one read after the undo saves.
	theirs, _ := bea.Event(ctx, eid)
	theirs.Note = "bea"
	if err := bea.UpdateEvent(ctx, theirs); err != nil {
		t.Fatal(err)
	}
	between, _ := ana.Event(ctx, eid)
	if _, err := bea.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	between.Note = "ana"
	if err := ana.UpdateEvent(ctx, between); !errors.Is(err, store.ErrStale) {
		t.Errorf("save of a copy read before bea's undo: %v", err)
	}
	after, _ := ana.Event(ctx, eid)
	after.Note = "ana"
	if err := ana.UpdateEvent(ctx, after); err != nil {
		t.Fatal(err)
	}
}

func onlyTag(t *testing.T, s *postgres.Store) store.Tag {
	t.Helper()
	tags, err := s.Tags(context.Background())
	if err != nil || len(tags) != 1 {
		t.Fatalf("Tags: %+v %v", tags, err)
	}
	if tags[0].Version == "" {
		t.Fatal("a tag read from a shared project has no version")
	}
	return tags[0]
}

// Two analysts saving copies read at the same version at the same moment:
// one save wins, the other is refused, never both.
func TestSimultaneousSavesOfOneVersionLetOneThrough(t *testing.T) {
	_, _, ana, bea, art := team(t)
	ctx := context.Background()
	eid, err := ana.CreateEvent(ctx, store.Event{ArticleID: art, Start: 0, End: 40, Type: "CONSULT"})
	if err != nil {
		t.Fatal(err)
	}
	for round := range 10 {
		read, err := ana.Event(ctx, eid)
		if err != nil {
			t.Fatal(err)
		}
		errs := make(chan error, 2)
		for i, s := range []*postgres.Store{ana, bea} {
			e := read
			e.Note = strconv.Itoa(round) + "-" + strconv.Itoa(i)
			go func() { errs <- s.UpdateEvent(ctx, e) }()
		}
		var saved, refused int
		for range 2 {
			switch err := <-errs; {
			case err == nil:
				saved++
			case errors.Is(err, store.ErrStale):
				refused++
			default:
				t.Fatal(err)
			}
		}
		if saved != 1 || refused != 1 {
			t.Fatalf("round %d: %d saved, %d refused", round, saved, refused)
		}
	}
}

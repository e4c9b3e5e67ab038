package app

import (
	"context"
	"strconv"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// TestSavingAnEventAnotherAnalystChangedMeanwhileSaysSo opens the event
// editor in ana's window, lets bea change the event, and saves: the window
// shows one line naming bea, and bea's change stays. Reopened, the event
// saves, twice in a row from the inspector.
func TestSavingAnEventAnotherAnalystChangedMeanwhileSaysSo(t *testing.T) {
	tm := newTeam(t)
	ctx := context.Background()
	res, err := tm.bea.ImportArticles(ctx, wire(1))
	if err != nil {
		t.Fatal(err)
	}
	id, err := tm.bea.CreateEvent(ctx, store.Event{ArticleID: res.IDs[0], Start: 0, End: 20, Type: "CONSULT", Mode: "visit"})
	if err != nil {
		t.Fatal(err)
	}
	d := openDesk(t, newLoopApp(t), tm.ana, tm.ana.Path())
	d.wb.centre.SelectIndex(1)
	v := d.wb.events
	d.waitFor("the event listed", func() bool { return len(v.data.events) == 1 })
	v.list.Select(0)
	test.Tap(buttonLabelled(t, v.object(), "Edit…", 0))
	form := overlayWith[*widget.Form](d, "the event editor")
	editor := d.overlay()

	theirs, err := tm.bea.Event(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	theirs.Mode = "phone"
	if err := tm.bea.UpdateEvent(ctx, theirs); err != nil {
		t.Fatal(err)
	}
	setMode(form, "statement")
	test.Tap(buttonLabelled(t, editor, "Save", 0))
	want := "event " + strconv.FormatInt(id, 10) + " was changed by " + tm.project.DB + "_bea since you opened it: reopen it to see their change"
	var shown []string
	d.waitFor("the refusal", func() bool {
		if o := d.overlay(); o != nil && o != editor {
			shown = labelTexts(o)
		}
		return anyContains(shown, want)
	})
	t.Logf("shown: %q", shown)
	if got, _ := tm.ana.Event(ctx, id); got.Mode != "phone" {
		t.Errorf("bea's change was overwritten: mode %q", got.Mode)
	}
	d.wb.win.Canvas().Overlays().Remove(d.overlay())
	d.settle()

	// Reopened from the inspector, it saves; and again without reselecting.
	d.wb.inspector.showEvent(id)
	d.settle()
	for _, mode := range []string{"statement", "letter"} {
		test.Tap(buttonLabelled(t, d.wb.inspector.object(), "Edit…", 0))
		form := overlayWith[*widget.Form](d, "the event editor")
		setMode(form, mode)
		test.Tap(buttonLabelled(t, d.overlay(), "Save", 0))
		d.settle()
		if got, _ := tm.ana.Event(ctx, id); got.Mode != mode {
			t.Fatalf("saved from the inspector: mode %q, want %q (dialog %q)", got.Mode, mode, overlayTexts(d))
		}
	}
}

func setMode(form *widget.Form, mode string) {
	for _, e := range objectsOf[*widget.Entry](form) {
		if e.PlaceHolder == "e.g. phone, visit, statement" {
			e.SetText(mode)
		}
	}
}

func overlayTexts(d *desk) []string {
	if o := d.overlay(); o != nil {
		return labelTexts(o)
	}
	return nil
}

// TestSavingAnEntityAnotherAnalystChangedMeanwhileSaysSo edits an entity in
// ana's inspector while bea changes it: ana's save is refused naming bea and
// keeps bea's change; once the inspector shows bea's change, ana's edits
// save, twice in a row.
func TestSavingAnEntityAnotherAnalystChangedMeanwhileSaysSo(t *testing.T) {
	tm := newTeam(t)
	ctx := context.Background()
	id, err := tm.bea.CreateEntity(ctx, store.Entity{Name: "Japan", Kind: model.KindCountry})
	if err != nil {
		t.Fatal(err)
	}
	d := openDesk(t, newLoopApp(t), tm.ana, tm.ana.Path())
	d.wb.inspector.showEntity(id)
	d.settle()
	describe := func(text string) {
		t.Helper()
		for _, e := range objectsOf[*widget.Entry](d.wb.inspector.object()) {
			if e.MultiLine {
				e.SetText(text)
				return
			}
		}
		t.Fatal("the inspector shows no description")
	}
	describe("An island country") // typing: the inspector keeps ana's text

	theirs, err := tm.bea.Entity(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	theirs.Country = "JPN"
	if err := tm.bea.UpdateEntity(ctx, theirs); err != nil {
		t.Fatal(err)
	}
	test.Tap(buttonLabelled(t, d.wb.inspector.object(), "Save", 0))
	want := "entity " + strconv.FormatInt(id, 10) + " was changed by " + tm.project.DB + "_bea since you opened it"
	d.waitFor("the refusal", func() bool { return anyContains(overlayTexts(d), want) })
	if got, _ := tm.ana.Entity(ctx, id); got.Country != "JPN" || got.Description != "" {
		t.Errorf("after the refused save: %+v, want bea's change only", got)
	}
	d.wb.win.Canvas().Overlays().Remove(d.overlay())

	// Shown again (as reopening does), the entity saves, twice in a row.
	d.wb.inspector.showEntity(id)
	d.settle()
	for _, text := range []string{"An island country", "An island country in East Asia"} {
		describe(text)
		test.Tap(buttonLabelled(t, d.wb.inspector.object(), "Save", 0))
		d.settle()
		if got, _ := tm.ana.Entity(ctx, id); got.Description != text || got.Country != "JPN" {
			t.Fatalf("saved from the inspector: %+v (dialog %q)", got, overlayTexts(d))
		}
	}
}

package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/postgres"
)

// menuItem finds the main menu's entry whose label starts with label.
func menuItem(t *testing.T, d *desk, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range d.wb.win.MainMenu().Items {
		for _, it := range m.Items {
			if len(it.Label) >= len(label) && it.Label[:len(label)] == label {
				return it
			}
		}
	}
	t.Fatalf("no menu entry %q", label)
	return nil
}

// editingState opens a shared project as st in the harness, with a passage
// shown in the inspector, and reports which editing controls are enabled.
func editingState(t *testing.T, st *postgres.Store, passage int64) (d *desk, enabled map[string]bool) {
	t.Helper()
	d = openDesk(t, newLoopApp(t), st, st.Path())
	d.waitFor("the article listed", func() bool { return d.wb.articles.rows.len() == 1 })
	d.openListed(0)
	d.wb.inspector.showPassage(passage)
	d.settle()
	enabled = map[string]bool{}
	// Hidden tabs hold no visible controls: bring the Tags and Events tabs up.
	d.wb.sidebar.SelectIndex(2)
	d.wb.centre.SelectIndex(1)
	d.settle()
	for _, label := range []string{"Import…", "Tag Selection…", "Annotate Selection…", "New Event from Selection…",
		"Split Article at Cursor", "Merge with Next Article", "Edit Article Details…", "Re-run Extraction on Article", "Undo", "Redo",
		"Export…", "Search Project…"} {
		enabled["menu "+label] = !menuItem(t, d, label).Disabled
	}
	for _, b := range objectsOf[*widget.Button](d.wb.events.object()) {
		enabled["events "+b.Text] = !b.Disabled()
	}
	for _, b := range objectsOf[*widget.Button](d.wb.tags.object()) {
		if b.Text == "New tag" {
			enabled["tags New tag"] = !b.Disabled()
		}
	}
	for _, b := range objectsOf[*widget.Button](d.wb.inspector.object()) {
		enabled["inspector "+b.Text] = !b.Disabled()
	}
	for _, e := range objectsOf[*noteEntry](d.wb.inspector.object()) {
		enabled["inspector note"] = !e.Disabled()
	}
	return d, enabled
}

func TestAReadersWindowGreysOutEditing(t *testing.T) {
	tm := newTeam(t)
	ctx := context.Background()
	res, err := tm.ana.ImportArticles(ctx, wire(1))
	if err != nil {
		t.Fatal(err)
	}
	passage, err := tm.ana.CreatePassage(ctx, store.Passage{ArticleID: res.IDs[0], Start: 0, End: 8, Note: "lead"})
	if err != nil {
		t.Fatal(err)
	}
	edits := []string{"menu Import…", "menu Tag Selection…", "menu Annotate Selection…", "menu New Event from Selection…",
		"menu Split Article at Cursor", "menu Merge with Next Article", "menu Edit Article Details…", "menu Re-run Extraction on Article",
		"events Accept ticked", "events Reject ticked", "events New…", "events Edit…", "tags New tag",
		"inspector Add tag…", "inspector Delete passage", "inspector note"}
	reads := []string{"menu Export…", "menu Search Project…", "events Open source", "inspector Open in article"}

	analyst, can := editingState(t, tm.bea, passage)
	for _, k := range append(edits, reads...) {
		if !can[k] {
			t.Errorf("analyst: %s is greyed out (%v)", k, can)
		}
	}
	if analyst.wb.status.access.Visible() {
		t.Errorf("analyst: the status bar says %q", analyst.wb.status.access.Text)
	}

	reader, can := editingState(t, tm.rea, passage)
	for _, k := range edits {
		if can[k] {
			t.Errorf("reader: %s is enabled", k)
		}
	}
	for _, k := range append(reads, "menu Undo", "menu Redo") {
		if k == "menu Undo" || k == "menu Redo" {
			if can[k] {
				t.Errorf("reader: %s is enabled", k)
			}
			continue
		}
		if !can[k] {
			t.Errorf("reader: %s is greyed out", k)
		}
	}
	if s := reader.wb.status.access; !s.Visible() || !anyContains([]string{s.Text}, "Read-only") || !anyContains([]string{s.Text}, "reader") {
		t.Errorf("reader: the status bar says %q", s.Text)
	}

	// A shortcut still reaching an edit changes nothing and says why.
	reader.wb.reader.view.SetSelection(0, 8)
	reader.press(fyne.KeyT, fyne.KeyModifierShortcutDefault)
	reader.settle()
	if reader.overlay() != nil {
		t.Error("reader: Ctrl+T opened the tag picker")
	}
	if !anyContains([]string{reader.wb.status.message.Text}, "read-only") {
		t.Errorf("reader: Ctrl+T says %q", reader.wb.status.message.Text)
	}
}

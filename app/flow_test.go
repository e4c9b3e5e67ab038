package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/widgets"
)

// TestImportTagUndoRedo is the analyst's first minutes: import the seed,
// open an article, select a phrase, tag it with a new tag (Ctrl+T), then undo
// and redo the tagging.
func TestImportTagUndoRedo(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	d.importSeed()
	if got := d.wb.articles.count.Text; got != "5 articles" {
		t.Errorf("the article list counts %q, want 5 articles", got)
	}

	a := d.openListed(0)
	r := d.wb.reader
	if !strings.Contains(r.title.Text, a.Title) || r.view.Text() == "" {
		t.Fatalf("the reader shows %q with %d characters, want the article %q", r.title.Text, len(r.view.Text()), a.Title)
	}
	d.wb.win.Canvas().Focus(r.view) // as a click in the text does
	d.press(fyne.KeyZ, fyne.KeyModifierControl)
	d.waitFor("the answer to Ctrl+Z", func() bool { return d.wb.status.message.Text == "Nothing to Undo" || d.overlay() != nil })
	if d.overlay() != nil {
		t.Errorf("Ctrl+Z with nothing to undo opens a dialog: %q", labelTexts(d.overlay()))
	}

	r.view.SetSelection(10, 10) // a caret, no selection
	d.press(fyne.KeyT, fyne.KeyModifierControl)
	d.settle()
	if d.overlay() != nil {
		t.Error("Ctrl+T without a selection opened a dialog")
	}
	if got := d.wb.status.message.Text; !strings.Contains(got, "Select some text") {
		t.Errorf("Ctrl+T without a selection says %q, want a hint to select text", got)
	}

	const phrase = "Xi Jinping (習近平)"
	start := runeIndex(t, r.view.Text(), phrase)
	end := start + len([]rune(phrase))
	r.view.SetSelection(start, end)

	d.press(fyne.KeyT, fyne.KeyModifierControl)
	picker := overlayWith[*widgets.Picker](d, "the tag picker")
	picker.SetQuery("Leaders")
	if got := picker.CreateOffered(); got != "Leaders" {
		t.Fatalf("the picker offers to create %q, want Leaders", got)
	}
	picker.OnCreate(picker.CreateOffered())

	var tag model.Tag
	d.waitFor("the tagged passage in the reader", func() bool { return len(r.passages) == 1 })
	tags, err := d.st.Tags(ctx)
	if err != nil || len(tags) != 1 || tags[0].Name != "Leaders" {
		t.Fatalf("the project's tags are %v (%v), want the new tag Leaders", tags, err)
	}
	tag = tags[0]
	stored := func() []model.Passage {
		ps, err := d.st.Passages(ctx, store.PassageFilter{ArticleID: a.ID})
		if err != nil {
			t.Fatal(err)
		}
		return ps
	}
	ps := stored()
	if len(ps) != 1 || ps[0].Start != start || ps[0].End != end || len(ps[0].TagIDs) != 1 || ps[0].TagIDs[0] != tag.ID {
		t.Fatalf("stored passages %+v, want [%d,%d) tagged %d", ps, start, end, tag.ID)
	}
	if got := string([]rune(r.view.Text())[ps[0].Start:ps[0].End]); got != phrase {
		t.Errorf("the stored passage reads %q, want %q", got, phrase)
	}
	colour := parseColour(tag.Colour)
	if !highlightAt(r.view, start, colour) {
		t.Errorf("the reader draws no %s highlight at the tagged passage", tag.Colour)
	}
	// The menu's label is read from the undo log in the background after the change.
	d.waitFor("the Undo menu entry to name the tagging", func() bool {
		return strings.HasPrefix(d.wb.undoItem.Label, "Undo ") && !d.wb.undoItem.Disabled
	})

	d.press(fyne.KeyZ, fyne.KeyModifierControl)
	d.waitFor("the passage to go from the reader", func() bool { return len(r.passages) == 0 })
	if ps := stored(); len(ps) != 0 {
		t.Fatalf("after Undo the store still has passages %+v", ps)
	}
	r.view.SetSelection(0, 0) // the selection is drawn too; look at the highlight alone
	if highlightAt(r.view, start, colour) {
		t.Error("after Undo the reader still highlights the passage")
	}

	d.wb.win.Canvas().Focus(r.view)
	d.press(fyne.KeyZ, fyne.KeyModifierControl|fyne.KeyModifierShift)
	d.waitFor("the passage back in the reader", func() bool { return len(r.passages) == 1 })
	ps = stored()
	if len(ps) != 1 || ps[0].Start != start || ps[0].End != end || len(ps[0].TagIDs) != 1 || ps[0].TagIDs[0] != tag.ID {
		t.Fatalf("after Redo the stored passages are %+v, want [%d,%d) tagged %d", ps, start, end, tag.ID)
	}
	if !highlightAt(r.view, start, colour) {
		t.Error("after Redo the reader does not highlight the passage")
	}
}

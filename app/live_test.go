package app

import (
	"context"
	"fmt"
	"image/color"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/widgets"
)

// liveLimit is how soon another analyst's change must show in a window.
const liveLimit = 2 * time.Second

func TestOthersChangesShowInTheWindowKeepingSelectionAndScroll(t *testing.T) {
	tm := newTeam(t)
	ctx := context.Background()
	if _, err := tm.bea.ImportArticles(ctx, wire(60)); err != nil {
		t.Fatal(err)
	}
	d := openDesk(t, newLoopApp(t), tm.ana, tm.ana.Path())
	d.waitFor("sixty articles listed", func() bool { return d.wb.articles.rows.len() == 60 })

	// Ana scrolls down the list and opens an article there.
	opened := d.openListed(30)
	list := d.wb.articles.list
	list.ScrollToOffset(400)
	d.settle()
	offset := list.GetScrollOffset()
	if offset == 0 {
		t.Fatal("the article list does not scroll")
	}
	d.wb.reader.view.SetSelection(10, 25) // Ana is selecting text to tag

	// Bea, in her own window, imports, tags a passage of that article and
	// adds an event.
	if _, err := tm.bea.ImportArticles(ctx, []store.Article{{Title: "Late wire", Body: "A late dispatch on the talks in Seoul between the two ministers."}}); err != nil {
		t.Fatal(err)
	}
	tag, err := tm.bea.CreateTag(ctx, store.Tag{Name: "Security", Colour: "#2266aa"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tm.bea.CreatePassage(ctx, store.Passage{ArticleID: opened.ID, Start: 0, End: 8, TagIDs: []int64{tag}}); err != nil {
		t.Fatal(err)
	}
	changed := time.Now()

	d.waitWithin(liveLimit, "bea's article, tag and passage in ana's window", func() bool {
		return d.wb.articles.rows.len() == 61 && d.wb.tags.byID[tag].Name == "Security" &&
			len(d.wb.reader.passages) == 1 && d.wb.status.counts.Text != "" &&
			anyContains([]string{d.wb.status.counts.Text}, "61 articles")
	})
	t.Logf("shown %v after the change", time.Since(changed).Round(time.Millisecond))
	d.settle()

	if d.wb.reader.article.ID != opened.ID {
		t.Errorf("the reader moved to article %d from %d", d.wb.reader.article.ID, opened.ID)
	}
	if d.wb.articles.selected != opened.ID || d.wb.articles.rows.indexOf(opened.ID) != 30 {
		t.Errorf("the list's selection moved: selected %d, at %d", d.wb.articles.selected, d.wb.articles.rows.indexOf(opened.ID))
	}
	if start, end := d.wb.reader.view.Selection(); start != 10 || end != 25 {
		t.Errorf("the reader's selection moved to %d–%d", start, end)
	}
	if got := list.GetScrollOffset(); got != offset {
		t.Errorf("the article list scrolled from %v to %v", offset, got)
	}
}

func TestOthersChangesUpdateTheInspectorButLeaveANoteBeingTypedAlone(t *testing.T) {
	tm := newTeam(t)
	ctx := context.Background()
	res, err := tm.bea.ImportArticles(ctx, wire(3))
	if err != nil {
		t.Fatal(err)
	}
	passage, err := tm.bea.CreatePassage(ctx, store.Passage{ArticleID: res.IDs[1], Start: 0, End: 8})
	if err != nil {
		t.Fatal(err)
	}
	d := openDesk(t, newLoopApp(t), tm.ana, tm.ana.Path())
	d.waitFor("three articles listed", func() bool { return d.wb.articles.rows.len() == 3 })
	d.wb.inspector.showPassage(passage)
	d.settle()
	inspectorSays := func(s string) bool { return anyContains(labelTexts(d.wb.inspector.object()), s) }

	// Bea tags the passage Ana is looking at: Ana's inspector shows it.
	trade, err := tm.bea.CreateTag(ctx, store.Tag{Name: "Trade", Colour: "#aa6600"})
	if err != nil {
		t.Fatal(err)
	}
	if err := tm.bea.TagPassage(ctx, passage, trade); err != nil {
		t.Fatal(err)
	}
	d.waitWithin(liveLimit, "bea's tag in ana's inspector", func() bool { return inspectorSays("Trade") })

	// Ana types a note; Bea adds another tag meanwhile. Ana's typing stays.
	notes := objectsOf[*noteEntry](d.wb.inspector.object())
	if len(notes) != 1 {
		t.Fatalf("%d note entries in the inspector", len(notes))
	}
	notes[0].SetText("Ministers met in Seoul")
	if err := tm.bea.TagPassage(ctx, passage, mustTag(t, tm.bea, "Security")); err != nil {
		t.Fatal(err)
	}
	d.waitWithin(liveLimit, "bea's new tag in ana's tag list", func() bool {
		for _, tg := range d.wb.tags.list {
			if tg.Name == "Security" {
				return true
			}
		}
		return false
	})
	d.settle()
	if got := objectsOf[*noteEntry](d.wb.inspector.object()); len(got) != 1 || got[0] != notes[0] || got[0].Text != "Ministers met in Seoul" {
		t.Fatal("another analyst's change threw away the note being typed")
	}

	// Once saved, the inspector catches up with Bea's tag.
	notes[0].FocusLost()
	d.waitFor("the note saved and bea's second tag shown", func() bool { return inspectorSays("Security") })
	if p, err := tm.bea.Passage(ctx, passage); err != nil || p.Note != "Ministers met in Seoul" {
		t.Fatalf("saved note %q, %v", p.Note, err)
	}
}

// mustTag creates a tag through st and returns its id.
func mustTag(t *testing.T, st store.Store, name string) int64 {
	t.Helper()
	id, err := st.CreateTag(context.Background(), store.Tag{Name: name, Colour: "#2266aa"})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestALostWatchIsTakenUpAgainAndCatchesUp(t *testing.T) {
	tm := newTeam(t)
	ctx := context.Background()
	if _, err := tm.bea.ImportArticles(ctx, wire(2)); err != nil {
		t.Fatal(err)
	}
	d := openDesk(t, newLoopApp(t), tm.ana, tm.ana.Path())
	d.waitFor("two articles listed", func() bool { return d.wb.articles.rows.len() == 2 })

	// The server drops the window's listening connection; Bea imports while
	// nobody listens.
	var dropped int
	q := fmt.Sprintf(`SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '%s' AND usename = '%s' AND query LIKE 'LISTEN%%'`,
		tm.project.DB, tm.project.DB+"_ana")
	if err := tm.project.Cluster.QueryRow(ctx, "postgres", q, &dropped); err != nil || dropped != 1 {
		t.Fatalf("dropped %d listening connections: %v", dropped, err)
	}
	if _, err := tm.bea.ImportArticles(ctx, []store.Article{{Title: "Late wire", Body: "A late dispatch while the watch was down."}}); err != nil {
		t.Fatal(err)
	}
	d.waitWithin(watchRetry+liveLimit, "the article imported while the watch was down", func() bool { return d.wb.articles.rows.len() == 3 })

	// And the watch is back: the next change shows as fast as ever.
	if _, err := tm.bea.ImportArticles(ctx, []store.Article{{Title: "Later wire", Body: "Another dispatch once the watch is back."}}); err != nil {
		t.Fatal(err)
	}
	d.waitWithin(liveLimit, "the article imported once the watch is back", func() bool { return d.wb.articles.rows.len() == 4 })
}

// selectedRows returns the texts of the rows list draws as selected.
func selectedRows(list *widget.List) [][]string {
	sel := color.NRGBAModel.Convert(theme.Color(theme.ColorNameSelection)).(color.NRGBA)
	var out [][]string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		var kids []fyne.CanvasObject
		switch c := o.(type) {
		case *fyne.Container:
			kids = c.Objects
		case fyne.Widget:
			kids = test.WidgetRenderer(c).Objects()
		}
		// A list row is drawn as its background and its content.
		if len(kids) == 2 {
			if bg, ok := kids[0].(*canvas.Rectangle); ok && bg.Visible() && color.NRGBAModel.Convert(bg.FillColor) == sel {
				texts := labelTexts(kids[1])
				for _, h := range objectsOf[*widgets.HighlightLabel](kids[1]) {
					texts = append(texts, h.Text())
				}
				out = append(out, texts)
				return
			}
		}
		for _, k := range kids {
			walk(k)
		}
	}
	walk(list)
	return out
}

func TestOthersChangesKeepTheSelectedEventAndEntity(t *testing.T) {
	tm := newTeam(t)
	ctx := context.Background()
	var entities []int64
	for _, name := range []string{"Japan", "South Korea", "Philippines"} {
		id, err := tm.bea.CreateEntity(ctx, store.Entity{Name: name, Kind: model.KindCountry})
		if err != nil {
			t.Fatal(err)
		}
		entities = append(entities, id)
	}
	for i, text := range []string{"Japan and South Korea agreed to talk.", "South Korea asked Japan for data.", "Japan met the Philippines."} {
		if _, err := tm.bea.CreateEvent(ctx, model.Event{Actors: []int64{entities[i%3]}, Recipients: []int64{entities[(i+1)%3]}, Type: model.EventConsult,
			CAMEO: "040", Date: fmt.Sprintf("2025-03-%02d", i+1), Precision: model.PrecisionDay, Text: text, Status: model.StatusConfirmed}); err != nil {
			t.Fatal(err)
		}
	}
	d := openDesk(t, newLoopApp(t), tm.ana, tm.ana.Path())
	d.wb.centre.SelectIndex(1)
	d.wb.sidebar.SelectIndex(1)
	d.waitFor("three events listed", func() bool { return len(d.wb.events.data.events) == 3 })
	d.waitFor("three entities listed", func() bool { return len(d.wb.entities.rows) == 3 })
	d.wb.events.list.Select(1)
	picked := d.wb.events.data.events[1]
	d.wb.entities.list.Select(2)
	entity := d.wb.entities.rows[2].entity
	d.settle()
	before := selectedRows(d.wb.events.list)
	if len(before) != 1 || len(selectedRows(d.wb.entities.list)) != 1 {
		t.Fatalf("selected rows: events %v, entities %v", before, selectedRows(d.wb.entities.list))
	}

	// Bea adds an event and an entity.
	if _, err := tm.bea.CreateEvent(ctx, model.Event{Actors: []int64{entities[2]}, Type: model.EventConsult, CAMEO: "040",
		Date: "2025-03-09", Precision: model.PrecisionDay, Text: "The Philippines called Japan.", Status: model.StatusConfirmed}); err != nil {
		t.Fatal(err)
	}
	if _, err := tm.bea.CreateEntity(ctx, store.Entity{Name: "Vietnam", Kind: model.KindCountry}); err != nil {
		t.Fatal(err)
	}
	d.waitWithin(liveLimit, "bea's event and entity in ana's window", func() bool {
		return len(d.wb.events.data.events) == 4 && len(d.wb.entities.rows) == 4
	})
	d.settle()
	if d.wb.events.cursor != picked.ID || !slices.Equal(selectedRows(d.wb.events.list)[0], before[0]) {
		t.Errorf("the selected event changed: %v, was %v", selectedRows(d.wb.events.list), before)
	}
	if rows := selectedRows(d.wb.entities.list); len(rows) != 1 || !anyContains(rows[0], entity.Name) {
		t.Errorf("the selected entity changed: %v, was %s", rows, entity.Name)
	}
}

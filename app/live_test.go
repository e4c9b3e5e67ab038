package app

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/attache-app/attache/data/store"
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

package app

import (
	"context"
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

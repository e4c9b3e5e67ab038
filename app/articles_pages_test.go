package app

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// addNumberedArticles imports n short articles titled "Story 0001"… with
// dates spread over three years, in an order that differs from title order.
func addNumberedArticles(t *testing.T, st store.Store, n int) {
	t.Helper()
	arts := make([]model.Article, n)
	for i := range arts {
		k := (i*7919)%n + 1 // import order is not title order
		arts[i] = model.Article{
			Title:       fmt.Sprintf("Story %04d", k),
			Publication: "Wire",
			Published:   fmt.Sprintf("%04d-%02d-%02d", 2020+k%3, 1+k%12, 1+k%28),
			Body:        fmt.Sprintf("Body of story number %d, on trade talks.", k),
			SourcePath:  "wire.jsonl",
			SourcePos:   i,
		}
	}
	if _, err := st.ImportArticles(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
}

// listedTitles returns the titles the sidebar's article rows show.
func listedTitles(d *desk) []string {
	var out []string
	for _, l := range objectsOf[*widget.Label](d.wb.articles.list) {
		if l.TextStyle.Bold {
			out = append(out, l.Text)
		}
	}
	return out
}

// TestArticleListPagesFromTheStore lists 2,345 articles: the list knows
// them all but holds the summaries of a few pages only; scrolling to the end
// shows the last stories once their page is read, and sorting by title
// reorders the whole list as the store does.
func TestArticleListPagesFromTheStore(t *testing.T) {
	d := newDesk(t)
	const n = 2345
	addNumberedArticles(t, d.st, n)
	p := d.wb.articles
	d.wb.refresh()
	d.waitFor("every article counted", func() bool { return p.rows.len() == n })
	if got := p.count.Text; got != "2345 articles" {
		t.Errorf("the count reads %q", got)
	}
	if len(p.rows.pages) != 1 {
		t.Errorf("%d pages read after listing, want the first only", len(p.rows.pages))
	}

	p.sortBy.SetSelected(sortTitle)
	d.waitFor("the list by title", func() bool { return p.shown.Sort == store.ByTitle })
	if a, _, ok := p.rows.summary(0); !ok || a.Title != "Story 0001" {
		t.Errorf("the list by title starts with %+v", a)
	}
	want, err := d.st.Articles(context.Background(), store.ArticleFilter{Sort: store.ByTitle})
	if err != nil {
		t.Fatal(err)
	}
	wantIDs := make([]int64, len(want))
	for i, a := range want {
		wantIDs[i] = a.ID
	}
	if !slices.Equal(p.rows.ids, wantIDs) {
		t.Error("the list by title is not in the store's title order")
	}

	// Scroll through the whole list: every row's page is read in turn, and
	// only a bounded number of pages stays in memory.
	for i := 0; i < n; i += articlePageSize {
		p.list.ScrollTo(i)
		d.settle()
	}
	p.list.ScrollToBottom()
	d.waitFor("the last story shown", func() bool { return slices.Contains(listedTitles(d), "Story 2345") })
	if k := len(p.rows.pages); k > articlePagesKept {
		t.Errorf("%d pages of summaries held, want at most %d", k, articlePagesKept)
	}
	if slices.Contains(listedTitles(d), "…") {
		t.Errorf("rows still wait for their page: %q", listedTitles(d))
	}

	// A selected article stays selected across a new order.
	p.list.Select(n - 1)
	d.waitFor("the last story open", func() bool { return d.wb.reader.article.Title == "Story 2345" })
	p.sortBy.SetSelected(sortNewest)
	d.waitFor("the list by date", func() bool { return !slices.Equal(p.rows.ids, wantIDs) })
	if i := p.rows.indexOf(d.wb.reader.article.ID); i < 0 || p.rows.ids[i] != p.selected {
		t.Error("the open article is not selected in the list after sorting")
	}
}

// TestFirstArticleOpensBehindTheChosenView opens a project while the
// Timeline is in front: the first article is read into the reader, and the
// Timeline stays in front.
func TestFirstArticleOpensBehindTheChosenView(t *testing.T) {
	d := newDesk(t)
	addNumberedArticles(t, d.st, 30)
	d.wb.reader.clear()
	d.wb.centre.SelectIndex(2)
	d.wb.articles.openFirst = true
	d.wb.refresh()
	d.waitFor("the first article in the reader", func() bool {
		ids := d.wb.articles.rows.ids
		return len(ids) == 30 && d.wb.reader.article.ID == ids[0]
	})
	if got := d.wb.centre.SelectedIndex(); got != 2 {
		t.Errorf("tab %d is in front after the first article opened, want the Timeline (2)", got)
	}
}

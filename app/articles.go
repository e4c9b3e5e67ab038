package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/store"
)

// articlesPane is the sidebar's article list: date, outlet and title of each
// article, a filter box (full-text), sorting by date or title, and a count.
// The list pages from the store (see articlePages), so that a project of a
// million articles lists as quickly, and in as little memory, as a small one.
type articlesPane struct {
	wb     *workbench
	filter *widget.Entry
	sortBy *widget.Select
	count  *widget.Label
	list   *widget.List
	rows   *articlePages
	box    fyne.CanvasObject

	shown     store.ArticleFilter // the filter and order of the list shown
	loads     loadScope           // the list's loads
	pageLoads loadScope           // the loads of the shown list's pages
	selected  int64
	debounce  debouncer
	openFirst bool // the next reload opens the first article listed, if none is open
}

const (
	sortNewest = "Newest first"
	sortOldest = "Oldest first"
	sortTitle  = "Title A–Z"
	sortImport = "Import order"
)

func newArticlesPane(wb *workbench) *articlesPane {
	p := &articlesPane{wb: wb, rows: newArticlePages()}
	p.filter = widget.NewEntry()
	p.filter.SetPlaceHolder("Filter articles (full text)…")
	p.filter.OnChanged = func(string) { p.reloadSoon() }
	p.sortBy = widget.NewSelect([]string{sortNewest, sortOldest, sortTitle, sortImport}, func(string) { p.reload() })
	p.sortBy.Selected = sortImport
	p.count = widget.NewLabel("")
	p.count.Importance = widget.LowImportance
	p.list = widget.NewList(
		func() int { return p.rows.len() },
		func() fyne.CanvasObject {
			meta := widget.NewLabel("2025-01-01 · Outlet")
			meta.Truncation = fyne.TextTruncateEllipsis
			meta.SizeName = theme.SizeNameCaptionText
			title := widget.NewLabel("Title")
			title.Truncation = fyne.TextTruncateEllipsis
			title.TextStyle.Bold = true
			return container.NewVBox(title, meta)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= p.rows.len() {
				return
			}
			box := o.(*fyne.Container)
			a, page, ok := p.rows.summary(i)
			if !ok {
				box.Objects[0].(*widget.Label).SetText("…")
				box.Objects[1].(*widget.Label).SetText("")
				p.fetch(page)
				return
			}
			box.Objects[0].(*widget.Label).SetText(titleOrUntitled(a.Title))
			box.Objects[1].(*widget.Label).SetText(articleMeta(a))
		},
	)
	p.list.OnSelected = func(i widget.ListItemID) {
		if i < p.rows.len() {
			p.selected = p.rows.ids[i]
			wb.openArticle(p.selected, -1, -1)
		}
	}
	top := container.NewVBox(p.filter, container.NewBorder(nil, nil, nil, p.sortBy, p.count))
	p.box = container.NewBorder(top, nil, nil, nil, p.list)
	return p
}

func (p *articlesPane) object() fyne.CanvasObject { return p.box }

func titleOrUntitled(t string) string {
	if t == "" {
		return "(untitled)"
	}
	return t
}

func articleMeta(a store.ArticleSummary) string {
	date := a.Published
	if len(date) > 10 {
		date = date[:10]
	}
	if date == "" {
		date = "date unknown"
	}
	if a.Publication != "" {
		return date + " · " + a.Publication
	}
	return date
}

func (p *articlesPane) reloadSoon() {
	p.loads.stop() // a list read for the old filter is no longer wanted
	p.debounce.call(p.wb, 200*time.Millisecond, p.reload)
}

func (p *articlesPane) currentFilter() store.ArticleFilter {
	f := store.ArticleFilter{Text: p.filter.Text}
	switch p.sortBy.Selected {
	case sortNewest:
		f.Sort, f.Desc = store.ByDate, true
	case sortOldest:
		f.Sort = store.ByDate
	case sortTitle:
		f.Sort = store.ByTitle
	default:
		f.Sort = store.ByImport
	}
	return f
}

// reload fetches the list with the current filter and keeps the selection.
func (p *articlesPane) reload() {
	f := p.currentFilter()
	openFirst := p.openFirst
	p.openFirst = false
	if f != p.shown && p.rows.len() > 0 {
		// Sorting a million articles takes seconds: say the list is coming.
		p.count.SetText(plural(p.rows.len(), "article") + " · updating…")
	}
	load(p.wb, p.loads.next(p.wb), "List articles", func(ctx context.Context, st store.Store) (articleList, error) {
		return readArticleList(ctx, st, f)
	}, func(l articleList) {
		p.pageLoads.next(p.wb) // pages of the old list are no longer wanted
		// The same list read again (after a change, the analyst's or
		// another's) stays where the analyst scrolled it; a new filter or
		// order brings the selected article into view.
		again, offset := f == p.shown, p.list.GetScrollOffset()
		p.rows.reset(l.ids, l.first)
		p.shown = f
		p.count.SetText(plural(len(l.ids), "article"))
		p.list.UnselectAll()
		p.list.Refresh()
		if i := p.rows.indexOf(p.selected); i >= 0 {
			p.selectQuietly(i)
		}
		if again {
			p.list.ScrollToOffset(offset)
		}
		if openFirst && len(l.ids) > 0 && p.wb.reader.articleID == 0 {
			// Behind the view the analyst may have chosen while the list was read.
			p.wb.loadArticle(l.ids[0], -1, -1)
		}
	})
}

// fetch reads page n of the list in the background, once, and shows it.
func (p *articlesPane) fetch(n int) {
	if p.rows.pending[n] {
		return
	}
	p.rows.pending[n] = true
	ids := p.rows.pageIDs(n)
	load(p.wb, p.pageLoads.current(), "List articles", func(ctx context.Context, st store.Store) ([]store.ArticleSummary, error) {
		return st.ArticleSummaries(ctx, ids)
	}, func(rows []store.ArticleSummary) {
		p.rows.keep(n, rows)
		p.list.Refresh()
	})
}

// selectQuietly highlights row i without reopening the article.
func (p *articlesPane) selectQuietly(i int) {
	selectSilently(p.list, i)
	p.list.ScrollTo(i)
	p.selected = p.rows.ids[i]
}

// selectSilently selects row i of list without calling its OnSelected.
func selectSilently(list *widget.List, i int) {
	h := list.OnSelected
	list.OnSelected = nil
	list.Select(i)
	list.OnSelected = h
}

// show marks article id as selected in the list (when it is listed).
func (p *articlesPane) show(id int64) {
	p.selected = id
	if i := p.rows.indexOf(id); i >= 0 {
		p.selectQuietly(i)
		return
	}
	p.list.UnselectAll()
}

package app

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/widgets"
)

// showSearch (Ctrl+Shift+F) searches the whole project (full text, ranked, with
// snippets); choosing a hit opens the article scrolled to it, the hit highlighted.
func (wb *workbench) showSearch() {
	if wb.st == nil {
		return
	}
	var hits []store.SearchHit
	query := widget.NewEntry()
	query.SetPlaceHolder("Search all articles — words, \"a phrase\", prefix*, or any Chinese/Japanese/Korean text")
	count := widget.NewLabel("")
	count.Importance = widget.LowImportance
	var d dialog.Dialog
	list := widget.NewList(func() int { return len(hits) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(title, widgets.NewHighlightLabel("", nil))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			h := hits[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(titleOrUntitled(h.Title) + "  ·  " + dateOrUnknown(h.Published))
			text, marks := unmarkSnippet(h.Snippet)
			box.Objects[1].(*widgets.HighlightLabel).SetText(text, marks)
		})
	list.OnSelected = func(i widget.ListItemID) {
		h := hits[i]
		d.Hide()
		length := firstMarkLength(h.Snippet)
		if h.FirstHit >= 0 {
			wb.openArticle(h.ArticleID, h.FirstHit, h.FirstHit+length)
		} else {
			wb.openArticle(h.ArticleID, -1, -1)
		}
	}
	var typing debouncer
	var loads loadScope
	run := func() {
		q := query.Text
		load(wb, loads.next(wb), "Search", func(ctx context.Context, st store.Store) ([]store.SearchHit, error) {
			return st.Search(ctx, q, 200)
		}, func(hs []store.SearchHit) {
			hits = hs
			count.SetText(plural(len(hs), "article"))
			list.UnselectAll()
			list.Refresh()
		})
	}
	query.OnChanged = func(string) {
		loads.stop() // hits for the old query are no longer wanted
		typing.call(wb, 150*time.Millisecond, run)
	}
	query.OnSubmitted = func(string) { run() }
	d = dialog.NewCustom("Search project", "Close", container.NewBorder(container.NewVBox(query, count), nil, nil, nil, list), wb.win)
	d.Resize(fyne.NewSize(760, 560))
	d.Show()
	wb.win.Canvas().Focus(query)
}

func dateOrUnknown(d string) string {
	if d == "" {
		return "date unknown"
	}
	return d
}

// unmarkSnippet removes the store's hit markers and returns the rune indexes
// that were marked.
func unmarkSnippet(s string) (string, []int) {
	var b strings.Builder
	var marks []int
	in := false
	n := 0
	for _, r := range s {
		switch string(r) {
		case store.HitStart:
			in = true
			continue
		case store.HitEnd:
			in = false
			continue
		}
		if in {
			marks = append(marks, n)
		}
		b.WriteRune(r)
		n++
	}
	return b.String(), marks
}

// firstMarkLength is the length in runes of the first marked hit.
func firstMarkLength(s string) int {
	i := strings.Index(s, store.HitStart)
	if i < 0 {
		return 0
	}
	rest := s[i+len(store.HitStart):]
	j := strings.Index(rest, store.HitEnd)
	if j < 0 {
		return 0
	}
	return utf8.RuneCountInString(rest[:j])
}

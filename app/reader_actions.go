package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/search"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/widgets"
)

// tagSelection (Ctrl+T) asks for a tag with a fuzzy picker and tags the selected
// passage with it; typing a name that does not exist creates the tag.
func (r *reader) tagSelection() {
	p, ok := r.selectedPassage()
	if !ok {
		return
	}
	load(r.wb, nil, "List tags", func(ctx context.Context, st store.Store) ([]model.Tag, error) {
		return st.Tags(ctx)
	}, func(tags []model.Tag) {
		r.wb.pickTag("Tag selection", tags, func(tagID int64, newName string) {
			r.wb.apply("Tag selection", func(ctx context.Context, st store.Store) error {
				id, err := pickedTag(ctx, st, tagID, newName, len(tags))
				if err != nil {
					return err
				}
				if p.ID != 0 {
					return st.TagPassage(ctx, p.ID, id)
				}
				created := p
				created.TagIDs = []int64{id}
				_, err = st.CreatePassage(ctx, created)
				return err
			}, nil)
		})
	})
}

// pickedTag is the tag pickTag chose: tagID, or else a new tag named newName
// in the next palette colour of a codebook of n tags.
func pickedTag(ctx context.Context, st store.Store, tagID int64, newName string, n int) (int64, error) {
	if tagID != 0 {
		return tagID, nil
	}
	return st.CreateTag(ctx, model.Tag{Name: newName, Colour: newTagColour(n)})
}

// pickTag shows a fuzzy tag picker; chosen gets the tag's id, or 0 and the
// typed name when the analyst asked for a new tag.
func (wb *workbench) pickTag(title string, tags []model.Tag, chosen func(tagID int64, newName string)) {
	entries := make([]search.Entry, len(tags))
	for i, t := range tags {
		entries[i] = search.Entry{ID: t.ID, Name: t.Name}
	}
	ix := search.NewIndex(entries)
	byID := map[int64]model.Tag{}
	for _, t := range tags {
		byID[t.ID] = t
	}
	picker := widgets.NewPicker(func(q string) []widgets.PickerItem {
		var items []widgets.PickerItem
		if strings.TrimSpace(q) == "" {
			for _, t := range tags {
				items = append(items, widgets.PickerItem{Label: t.Name, Detail: tagDetail(t), Value: t.ID})
			}
			return items
		}
		for _, m := range ix.Find(q, 50) {
			items = append(items, widgets.PickerItem{Label: m.Text, Matched: m.Runes, Detail: tagDetail(byID[m.ID]), Value: m.ID})
		}
		return items
	})
	wb.showPicker(title, fyne.NewSize(420, 420), picker, func(it widgets.PickerItem) {
		if id, ok := it.Value.(int64); ok {
			chosen(id, "")
		}
	}, func(name string) { chosen(0, name) })
}

func tagDetail(t model.Tag) string {
	return fmt.Sprintf("%d passages", t.Passages)
}

// annotateSelection (Ctrl+M) writes a note on the selected passage.
func (r *reader) annotateSelection() {
	p, ok := r.selectedPassage()
	if !ok {
		return
	}
	note := widget.NewMultiLineEntry()
	note.SetPlaceHolder("Your note on this passage")
	note.Wrapping = fyne.TextWrapWord
	note.SetMinRowsVisible(6)
	if p.ID != 0 {
		note.SetText(p.Note)
	}
	quote := widget.NewLabel(shorten(string([]rune(r.article.Body)[p.Start:p.End]), 300))
	quote.Wrapping = fyne.TextWrapWord
	quote.TextStyle.Italic = true
	form := widget.NewForm(widget.NewFormItem("Passage", quote), widget.NewFormItem("Note", note))
	d := dialog.NewCustomConfirm("Annotate passage", "Save", "Cancel", form, func(save bool) {
		if !save {
			return
		}
		text := note.Text
		r.wb.apply("Annotate passage", func(ctx context.Context, st store.Store) error {
			if p.ID != 0 {
				return st.SetPassageNote(ctx, p.ID, text)
			}
			created := p
			created.Note = text
			_, err := st.CreatePassage(ctx, created)
			return err
		}, nil)
	}, r.wb.win)
	d.Resize(fyne.NewSize(520, 360))
	d.Show()
	r.wb.win.Canvas().Focus(note)
}

// editMeta edits the article's title, outlet, date, author and address.
func (r *reader) editMeta() {
	if r.articleID == 0 {
		return
	}
	a := r.article
	title, outlet, date, author, url := widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	title.SetText(a.Title)
	outlet.SetText(a.Publication)
	date.SetText(a.Published)
	date.SetPlaceHolder("YYYY-MM-DD (empty: unknown)")
	date.Validator = model.ValidDate
	author.SetText(a.Author)
	url.SetText(a.URL)
	items := []*widget.FormItem{
		widget.NewFormItem("Title", title), widget.NewFormItem("Outlet", outlet), widget.NewFormItem("Published", date),
		widget.NewFormItem("Author", author), widget.NewFormItem("Address", url),
	}
	id := r.articleID
	d := dialog.NewForm("Article details", "Save", "Cancel", items, func(save bool) {
		if !save {
			return
		}
		m := model.ArticleMeta{Title: title.Text, Publication: outlet.Text, Published: strings.TrimSpace(date.Text), Author: author.Text, URL: url.Text, Dateline: a.Dateline, Language: a.Language}
		r.wb.apply("Edit article details", func(ctx context.Context, st store.Store) error {
			return st.UpdateArticleMeta(ctx, id, m)
		}, nil)
	}, r.wb.win)
	d.Resize(fyne.NewSize(560, 380))
	d.Show()
}

// splitAtCursor splits the article at the start of the selection (or the caret).
func (r *reader) splitAtCursor() {
	if r.articleID == 0 {
		return
	}
	at, _ := r.view.Selection()
	id := r.articleID
	r.wb.apply("Split article", func(ctx context.Context, st store.Store) error {
		_, err := st.SplitArticle(ctx, id, at)
		return err
	}, nil)
}

// mergeWithNext joins the article with the one that follows it in its source.
func (r *reader) mergeWithNext() {
	if r.articleID == 0 {
		return
	}
	id := r.articleID
	r.wb.apply("Merge articles", func(ctx context.Context, st store.Store) error {
		return st.MergeArticleWithNext(ctx, id)
	}, func() { r.article = model.Article{} })
}

// reextract runs extraction on the open article again; it adds suggestions and
// leaves the analyst's confirmed, edited and rejected items alone.
func (r *reader) reextract() {
	if r.articleID == 0 {
		return
	}
	id := r.articleID
	wb := r.wb
	wb.status.busy("Extracting entities and events…")
	// The outcome carries the error so that the indicator stops on failure too.
	type outcome struct{ err error }
	job(wb, "Extract", func(ctx context.Context, st store.Store) (outcome, error) {
		return outcome{runExtraction(ctx, st, []int64{id})}, nil
	}, func(o outcome) {
		wb.status.idle()
		if o.err != nil {
			wb.showError("Extract", o.err)
		}
		wb.refresh()
	})
}

func shorten(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}

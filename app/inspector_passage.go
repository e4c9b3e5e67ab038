package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// passageData is what the passage view shows.
type passageData struct {
	passage model.Passage
	title   string      // the article's title
	tags    []model.Tag // the passage's tags, in tag-tree order
	all     []model.Tag // every tag, for the tag picker
}

func (i *inspector) loadPassage(t inspected, fresh bool) {
	inspect(i, t, fresh, "Show passage", func(ctx context.Context, st store.Store) (passageData, error) {
		var d passageData
		var err error
		if d.passage, err = st.Passage(ctx, t.id); err != nil {
			return d, err
		}
		a, err := st.Article(ctx, d.passage.ArticleID)
		if err != nil {
			return d, err
		}
		d.title = titleOrUntitled(a.Title)
		if d.all, err = st.Tags(ctx); err != nil {
			return d, err
		}
		on := map[int64]bool{}
		for _, id := range d.passage.TagIDs {
			on[id] = true
		}
		for _, tag := range d.all {
			if on[tag.ID] {
				d.tags = append(d.tags, tag)
			}
		}
		return d, nil
	}, i.passageView)
}

// passageView shows a passage's quote and article, its tags as removable
// chips with "Add tag…", its note (saved with Save or when the entry loses
// focus), and buttons to open it in its article or delete it.
func (i *inspector) passageView(d passageData) (string, fyne.CanvasObject) {
	wb, p := i.wb, d.passage
	quote := wrapped("“" + shorten(p.Text, 600) + "”")
	quote.TextStyle.Italic = true
	source := widget.NewLabel("Article: " + d.title)
	source.Truncation = fyne.TextTruncateEllipsis
	open := widget.NewButtonWithIcon("Open in article", theme.VisibilityIcon(), func() {
		wb.openArticle(p.ArticleID, p.Start, p.End)
	})
	head := container.NewVBox(quote, source)
	if who := whoLabel(p.Who); who != nil {
		head.Add(who)
	}

	chips := container.NewVBox()
	for _, t := range d.tags {
		tag := t
		chips.Add(tagChip(tag, func() {
			wb.apply("Remove tag from passage", func(ctx context.Context, st store.Store) error {
				return st.UntagPassage(ctx, p.ID, tag.ID)
			}, nil)
		}))
	}
	if len(d.tags) == 0 {
		chips.Add(newHint("No tags yet."))
	}
	addTag := widget.NewButtonWithIcon("Add tag…", theme.ContentAddIcon(), func() {
		wb.pickTag("Add tag to passage", d.all, func(tagID int64, newName string) {
			wb.apply("Tag passage", func(ctx context.Context, st store.Store) error {
				id, err := pickedTag(ctx, st, tagID, newName, len(d.all))
				if err != nil {
					return err
				}
				return st.TagPassage(ctx, p.ID, id)
			}, nil)
		})
	})

	note := newNoteEntry()
	note.SetText(p.Note)
	saved := p.Note
	save := widget.NewButtonWithIcon("Save note", theme.DocumentSaveIcon(), nil)
	save.Disable()
	saveNote := func() {
		text := note.Text
		if text == saved {
			return
		}
		saved = text
		save.Disable()
		wb.apply("Edit note", func(ctx context.Context, st store.Store) error {
			return st.SetPassageNote(ctx, p.ID, text)
		}, nil)
	}
	save.OnTapped = saveNote
	note.OnChanged = func(text string) {
		if text == saved {
			save.Disable()
		} else {
			save.Enable()
		}
	}
	note.onBlur = saveNote
	i.unsaved = func() bool { return note.Text != saved }

	del := widget.NewButtonWithIcon("Delete passage", theme.DeleteIcon(), func() {
		dialog.ShowConfirm("Delete passage", "Delete this passage with its tags and note? (Undo brings it back.)", func(ok bool) {
			if ok {
				wb.apply("Delete passage", func(ctx context.Context, st store.Store) error {
					return st.DeletePassage(ctx, p.ID)
				}, nil)
			}
		}, wb.win)
	})
	del.Importance = widget.DangerImportance

	return "Passage", container.NewVScroll(container.NewVBox(
		head, container.NewHBox(open),
		widget.NewSeparator(),
		sectionLabel("Tags"), chips, container.NewHBox(addTag),
		widget.NewSeparator(),
		sectionLabel("Note"), note, container.NewHBox(save),
		widget.NewSeparator(),
		container.NewHBox(del),
	))
}

// whoText says which members created and last changed an item of a shared
// project: "created by ana · changed by bea"; "" when the project records no
// names (a project file).
func whoText(w model.Who) string {
	switch {
	case w.CreatedBy == "" && w.ChangedBy == "":
		return ""
	case w.ChangedBy == "" || w.ChangedBy == w.CreatedBy:
		return "created by " + w.CreatedBy
	case w.CreatedBy == "":
		return "changed by " + w.ChangedBy
	}
	return "created by " + w.CreatedBy + " · changed by " + w.ChangedBy
}

// whoLabel is whoText as a quiet label, or nil when there is nothing to say.
func whoLabel(w model.Who) *widget.Label {
	text := whoText(w)
	if text == "" {
		return nil
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	return l
}

// tagChip is a tag's colour, name and a button that removes it.
func tagChip(t model.Tag, remove func()) fyne.CanvasObject {
	bg := canvas.NewRectangle(withAlpha(parseColour(t.Colour), 0x50))
	bg.CornerRadius = theme.InputRadiusSize()
	swatch := canvas.NewRectangle(parseColour(t.Colour))
	swatch.CornerRadius = 3
	swatch.SetMinSize(fyne.NewSize(12, 12))
	name := widget.NewLabel(t.Name)
	name.Truncation = fyne.TextTruncateEllipsis
	x := widget.NewButtonWithIcon("", theme.CancelIcon(), remove)
	x.Importance = widget.LowImportance
	row := container.NewBorder(nil, nil, container.NewPadded(container.NewCenter(swatch)), x, name)
	return container.NewStack(bg, row)
}

// noteEntry is a multi-line entry that reports when it loses focus, so a
// note is saved when the analyst moves on.
type noteEntry struct {
	widget.Entry
	onBlur func()
}

func newNoteEntry() *noteEntry {
	e := &noteEntry{}
	e.ExtendBaseWidget(e)
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetPlaceHolder("Your note on this passage")
	e.SetMinRowsVisible(5)
	return e
}

// FocusLost saves the note (through onBlur) when focus moves elsewhere.
func (e *noteEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onBlur != nil {
		e.onBlur()
	}
}

package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// tagPassages lists the passages of the selected tag (quote and article);
// choosing one opens its article at it and shows it in the inspector.
type tagPassages struct {
	wb     *workbench
	loads  loadScope
	header *widget.Label
	list   *widget.List
	hint   *widget.Label
	box    fyne.CanvasObject

	tagID int64
	items []taggedPassage
}

// taggedPassage is a passage with its article's title.
type taggedPassage struct {
	passage model.Passage
	title   string
}

func newTagPassages(wb *workbench) *tagPassages {
	v := &tagPassages{wb: wb}
	v.header = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.header.Truncation = fyne.TextTruncateEllipsis
	v.hint = newHint("Select a tag to list its passages.")
	v.list = widget.NewList(func() int { return len(v.items) },
		func() fyne.CanvasObject {
			quote := widget.NewLabel("“Quote”")
			quote.TextStyle.Italic = true
			quote.Truncation = fyne.TextTruncateEllipsis
			title := widget.NewLabel("Article")
			title.Importance = widget.LowImportance
			title.Truncation = fyne.TextTruncateEllipsis
			title.SizeName = theme.SizeNameCaptionText
			return container.NewVBox(quote, title)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			it := v.items[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText("“" + shorten(it.passage.Text, 200) + "”")
			box.Objects[1].(*widget.Label).SetText(it.title)
		})
	v.list.OnSelected = func(i widget.ListItemID) {
		p := v.items[i].passage
		v.list.Unselect(i)
		wb.openArticle(p.ArticleID, p.Start, p.End)
		wb.inspector.showPassage(p.ID)
	}
	v.box = container.NewBorder(v.header, nil, nil, nil, container.NewStack(v.list, container.NewPadded(container.NewVBox(v.hint))))
	v.show(0, nil)
	return v
}

func (v *tagPassages) object() fyne.CanvasObject { return v.box }

// reload lists the passages of tag id (none when id is 0).
func (v *tagPassages) reload(id int64) {
	v.tagID = id
	if id == 0 {
		v.loads.stop()
		v.show(0, nil)
		return
	}
	load(v.wb, v.loads.next(v.wb), "List tagged passages", func(ctx context.Context, st store.Store) ([]taggedPassage, error) {
		ps, err := st.Passages(ctx, store.PassageFilter{TagID: id})
		if err != nil || len(ps) == 0 {
			return nil, err
		}
		arts, err := st.Articles(ctx, store.ArticleFilter{})
		if err != nil {
			return nil, err
		}
		titles := make(map[int64]string, len(arts))
		for _, a := range arts {
			titles[a.ID] = titleOrUntitled(a.Title)
		}
		out := make([]taggedPassage, len(ps))
		for i, p := range ps {
			out[i] = taggedPassage{passage: p, title: titles[p.ArticleID]}
		}
		return out, nil
	}, func(items []taggedPassage) { v.show(id, items) })
}

func (v *tagPassages) show(id int64, items []taggedPassage) {
	v.items = items
	var name string
	if id != 0 {
		name = v.wb.tags.byID[id].Name
	}
	switch {
	case id == 0:
		v.header.SetText("Passages")
		v.hint.SetText("Select a tag to list its passages.")
		v.hint.Show()
	case len(items) == 0:
		v.header.SetText(fmt.Sprintf("“%s”: no passages", name))
		v.hint.SetText("Select text in an article and\npress Ctrl+T to tag it.")
		v.hint.Show()
	default:
		v.header.SetText(fmt.Sprintf("“%s”: %s", name, plural(len(items), "passage")))
		v.hint.Hide()
	}
	v.list.Refresh()
}

package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/attache-app/attache/data/model"
)

// tagRow is one node of the tag tree: the tag's colour, its name and its
// counts. A click selects the tag; a right-click opens the tag menu. (The
// row takes both: a widget that handles right-clicks receives the clicks too,
// so the tree row beneath would not see them.)
type tagRow struct {
	widget.BaseWidget
	swatch *canvas.Rectangle
	name   *widget.Label
	counts *widget.Label
	id     int64
	tap    func(id int64)
	menu   func(id int64, at fyne.Position)
}

func newTagRow(tap func(id int64), menu func(id int64, at fyne.Position)) *tagRow {
	r := &tagRow{tap: tap, menu: menu}
	r.swatch = canvas.NewRectangle(parseColour(model.DefaultTagColour))
	r.swatch.CornerRadius = 3
	r.swatch.SetMinSize(fyne.NewSize(14, 14))
	r.name = widget.NewLabel("Tag")
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.counts = widget.NewLabel("999 · 99")
	r.counts.Importance = widget.LowImportance
	r.counts.SizeName = theme.SizeNameCaptionText
	r.ExtendBaseWidget(r)
	return r
}

// set shows tag t.
func (r *tagRow) set(t model.Tag) {
	r.id = t.ID
	r.swatch.FillColor = parseColour(t.Colour)
	r.swatch.Refresh()
	r.name.SetText(t.Name)
	r.counts.SetText(tagCounts(t))
}

// tagCounts is "3 passages · 1 event", leaving out what is zero.
func tagCounts(t model.Tag) string {
	switch {
	case t.Events == 0:
		return plural(t.Passages, "passage")
	case t.Passages == 0:
		return plural(t.Events, "event")
	}
	return fmt.Sprintf("%s · %s", plural(t.Passages, "passage"), plural(t.Events, "event"))
}

// Tapped selects this row's tag.
func (r *tagRow) Tapped(*fyne.PointEvent) {
	if r.tap != nil && r.id != 0 {
		r.tap(r.id)
	}
}

// TappedSecondary opens the tag menu for this row's tag.
func (r *tagRow) TappedSecondary(e *fyne.PointEvent) {
	if r.menu != nil && r.id != 0 {
		r.menu(r.id, e.AbsolutePosition)
	}
}

// CreateRenderer lays out swatch, name and counts.
func (r *tagRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, container.NewCenter(r.swatch), r.counts, r.name))
}

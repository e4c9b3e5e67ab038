package app

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/widgets"
)

// newEntityRowObject is the entities list's row: kind icon, highlighted name,
// and country code with mention count on the right.
func newEntityRowObject() fyne.CanvasObject {
	icon := widget.NewIcon(iconForKind(model.KindOther))
	meta := widget.NewLabel("CHN · 999")
	meta.Importance = widget.LowImportance
	meta.SizeName = theme.SizeNameCaptionText
	return container.NewBorder(nil, nil, icon, meta, widgets.NewHighlightLabel("", nil))
}

// updateEntityRowObject shows r in a row made by newEntityRowObject.
func updateEntityRowObject(o fyne.CanvasObject, r entityRow) {
	box := o.(*fyne.Container)
	box.Objects[0].(*widgets.HighlightLabel).SetText(r.text, r.runes)
	box.Objects[1].(*widget.Icon).SetResource(iconForKind(r.entity.Kind))
	box.Objects[2].(*widget.Label).SetText(entityRowMeta(r))
}

// entityRowMeta is "CHN · 12": the country code, if any, and the mention count.
func entityRowMeta(r entityRow) string {
	n := strconv.Itoa(r.entity.Mentions)
	if r.entity.Country == "" {
		return n
	}
	return r.entity.Country + " · " + n
}

// searchEntry is the entity search box: Down moves the focus to the results,
// where Up, Down and Space choose an entity.
type searchEntry struct {
	widget.Entry
	onDown func()
}

func newSearchEntry(onDown func()) *searchEntry {
	e := &searchEntry{onDown: onDown}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey moves to the results on Down and edits the query otherwise.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyDown && e.onDown != nil {
		e.onDown()
		return
	}
	e.Entry.TypedKey(k)
}

package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/search"
	"github.com/attache-app/attache/widgets"
)

// anyEntity is the picker row that clears an entity filter.
const anyEntity = "(any)"

// pickEntity shows a fuzzy picker over entities' names and aliases. chosen gets
// the entity, or ok=false when allowAny is set and the analyst chose "(any)".
// The fuzzy index is built in the background (a project may hold many
// thousands of names and aliases); the dialog opens once it is ready.
func (wb *workbench) pickEntity(title string, all []model.Entity, allowAny bool, chosen func(e model.Entity, ok bool)) {
	if p := wb.entities; p.ix != nil && len(all) > 0 && len(p.all) == len(all) && &all[0] == &p.all[0] {
		wb.showEntityPicker(title, all, p.ix, allowAny, chosen) // the pane's own list: reuse its index
		return
	}
	wb.offUI(func() func() {
		ix := search.IndexEntities(all)
		return func() { wb.showEntityPicker(title, all, ix, allowAny, chosen) }
	})
}

// showEntityPicker shows pickEntity's dialog over a ready index.
func (wb *workbench) showEntityPicker(title string, all []model.Entity, ix *search.Index, allowAny bool, chosen func(e model.Entity, ok bool)) {
	byID := make(map[int64]model.Entity, len(all))
	for _, e := range all {
		byID[e.ID] = e
	}
	row := func(e model.Entity, text string, runes []int) widgets.PickerItem {
		detail := e.Kind.Label()
		if e.Country != "" {
			detail += " · " + e.Country
		}
		detail += fmt.Sprintf(" · %d mentions", e.Mentions)
		if text != e.Name {
			detail = "alias of " + e.Name + " · " + detail
		}
		return widgets.PickerItem{Label: text, Matched: runes, Detail: detail, Value: e.ID, Icon: iconForKind(e.Kind)}
	}
	picker := widgets.NewPicker(func(q string) []widgets.PickerItem {
		var items []widgets.PickerItem
		if allowAny {
			items = append(items, widgets.PickerItem{Label: anyEntity, Detail: "no filter"})
		}
		if strings.TrimSpace(q) == "" {
			for i, e := range all {
				if i == 200 {
					break
				}
				items = append(items, row(e, e.Name, nil))
			}
			return items
		}
		for _, m := range ix.Find(q, 50) {
			items = append(items, row(byID[m.ID], m.Text, m.Runes))
		}
		return items
	})
	wb.showPicker(title, fyne.NewSize(460, 480), picker, func(it widgets.PickerItem) {
		if id, ok := it.Value.(int64); ok {
			chosen(byID[id], true)
		} else if allowAny {
			chosen(model.Entity{}, false)
		}
	}, nil)
}

// showPicker shows picker in a dialog of the given size, with the focus in its
// query. Choosing, creating or cancelling closes the dialog first; create may
// be nil, for a picker without a "Create" row.
func (wb *workbench) showPicker(title string, size fyne.Size, picker *widgets.Picker, chosen func(widgets.PickerItem), create func(name string)) {
	d := dialog.NewCustomWithoutButtons(title, picker, wb.win)
	picker.OnChosen = func(it widgets.PickerItem) {
		d.Hide()
		chosen(it)
	}
	if create != nil {
		picker.OnCreate = func(name string) {
			d.Hide()
			create(name)
		}
	}
	picker.OnCancel = d.Hide
	d.Resize(size)
	d.Show()
	picker.FocusIn(wb.win.Canvas())
}

// iconForKind is the theme icon that stands for an entity kind.
func iconForKind(kind model.EntityKind) fyne.Resource {
	switch kind {
	case model.KindPerson:
		return theme.AccountIcon()
	case model.KindCountry:
		return theme.HomeIcon()
	case model.KindOrganisation:
		return theme.StorageIcon()
	case model.KindPlace:
		return theme.NavigateNextIcon()
	default:
		return theme.QuestionIcon()
	}
}

package app

import (
	"context"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/search"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/widgets"
)

// topLevel is the move picker's row for "no parent".
const topLevel = "(top level)"

// showMenuAt opens the tag menu for tag id (selecting it) at an absolute position.
func (p *tagsPane) showMenuAt(id int64, at fyne.Position) {
	if _, ok := p.byID[id]; !ok || p.wb.readOnly {
		return
	}
	if p.selected != id {
		p.tree.Select(tagUID(id))
	}
	menu := fyne.NewMenu("",
		fyne.NewMenuItem("New Child Tag…", func() { p.newTag(id) }),
		fyne.NewMenuItem("Rename…", func() { p.renameTag(id) }),
		fyne.NewMenuItem("Colour…", func() { p.recolourTag(id) }),
		fyne.NewMenuItem("Move to…", func() { p.moveTag(id) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Delete…", func() { p.deleteTag(id) }),
	)
	widget.ShowPopUpMenuAtPosition(menu, p.wb.win.Canvas(), at)
}

// newTag asks for a name and creates a tag under parent (0: top level) in the
// next palette colour.
func (p *tagsPane) newTag(parent int64) {
	name := widget.NewEntry()
	name.SetPlaceHolder("Tag name")
	items := []*widget.FormItem{widget.NewFormItem("Name", name)}
	if parent != 0 {
		items = append(items, widget.NewFormItem("Inside", widget.NewLabel(p.path(parent))))
	}
	colour := newTagColour(len(p.list))
	d := dialog.NewForm("New tag", "Create", "Cancel", items, func(ok bool) {
		if ok {
			p.createTag(model.Tag{Name: name.Text, ParentID: parent, Colour: colour})
		}
	}, p.wb.win)
	name.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(380, d.MinSize().Height))
	d.Show()
	p.wb.win.Canvas().Focus(name)
}

// createTag stores t and selects it once the tree shows it.
func (p *tagsPane) createTag(t model.Tag) {
	if strings.TrimSpace(t.Name) == "" {
		return
	}
	var id int64
	p.openAfter = t.ParentID
	p.wb.apply("Create tag", func(ctx context.Context, st store.Store) error {
		var err error
		id, err = st.CreateTag(ctx, t)
		return err
	}, func() { p.selected = id })
}

// renameTag edits a tag's name and description.
func (p *tagsPane) renameTag(id int64) {
	t := p.byID[id]
	name, desc := widget.NewEntry(), widget.NewMultiLineEntry()
	name.SetText(t.Name)
	desc.SetText(t.Description)
	desc.Wrapping = fyne.TextWrapWord
	desc.SetPlaceHolder("What this code means, when to use it")
	d := dialog.NewForm("Rename tag", "Save", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Name", name), widget.NewFormItem("Description", desc)},
		func(ok bool) {
			if !ok || strings.TrimSpace(name.Text) == "" {
				return
			}
			t.Name, t.Description = name.Text, desc.Text
			p.updateTag("Rename tag", t)
		}, p.wb.win)
	name.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(420, d.MinSize().Height))
	d.Show()
	p.wb.win.Canvas().Focus(name)
}

func (p *tagsPane) updateTag(what string, t model.Tag) {
	p.wb.apply(what, func(ctx context.Context, st store.Store) error {
		return st.UpdateTag(ctx, t)
	}, nil)
}

// recolourTag offers the palette, and Fyne's colour picker for any other colour.
func (p *tagsPane) recolourTag(id int64) {
	t := p.byID[id]
	var d dialog.Dialog
	pick := func(c color.Color) {
		d.Hide()
		t.Colour = hexColour(c)
		p.updateTag("Recolour tag", t)
	}
	grid := container.NewGridWithColumns(8)
	for _, hex := range tagPalette {
		c := parseColour(hex)
		grid.Add(newSwatchButton(c, strings.EqualFold(hex, t.Colour), func() { pick(c) }))
	}
	custom := widget.NewButton("Other colour…", func() {
		d.Hide()
		cp := dialog.NewColorPicker("Colour of “"+t.Name+"”", "", func(c color.Color) {
			t.Colour = hexColour(c)
			p.updateTag("Recolour tag", t)
		}, p.wb.win)
		cp.Advanced = true
		cp.SetColor(parseColour(t.Colour))
		cp.Show()
	})
	d = dialog.NewCustom("Colour of “"+t.Name+"”", "Cancel", container.NewVBox(grid, container.NewHBox(custom)), p.wb.win)
	d.Show()
}

// moveTag asks for a new parent with a fuzzy picker (not the tag itself nor
// one of its descendants) and moves the tag there.
func (p *tagsPane) moveTag(id int64) {
	inside := p.descendants(id)
	var entries []search.Entry
	for _, t := range p.list {
		if !inside[t.ID] {
			entries = append(entries, search.Entry{ID: t.ID, Name: p.path(t.ID)})
		}
	}
	ix := search.NewIndex(entries)
	picker := widgets.NewPicker(func(q string) []widgets.PickerItem {
		var items []widgets.PickerItem
		if p.byID[id].ParentID != 0 {
			items = append(items, widgets.PickerItem{Label: topLevel, Detail: "no parent", Value: int64(0)})
		}
		if strings.TrimSpace(q) == "" {
			for _, e := range entries {
				items = append(items, widgets.PickerItem{Label: e.Name, Value: e.ID})
			}
			return items
		}
		for _, m := range ix.Find(q, 50) {
			items = append(items, widgets.PickerItem{Label: m.Text, Matched: m.Runes, Value: m.ID})
		}
		return items
	})
	p.wb.showPicker("Move “"+p.byID[id].Name+"” into", fyne.NewSize(420, 420), picker, func(it widgets.PickerItem) {
		parent, ok := it.Value.(int64)
		if !ok || parent == p.byID[id].ParentID {
			return
		}
		p.openAfter = parent
		p.wb.apply("Move tag", func(ctx context.Context, st store.Store) error {
			return st.MoveTag(ctx, id, parent)
		}, nil)
	}, nil)
}

// deleteTag asks for confirmation and deletes the tag; its children move up.
func (p *tagsPane) deleteTag(id int64) {
	t := p.byID[id]
	msg := fmt.Sprintf("Delete the tag “%s”?\n\nIt is taken off %s and %s", t.Name, plural(t.Passages, "passage"), plural(t.Events, "event"))
	if len(p.children[id]) > 0 {
		msg += "; its child tags move up one level"
	}
	msg += ". (Undo brings it back.)"
	dialog.ShowConfirm("Delete tag", msg, func(ok bool) {
		if ok {
			p.wb.apply("Delete tag", func(ctx context.Context, st store.Store) error {
				return st.DeleteTag(ctx, id)
			}, nil)
		}
	}, p.wb.win)
}

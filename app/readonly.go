package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/store"
)

// editActions are the workbench actions that change the project: a member
// who only reads gets them greyed out.
var editActions = map[string]bool{
	"import": true, "undo": true, "redo": true, "tag": true, "annotate": true, "event": true,
	"split": true, "merge": true, "editmeta": true, "extract": true,
}

// setAccess greys out editing when the open project only lets its member
// read (as the engine's server grants it: a project file is always
// writable) and says so in the status bar.
func (wb *workbench) setAccess(st store.Store) {
	wb.readOnly = false
	note := ""
	if a, ok := st.(store.Access); ok && a.ReadOnly() {
		name, role := a.Member()
		wb.readOnly = true
		note = "Read-only: " + name + " is a " + role
	}
	wb.status.setAccess(note)
	for _, it := range wb.editItems {
		it.Disabled = wb.readOnly
	}
	for _, d := range wb.editables {
		setEnabled(d, !wb.readOnly)
	}
	if m := wb.win.MainMenu(); m != nil {
		m.Refresh()
	}
}

// editable registers buttons that change the project, to be greyed out
// while the open project is read-only.
func (wb *workbench) editable(ds ...fyne.Disableable) {
	for _, d := range ds {
		wb.editables = append(wb.editables, d)
		setEnabled(d, !wb.readOnly)
	}
}

// noteEditItems records the menu entries of the edit actions.
func (wb *workbench) noteEditItems(m *fyne.MainMenu, acts map[string]*action) {
	labels := map[string]bool{}
	for name := range editActions {
		labels[acts[name].label] = true
	}
	for _, menu := range m.Items {
		for _, it := range menu.Items {
			if labels[it.Label] {
				wb.editItems = append(wb.editItems, it)
			}
		}
	}
}

// unlessReadOnly runs an editing action, unless the project is read-only.
func (wb *workbench) unlessReadOnly(run func()) func() {
	return func() {
		if !wb.refuseReadOnly() {
			run()
		}
	}
}

// refuseReadOnly says in the status bar that the project is read-only, and
// reports true, when it is: a shortcut or a drop reached an edit anyway.
func (wb *workbench) refuseReadOnly() bool {
	if wb.readOnly {
		wb.status.flash("This project is read-only for you: nothing was changed")
	}
	return wb.readOnly
}

func setEnabled(d fyne.Disableable, on bool) {
	if on {
		d.Enable()
	} else {
		d.Disable()
	}
}

// lockEdits disables every control under o that would change the project:
// entries, checks, selects and buttons, except the buttons that only show
// something (open the source, show the entity).
func lockEdits(o fyne.CanvasObject) {
	switch c := o.(type) {
	case *fyne.Container:
		for _, k := range c.Objects {
			lockEdits(k)
		}
	case *container.Scroll:
		lockEdits(c.Content)
	case *container.Split:
		lockEdits(c.Leading)
		lockEdits(c.Trailing)
	case *container.AppTabs:
		for _, it := range c.Items {
			lockEdits(it.Content)
		}
	case *widget.Form:
		for _, it := range c.Items {
			lockEdits(it.Widget)
		}
	case *widget.Button:
		if !showsOnly(c) {
			c.Disable()
		}
	case fyne.Disableable:
		c.Disable()
	}
}

// showsOnly reports whether a button only navigates (its icon is the eye of
// "Open source" or the info sign of "Show entity").
func showsOnly(b *widget.Button) bool {
	if b.Icon == nil {
		return false
	}
	n := b.Icon.Name()
	return n == theme.VisibilityIcon().Name() || n == theme.InfoIcon().Name()
}

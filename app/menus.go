package app

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/attache-app/attache/data/store"
)

// action is one command of the workbench: a menu entry with its shortcut.
type action struct {
	label string
	key   fyne.KeyName
	mod   fyne.KeyModifier
	run   func()
}

func (wb *workbench) actions() map[string]*action {
	ctrl, shift := fyne.KeyModifierShortcutDefault, fyne.KeyModifierShift
	acts := map[string]*action{
		"import":     {label: "Import…", key: fyne.KeyO, mod: ctrl, run: wb.importer.chooseFiles},
		"export":     {label: "Export…", key: fyne.KeyE, mod: ctrl | shift, run: wb.showExport},
		"new":        {label: "New Project…", key: fyne.KeyN, mod: ctrl, run: wb.newProjectDialog},
		"open":       {label: "Open Project…", key: fyne.KeyO, mod: ctrl | shift, run: wb.openProjectDialog},
		"savecopy":   {label: "Save a Copy…", key: fyne.KeyS, mod: ctrl | shift, run: wb.saveCopyDialog},
		"publish":    {label: "Publish to Shared Project…", run: wb.publishDialog},
		"undo":       {label: "Undo", key: fyne.KeyZ, mod: ctrl, run: wb.undo},
		"redo":       {label: "Redo", key: fyne.KeyZ, mod: ctrl | shift, run: wb.redo},
		"find":       {label: "Find in Article…", key: fyne.KeyF, mod: ctrl, run: wb.reader.showFind},
		"search":     {label: "Search Project…", key: fyne.KeyF, mod: ctrl | shift, run: wb.showSearch},
		"tag":        {label: "Tag Selection…", key: fyne.KeyT, mod: ctrl, run: wb.reader.tagSelection},
		"annotate":   {label: "Annotate Selection…", key: fyne.KeyM, mod: ctrl, run: wb.reader.annotateSelection},
		"event":      {label: "New Event from Selection…", key: fyne.KeyE, mod: ctrl, run: wb.reader.newEventFromSelection},
		"split":      {label: "Split Article at Cursor", key: fyne.KeyK, mod: ctrl | shift, run: wb.reader.splitAtCursor},
		"merge":      {label: "Merge with Next Article", key: fyne.KeyJ, mod: ctrl | shift, run: wb.reader.mergeWithNext},
		"editmeta":   {label: "Edit Article Details…", key: fyne.KeyI, mod: ctrl, run: wb.reader.editMeta},
		"extract":    {label: "Re-run Extraction on Article", key: fyne.KeyX, mod: ctrl | shift, run: wb.reader.reextract},
		"articles":   {label: "Articles", key: fyne.Key1, mod: ctrl, run: func() { wb.sidebar.SelectIndex(0) }},
		"entities":   {label: "Entities", key: fyne.Key2, mod: ctrl, run: func() { wb.showEntitySearch() }},
		"tags":       {label: "Tags", key: fyne.Key3, mod: ctrl, run: func() { wb.sidebar.SelectIndex(2) }},
		"article":    {label: "Article", key: fyne.Key4, mod: ctrl, run: func() { wb.centre.SelectIndex(0) }},
		"eventsview": {label: "Events", key: fyne.Key5, mod: ctrl, run: func() { wb.centre.SelectIndex(1) }},
		"timeline":   {label: "Timeline", key: fyne.Key6, mod: ctrl, run: func() { wb.centre.SelectIndex(2) }},
	}
	for name := range editActions {
		acts[name].run = wb.unlessReadOnly(acts[name].run)
	}
	return acts
}

func (a *action) item() *fyne.MenuItem {
	it := fyne.NewMenuItem(a.label, a.run)
	if a.key != "" {
		it.Shortcut = &desktop.CustomShortcut{KeyName: a.key, Modifier: a.mod}
	}
	return it
}

// mainMenu builds the menu bar; every action has an entry, most a shortcut.
// Recent Projects is filled in by updateRecentMenu once a project is opened
// (or fails to open).
func (wb *workbench) mainMenu() *fyne.MainMenu {
	a := wb.actions()
	wb.recentItem = fyne.NewMenuItem("Recent Projects", nil)
	wb.recentItem.ChildMenu = wb.recentMenu(nil)
	wb.undoItem, wb.redoItem = a["undo"].item(), a["redo"].item()
	file := fyne.NewMenu("File", a["new"].item(), a["open"].item(), wb.recentItem, a["savecopy"].item(),
		a["publish"].item(), fyne.NewMenuItemSeparator(), a["import"].item(), a["export"].item())
	edit := fyne.NewMenu("Edit", wb.undoItem, wb.redoItem, fyne.NewMenuItemSeparator(),
		a["find"].item(), a["search"].item(), fyne.NewMenuItemSeparator(),
		a["tag"].item(), a["annotate"].item(), a["event"].item())
	article := fyne.NewMenu("Article", a["editmeta"].item(), a["split"].item(), a["merge"].item(), a["extract"].item())
	view := fyne.NewMenu("View", a["articles"].item(), a["entities"].item(), a["tags"].item(),
		fyne.NewMenuItemSeparator(), a["article"].item(), a["eventsview"].item(), a["timeline"].item())
	help := fyne.NewMenu("Help", fyne.NewMenuItem("About Attaché", wb.showAbout))
	m := fyne.NewMainMenu(file, edit, article, view, help)
	wb.noteEditItems(m, a)
	return m
}

// addShortcuts registers every action's shortcut on the window canvas, so they
// work wherever the focus is.
func (wb *workbench) addShortcuts() {
	for _, a := range wb.actions() {
		if a.key == "" {
			continue
		}
		run := a.run
		wb.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: a.key, Modifier: a.mod}, func(fyne.Shortcut) { run() })
	}
	// The desktop driver turns Ctrl+Z and Ctrl+Y into the standard Undo and Redo
	// shortcuts before they reach the canvas, so the custom ones above never
	// see them. A focused entry still gets them first, for its own text.
	wb.win.Canvas().AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { wb.undo() })
	wb.win.Canvas().AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { wb.redo() })
	quit := &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	wb.win.Canvas().AddShortcut(quit, func(fyne.Shortcut) { wb.win.Close() })
}

func (wb *workbench) undo() { wb.undoRedo("Undo", (store.Store).Undo) }
func (wb *workbench) redo() { wb.undoRedo("Redo", (store.Store).Redo) }

func (wb *workbench) undoRedo(what string, step func(store.Store, context.Context) (string, error)) {
	if wb.refuseReadOnly() {
		return
	}
	job(wb, what, func(ctx context.Context, st store.Store) (string, error) {
		label, err := step(st, ctx)
		if errors.Is(err, store.ErrNothingToUndo) || errors.Is(err, store.ErrNothingToRedo) {
			return "", nil // an empty history is not an error; say so in the status bar
		}
		return label, err
	}, func(label string) {
		if label == "" {
			wb.status.flash("Nothing to " + what)
			return
		}
		wb.status.flash(what + ": " + label)
		wb.refresh()
	})
}

// updateUndoMenu names the change that Undo and Redo would act on.
func (wb *workbench) updateUndoMenu() {
	type labels struct{ undo, redo string }
	load(wb, wb.undoLoads.next(wb), "Undo history", func(ctx context.Context, st store.Store) (labels, error) {
		u, err := st.UndoLabel(ctx)
		if err != nil {
			return labels{}, err
		}
		r, err := st.RedoLabel(ctx)
		return labels{u, r}, err
	}, func(l labels) {
		set := func(it *fyne.MenuItem, verb, label string) {
			it.Label, it.Disabled = verb, label == "" || wb.readOnly
			if label != "" {
				it.Label = verb + " " + label
			}
		}
		set(wb.undoItem, "Undo", l.undo)
		set(wb.redoItem, "Redo", l.redo)
		if m := wb.win.MainMenu(); m != nil {
			m.Refresh()
		}
	})
}

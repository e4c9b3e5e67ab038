package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/attache-app/attache/data/store"
)

// projectExt is the file extension of Attaché projects.
const projectExt = ".attache"

func withExt(path string) string {
	if filepath.Ext(path) == "" {
		return path + projectExt
	}
	return path
}

func (wb *workbench) newProjectDialog() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := withExt(w.URI().Path())
		w.Close()
		// The dialog created an empty file; a project must start from nothing.
		os.Remove(w.URI().Path())
		wb.openProject(path)
	}, wb.win)
	d.SetFileName("Untitled" + projectExt)
	d.Show()
}

func (wb *workbench) openProjectDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		wb.openProject(path)
	}, wb.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{projectExt, ".db", ".sqlite"}))
	d.Show()
}

// saveCopyDialog writes a consistent copy of the open project (it stays open).
func (wb *workbench) saveCopyDialog() {
	if wb.st == nil {
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		dest := w.URI().Path()
		w.Close()
		os.Remove(dest)
		dest = withExt(dest)
		wb.status.busy("Saving a copy…")
		load(wb, "Save a copy", func(ctx context.Context, st *store.Store) (struct{}, error) {
			return struct{}{}, st.SaveCopy(ctx, dest)
		}, func(struct{}) {
			wb.status.idle()
			wb.status.flash("Saved a copy as " + dest)
		})
	}, wb.win)
	base := strings.TrimSuffix(filepath.Base(wb.path), filepath.Ext(wb.path))
	d.SetFileName(base + " copy" + projectExt)
	d.Show()
}

func (wb *workbench) showAbout() {
	dialog.ShowInformation("About Attaché",
		"Attaché 0.1.0 — a research workbench for analysts of international affairs.\n\n"+
			"Acknowledgements: the gazetteer and verb patterns derive in part from the\n"+
			"PETRARCH2 dictionaries, Copyright (c) 2014 Open Event Data, MIT licence.", wb.win)
}

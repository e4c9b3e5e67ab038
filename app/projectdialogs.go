package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/attache-app/attache/data/exchange"
	"github.com/attache-app/attache/data/store"
)

// projectExt is the file extension of Attaché projects.
const projectExt = ".attache"

// projectName is a project's file name without its extension (a shared
// project's database name), as the title bar and suggested file names show
// it.
func projectName(path string) string { return exchange.ProjectName(path) }

func withExt(path string) string {
	if filepath.Ext(path) == "" {
		return path + projectExt
	}
	return path
}

// saveFileDialog asks where to write a file, suggesting name, and hands the
// chosen path to chosen on the UI goroutine. Fyne's dialog has already created
// the file, empty; it is closed and removed off the UI goroutine first, so that
// what is written there starts from nothing and a failed write leaves no empty
// file behind.
func (wb *workbench) saveFileDialog(name string, chosen func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		wb.offUI(func() func() {
			w.Close()
			os.Remove(path)
			return func() { chosen(path) }
		})
	}, wb.win)
	d.SetFileName(name)
	d.Show()
}

func (wb *workbench) newProjectDialog() {
	wb.saveFileDialog("Untitled"+projectExt, func(path string) { wb.openProject(withExt(path)) })
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
	wb.saveFileDialog(projectName(wb.path)+" copy"+projectExt, func(path string) {
		dest := withExt(path)
		wb.status.busy("Saving a copy…")
		job(wb, "Save a copy", func(ctx context.Context, st store.Store) (struct{}, error) {
			c, ok := st.(store.Copier)
			if !ok {
				return struct{}{}, fmt.Errorf("the project at %s is not a file: it cannot be saved as a copy", st.Location())
			}
			return struct{}{}, c.SaveCopy(ctx, dest)
		}, func(struct{}) {
			wb.status.idle()
			wb.status.flash("Saved a copy as " + dest)
		})
	})
}

func (wb *workbench) showAbout() {
	dialog.ShowInformation("About Attaché",
		"Attaché 0.1.0 — a research workbench for analysts of international affairs.\n\n"+
			"Acknowledgements: the gazetteer and verb patterns derive in part from the\n"+
			"PETRARCH2 dictionaries, Copyright (c) 2014 Open Event Data, MIT licence.", wb.win)
}

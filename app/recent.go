package app

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"

	"github.com/attache-app/attache/data/project"
)

const (
	recentKey = "recent.projects"
	maxRecent = 8
)

// addRecent puts path first in the list of recent projects.
func addRecent(prefs fyne.Preferences, path string) {
	list := []string{path}
	for _, p := range prefs.StringList(recentKey) {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	prefs.SetStringList(recentKey, list)
}

// updateRecentMenu fills File ▸ Recent Projects with the recent projects that
// still exist. It looks for them on disk off the UI goroutine; of overlapping
// updates, the latest wins.
func (wb *workbench) updateRecentMenu() {
	wb.recentGen++
	gen := wb.recentGen
	paths := wb.app.Preferences().StringList(recentKey)
	wb.offUI(func() func() {
		var existing []string
		for _, p := range paths {
			// A shared project is kept without its password; whether its
			// server answers is found out on opening it.
			if _, err := os.Stat(p); err == nil || project.IsDatabaseURL(p) {
				existing = append(existing, p)
			}
		}
		return func() {
			if gen != wb.recentGen {
				return
			}
			wb.recentItem.ChildMenu = wb.recentMenu(existing)
			if m := wb.win.MainMenu(); m != nil {
				m.Refresh()
			}
		}
	})
}

// recentMenu lists the given recent projects.
func (wb *workbench) recentMenu(paths []string) *fyne.Menu {
	var items []*fyne.MenuItem
	for _, p := range paths {
		path := p
		where := filepath.Dir(p)
		if project.IsDatabaseURL(p) {
			where = p
		}
		label := projectName(p) + "  —  " + where
		items = append(items, fyne.NewMenuItem(label, func() { wb.openProject(path) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("No recent projects", nil)
		none.Disabled = true
		items = append(items, none)
	}
	return fyne.NewMenu("Recent Projects", items...)
}

package app

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
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

// recentMenu lists the recent projects that still exist.
func (wb *workbench) recentMenu() *fyne.Menu {
	var items []*fyne.MenuItem
	for _, p := range wb.app.Preferences().StringList(recentKey) {
		if _, err := os.Stat(p); err != nil {
			continue
		}
		path := p
		label := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p)) + "  —  " + filepath.Dir(p)
		items = append(items, fyne.NewMenuItem(label, func() { wb.openProject(path) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("No recent projects", nil)
		none.Disabled = true
		items = append(items, none)
	}
	return fyne.NewMenu("Recent Projects", items...)
}

// Package app is Attaché's Fyne user interface: the main window, its views,
// menus, shortcuts and dialogs, and the bridge that runs store work off the UI
// goroutine and hands results back with fyne.Do.
package app

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/attache-app/attache/data/project"
	"github.com/attache-app/attache/resources"
)

// Options configures a run of the desktop app.
type Options struct {
	// ProjectPath is the project file to open; "" means $ATTACHE_DB, else the
	// default project.
	ProjectPath string
}

// Run opens the workbench window and blocks until it is closed.
func Run(opts Options) error {
	a := fyneapp.NewWithID(project.AppID)
	a.SetIcon(fyne.NewStaticResource("attache.png", resources.IconPNG))
	wb := newWorkbench(a)
	wb.openProject(opts.ProjectPath)
	wb.win.ShowAndRun()
	wb.closing.Wait() // the project is closed cleanly before the process ends
	return nil
}

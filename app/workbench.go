package app

import (
	"context"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/project"
	"github.com/attache-app/attache/data/store"
)

// appTitle is the window title's first part; the project name follows it.
const appTitle = "Attaché"

// workbench is the main window and everything in it. Its fields are touched
// only on the UI goroutine; store work runs through load and apply.
type workbench struct {
	app fyne.App
	win fyne.Window

	ctx    context.Context // cancelled when the window closes
	cancel context.CancelFunc
	st     store.Store
	path   string
	work   *openWork // the open project's background work (nil: none open)
	// inFlight counts background work whose outcome has not reached the UI
	// goroutine yet (see offUI).
	inFlight atomic.Int64
	closing  sync.WaitGroup // projects being closed

	articles  *articlesPane
	entities  *entitiesPane
	tags      *tagsPane
	reader    *reader
	inspector *inspector
	events    *eventsView
	timeline  *timelineView
	status    *statusBar
	importer  *importer

	sidebar *container.AppTabs
	centre  *container.AppTabs
	onClose []func() // save UI state when the window closes

	// readOnly: the open project only lets this member read (the server
	// says so); editing is greyed out.
	readOnly  bool
	editItems []*fyne.MenuItem   // menu entries that change the project
	editables []fyne.Disableable // buttons that change the project

	undoItem, redoItem *fyne.MenuItem
	recentItem         *fyne.MenuItem
	recentGen          int // bumped by every updateRecentMenu
	undoLoads          loadScope
}

func newWorkbench(a fyne.App) *workbench {
	ctx, cancel := context.WithCancel(context.Background())
	wb := &workbench{app: a, win: a.NewWindow(appTitle), ctx: ctx, cancel: cancel}
	wb.status = newStatusBar()
	wb.inspector = newInspector(wb)
	wb.articles = newArticlesPane(wb)
	wb.entities = newEntitiesPane(wb)
	wb.tags = newTagsPane(wb)
	wb.reader = newReader(wb)
	wb.events = newEventsView(wb)
	wb.timeline = newTimelineView(wb)
	wb.importer = newImporter(wb)
	wb.win.SetContent(wb.layout())
	wb.win.SetMainMenu(wb.mainMenu())
	wb.addShortcuts()
	wb.win.SetOnDropped(wb.importer.dropped)
	wb.win.Resize(fyne.NewSize(1320, 820))
	wb.win.SetOnClosed(func() {
		for _, f := range wb.onClose {
			f()
		}
		wb.cancel()
		wb.closeProject()
	})
	return wb
}

// layout builds the main window: sidebar, centre, inspector and status bar,
// with split positions remembered between runs.
func (wb *workbench) layout() fyne.CanvasObject {
	wb.sidebar = container.NewAppTabs(
		container.NewTabItem("Articles", wb.articles.object()),
		container.NewTabItem("Entities", wb.entities.object()),
		container.NewTabItem("Tags", wb.tags.object()),
	)
	wb.centre = container.NewAppTabs(
		container.NewTabItem("Article", wb.reader.object()),
		container.NewTabItem("Events", wb.events.object()),
		container.NewTabItem("Timeline", wb.timeline.object()),
	)
	wb.centre.OnSelected = func(t *container.TabItem) {
		if t.Text == "Timeline" || t.Text == "Events" {
			wb.events.reload()
		}
	}
	right := container.NewHSplit(wb.centre, wb.inspector.object())
	main := container.NewHSplit(wb.sidebar, right)
	wb.rememberSplit(main, "split.sidebar", 0.23)
	wb.rememberSplit(right, "split.inspector", 0.74)
	return container.NewBorder(nil, wb.status.object(), nil, nil, main)
}

// rememberSplit restores a split's position from the preferences and saves it
// whenever the window is closed.
func (wb *workbench) rememberSplit(s *container.Split, key string, def float64) {
	prefs := wb.app.Preferences()
	s.Offset = prefs.FloatWithFallback(key, def)
	wb.onClose = append(wb.onClose, func() { prefs.SetFloat(key, s.Offset) })
}

// openProject opens the project at path (or the default one) in the background
// and shows it when it is ready.
func (wb *workbench) openProject(path string) {
	wb.status.busy("Opening project…")
	wb.offUI(func() func() {
		st, resolved, err := project.OpenWith(wb.ctx, path, project.Options{Password: wb.askPassword})
		return func() {
			wb.status.idle()
			if err != nil {
				wb.updateRecentMenu() // to offer another project
				wb.showError("Open project", err)
				return
			}
			wb.setProject(st, resolved)
		}
	})
}

// setProject replaces the open project with st. The loads still running on
// the old project are dropped, and its store is closed once they are done.
func (wb *workbench) setProject(st store.Store, path string) {
	wb.closeProject()
	wb.st, wb.path = st, path
	wb.work = openWorkOn(wb.ctx, st)
	name := projectName(path)
	wb.win.SetTitle(appTitle + " — " + name)
	wb.status.setProject(name)
	wb.setAccess(st)
	addRecent(wb.app.Preferences(), path)
	wb.updateRecentMenu()
	wb.reader.clear()
	wb.inspector.clear()
	wb.articles.openFirst = true
	wb.refresh()
	wb.watchProject(wb.work)
}

// closeProject cancels the open project's loads and closes it once every
// piece of work on it has finished.
func (wb *workbench) closeProject() {
	if wb.work == nil {
		return
	}
	w := wb.work
	wb.st, wb.work = nil, nil
	w.close(wb)
}

// refresh reloads every view from the project after a change.
func (wb *workbench) refresh() {
	if wb.st == nil {
		return
	}
	wb.articles.reload()
	wb.entities.reload()
	wb.tags.reload()
	wb.reader.reload()
	wb.events.reload()
	wb.status.reloadCounts(wb)
	wb.updateUndoMenu()
}

// newHint is a quiet one-line label for help text in empty panes. It is cut
// with an ellipsis rather than wrapped: a wrapped label reports a huge minimum
// height before it is first laid out, which makes the window grow off screen.
func newHint(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Truncation = fyne.TextTruncateEllipsis
	l.Importance = widget.LowImportance
	return l
}

package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// appTitle is the window title's first part; the project name follows it.
const appTitle = "Attaché"

// workbench is the main window and everything in it.
type workbench struct {
	app fyne.App
	win fyne.Window

	status *statusBar
}

func newWorkbench(a fyne.App) *workbench {
	wb := &workbench{app: a, win: a.NewWindow(appTitle)}
	wb.status = newStatusBar()
	wb.win.SetContent(wb.layout())
	wb.win.Resize(fyne.NewSize(1280, 800))
	return wb
}

// layout builds the main window: sidebar, centre, inspector and status bar.
func (wb *workbench) layout() fyne.CanvasObject {
	sidebar := container.NewAppTabs(
		container.NewTabItem("Articles", widget.NewLabel("No articles yet")),
		container.NewTabItem("Entities", widget.NewLabel("No entities yet")),
		container.NewTabItem("Tags", widget.NewLabel("No tags yet")),
	)
	centre := container.NewAppTabs(
		container.NewTabItem("Article", widget.NewLabel("Choose an article on the left, or drop files here to import them.")),
		container.NewTabItem("Events", widget.NewLabel("No events yet")),
		container.NewTabItem("Timeline", widget.NewLabel("No events yet")),
	)
	inspector := widget.NewCard("Inspector", "", widget.NewLabel("Select a passage, mention, entity or event."))
	right := container.NewHSplit(centre, inspector)
	right.Offset = 0.75
	main := container.NewHSplit(sidebar, right)
	main.Offset = 0.24
	return container.NewBorder(nil, wb.status.object(), nil, nil, main)
}

// openProject resolves and opens the project at path in the background.
func (wb *workbench) openProject(path string) {
	wb.win.SetTitle(appTitle)
	wb.status.setProject(path)
}

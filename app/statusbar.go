package app

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// statusBar shows the project, its counts and the progress of background work.
type statusBar struct {
	project *widget.Label
	counts  *widget.Label
	box     *fyne.Container
}

func newStatusBar() *statusBar {
	s := &statusBar{project: widget.NewLabel(""), counts: widget.NewLabel("")}
	s.box = container.NewHBox(s.project, widget.NewSeparator(), s.counts)
	return s
}

func (s *statusBar) object() fyne.CanvasObject { return s.box }

func (s *statusBar) setProject(path string) {
	if path == "" {
		s.project.SetText("Default project")
		return
	}
	s.project.SetText(filepath.Base(path))
}

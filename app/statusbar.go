package app

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/store"
)

// statusBar shows the project, its counts, transient messages and the progress
// of background work with a Cancel button.
type statusBar struct {
	project    *widget.Label
	access     *widget.Label // what the member may do, when not everything
	counts     *widget.Label
	countLoads loadScope
	message    *widget.Label
	progress   *widget.ProgressBar
	activity   *widget.ProgressBarInfinite
	cancel     *widget.Button
	box        *fyne.Container

	onCancel func()
	flashID  int
}

func newStatusBar() *statusBar {
	s := &statusBar{
		project:  widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		counts:   widget.NewLabel(""),
		access:   widget.NewLabel(""),
		message:  widget.NewLabel(""),
		progress: widget.NewProgressBar(),
		activity: widget.NewProgressBarInfinite(),
	}
	s.message.Truncation = fyne.TextTruncateEllipsis
	s.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() {
		if s.onCancel != nil {
			s.onCancel()
		}
	})
	s.access.Hide()
	s.progress.Hide()
	s.activity.Hide()
	s.activity.Stop()
	s.cancel.Hide()
	right := container.NewHBox(container.NewGridWrap(fyne.NewSize(220, s.progress.MinSize().Height), container.NewStack(s.progress, s.activity)), s.cancel)
	s.box = container.NewBorder(nil, nil, container.NewHBox(s.project, s.access, widget.NewSeparator(), s.counts, widget.NewSeparator()), right, s.message)
	return s
}

func (s *statusBar) object() fyne.CanvasObject { return s.box }

func (s *statusBar) setProject(name string) { s.project.SetText(name) }

// setAccess says what the member may do in the open project ("" for
// everything, which shows nothing).
func (s *statusBar) setAccess(note string) {
	s.access.Importance = widget.WarningImportance
	s.access.SetText(note)
	if note == "" {
		s.access.Hide()
	} else {
		s.access.Show()
	}
}

// busy shows an activity indicator with a message, for work of unknown length.
func (s *statusBar) busy(msg string) {
	s.message.SetText(msg)
	s.progress.Hide()
	s.activity.Show()
	s.activity.Start()
}

// startProgress shows a progress bar with a Cancel button that calls cancel.
func (s *statusBar) startProgress(msg string, cancel func()) {
	s.message.SetText(msg)
	s.activity.Stop()
	s.activity.Hide()
	s.progress.SetValue(0)
	s.progress.Show()
	s.onCancel = cancel
	s.cancel.Show()
}

// setProgress updates the progress bar (0..1) and its message.
func (s *statusBar) setProgress(fraction float64, msg string) {
	s.progress.SetValue(fraction)
	s.message.SetText(msg)
}

// idle hides the progress indicators.
func (s *statusBar) idle() {
	s.activity.Stop()
	s.activity.Hide()
	s.progress.Hide()
	s.cancel.Hide()
	s.onCancel = nil
	s.message.SetText("")
}

// flash shows a message for a few seconds.
func (s *statusBar) flash(msg string) {
	s.flashID++
	id := s.flashID
	s.message.SetText(msg)
	time.AfterFunc(4*time.Second, func() {
		fyne.Do(func() {
			if s.flashID == id && !s.progress.Visible() && !s.activity.Visible() {
				s.message.SetText("")
			}
		})
	})
}

// reloadCounts refreshes the project's counts in the background.
func (s *statusBar) reloadCounts(wb *workbench) {
	load(wb, s.countLoads.next(wb), "Count project items", func(ctx context.Context, st store.Store) (store.Counts, error) {
		return st.Counts(ctx)
	}, func(c store.Counts) {
		s.counts.SetText(strings.Join([]string{plural(c.Articles, "article"), plural(c.Entities, "entity"), plural(c.Events, "event"), plural(c.Passages, "passage")}, " · "))
	})
}

package app

import "fyne.io/fyne/v2"

// eventsView lists suggested and confirmed events for review. (Being built.)
type eventsView struct {
	wb  *workbench
	box fyne.CanvasObject
}

func newEventsView(wb *workbench) *eventsView {
	return &eventsView{wb: wb, box: newHint("Events suggested from your articles appear here for review.")}
}

func (v *eventsView) object() fyne.CanvasObject { return v.box }
func (v *eventsView) reload()                   {}

// newEventFromSelection (Ctrl+E) starts an event from the selected passage.
func (r *reader) newEventFromSelection() {}

// showExport (Ctrl+Shift+E) exports what the current filter shows.
func (wb *workbench) showExport() {}

package app

import "fyne.io/fyne/v2"

// timelineView shows the filtered events on the timeline widget. (Being built.)
type timelineView struct {
	wb  *workbench
	box fyne.CanvasObject
}

func newTimelineView(wb *workbench) *timelineView {
	return &timelineView{wb: wb, box: newHint("Confirmed and suggested events appear here on a time axis.")}
}

func (v *timelineView) object() fyne.CanvasObject { return v.box }

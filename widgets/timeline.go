package widgets

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// TimelineEvent is one mark on a Timeline.
//
// Start and End are the first and the last day the event may fall on: the mark
// covers Start up to End plus one day. End equal to Start (or zero, or before
// Start) means a precise date, drawn as a dot; a later End means an imprecise date
// (a month-precision event passes the first and last day of its month), drawn as
// a bar as wide as that interval.
type TimelineEvent struct {
	// ID identifies the event in callbacks; it must not be zero, which means "none".
	ID int64
	// Start is the first day covered.
	Start time.Time
	// End is the last day covered; equal to Start for a day-precision event.
	End time.Time
	// Lane is the label of the lane the event is drawn in. Lanes appear from top
	// to bottom in the order in which they are first met in the slice given to
	// SetEvents.
	Lane string
	// Headline is the first, bold line of the hover tooltip.
	Headline string
	// Detail is shown under the headline in the tooltip (for example the date
	// and the actors); newlines separate lines.
	Detail string
	// Quad is the PLOVER quad class that colours the mark: 1 verbal cooperation,
	// 2 material cooperation, 3 verbal conflict, 4 material conflict; other
	// values are drawn in grey.
	Quad int
}

// SeriesPoint is one value of the Goldstein line drawn beneath the lanes.
type SeriesPoint struct {
	// Time places the point on the time axis.
	Time time.Time
	// Value runs from -10 (conflict) to +10 (cooperation); values outside are clamped.
	Value float64
}

// Timeline shows events as marks on a zoomable, pannable time axis, one lane per
// label, with an optional Goldstein series beneath the lanes.
//
// The mouse wheel zooms around the pointer (over the lane labels it scrolls the
// lanes), dragging pans, hovering a mark shows its tooltip, a tap selects a mark
// and a double tap opens it.
type Timeline struct {
	widget.BaseWidget

	// OnSelected is called when a tap selects a mark (with its ID) or clears
	// the selection by tapping where there is no mark (with 0).
	OnSelected func(id int64)
	// OnOpened is called with the ID of a mark that is double-tapped.
	OnOpened func(id int64)

	model tlModel

	selected  int64
	hovered   int64
	hoverLane int // 1 + index of the lane whose label is under the pointer; 0 for none
	hoverPos  fyne.Position
	hovering  bool

	rangeSet bool
	renderer *tlRenderer // the live renderer, for tooltip-only updates
}

var (
	_ fyne.Widget         = (*Timeline)(nil)
	_ fyne.Tappable       = (*Timeline)(nil)
	_ fyne.DoubleTappable = (*Timeline)(nil)
	_ fyne.Draggable      = (*Timeline)(nil)
	_ fyne.Scrollable     = (*Timeline)(nil)
	_ desktop.Hoverable   = (*Timeline)(nil)
)

// NewTimeline returns an empty timeline showing the current year.
func NewTimeline() *Timeline {
	t := &Timeline{}
	now := time.Now().UTC()
	y := time.Date(now.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	t.model.view = tlView{from: unixF(y), to: unixF(y.AddDate(1, 0, 0))}
	t.ExtendBaseWidget(t)
	return t
}

// SetEvents replaces the events shown, in lanes in the order their first
// events come in evs (see SetLaneLimit). The selection is kept if its event is
// still present. The first call zooms to fit the events unless the range was
// already set by SetRange, a zoom, a pan or ZoomToFit.
func (t *Timeline) SetEvents(evs []TimelineEvent) {
	t.model.setEvents(evs)
	if _, ok := t.model.byID[t.selected]; !ok {
		t.selected = 0
	}
	t.clearHover()
	t.model.clampScroll(t.lanesHeight())
	if !t.rangeSet && len(evs) > 0 {
		t.ZoomToFit()
		return
	}
	t.Refresh()
}

// SetSeries replaces the Goldstein series drawn beneath the lanes; nil or an
// empty slice removes the series panel. Points need not be sorted.
func (t *Timeline) SetSeries(points []SeriesPoint) {
	t.model.setSeries(points)
	t.model.clampScroll(t.lanesHeight())
	t.Refresh()
}

// SetSeriesTitle sets the caption of the series panel (default "Goldstein"),
// for example "Goldstein USA–CHN".
func (t *Timeline) SetSeriesTitle(title string) {
	t.model.seriesTitle = title
	t.model.labelW = 0
	t.Refresh()
}

// Select outlines the mark of the event with this ID (0 clears the selection)
// without calling OnSelected.
func (t *Timeline) Select(id int64) {
	if _, ok := t.model.byID[id]; !ok {
		id = 0
	}
	t.selected = id
	t.Refresh()
}

// Selected returns the ID of the selected event, or 0 when none is selected.
func (t *Timeline) Selected() int64 {
	return t.selected
}

// Range returns the time span currently visible on the axis.
func (t *Timeline) Range() (from, to time.Time) {
	return timeF(t.model.view.from), timeF(t.model.view.to)
}

// SetRange shows the span from..to, limited to between two days and 150 years.
func (t *Timeline) SetRange(from, to time.Time) {
	t.rangeSet = true
	t.model.view.set(unixF(from), unixF(to))
	t.Refresh()
}

// ZoomIn halves the visible span around its centre.
func (t *Timeline) ZoomIn() {
	t.zoomAround(0.5, t.model.view.center())
}

// ZoomOut doubles the visible span around its centre.
func (t *Timeline) ZoomOut() {
	t.zoomAround(2, t.model.view.center())
}

// ZoomToFit frames where the events are, with a small margin on each side: a
// few events far from all the others (a date misread by decades) do not
// stretch the axis but are counted by the markers at the plot's edges. With
// no events it frames the series; with neither it does nothing.
func (t *Timeline) ZoomToFit() {
	lo, hi, ok := t.model.fitRange()
	if !ok {
		return
	}
	t.rangeSet = true
	span := hi - lo
	if span < minSpan*0.9 {
		mid := (lo + hi) / 2
		lo, hi = mid-minSpan/2, mid+minSpan/2
		span = minSpan
	}
	t.model.view.set(lo-span*0.04, hi+span*0.04)
	t.Refresh()
}

// MarkBounds returns where the mark of an event is drawn, relative to the
// timeline's top-left corner; ok is false when the mark is outside the visible
// range or lanes (or the ID is unknown). Use it to place a menu or popup next to
// a mark.
func (t *Timeline) MarkBounds(id int64) (pos fyne.Position, size fyne.Size, ok bool) {
	g := t.geometry()
	ref, found := t.model.byID[id]
	if !found {
		return pos, size, false
	}
	ev := &t.model.lanes[ref.lane].events[ref.idx]
	r, vis := g.markRect(ev, ref.lane, t.model.scrollY)
	if !vis {
		return pos, size, false
	}
	return fyne.NewPos(r.x, r.y), fyne.NewSize(r.w, r.h), true
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (t *Timeline) CreateRenderer() fyne.WidgetRenderer {
	t.ExtendBaseWidget(t)
	t.renderer = newTimelineRenderer(t)
	return t.renderer
}

func (t *Timeline) zoomAround(factor float64, anchor float64) {
	t.rangeSet = true
	t.model.view.zoom(factor, anchor)
	t.Refresh()
}

// lanesHeight is the height available to lanes at the current size.
func (t *Timeline) lanesHeight() float32 {
	g := t.geometry()
	return g.lanesBottom - g.lanesTop
}

package app

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/export"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/widgets"
)

// Lane groupings the timeline offers.
const (
	lanesByActor = "Lanes: actor"
	lanesByPair  = "Lanes: country pair"
	lanesByType  = "Lanes: event type"
	noPair       = "Goldstein line: none"
)

// timelineLanes is how many lanes the timeline shows before it folds the
// rest into one "Other" lane.
const timelineLanes = 30

// timelineView shows the Events view's filtered events on the timeline widget,
// in lanes by actor, country pair or event type, with a Goldstein line for a
// chosen country pair.
type timelineView struct {
	wb    *workbench
	tl    *widgets.Timeline
	lanes *widget.Select
	pair  *widget.Select
	data  eventData
	box   fyne.CanvasObject
}

func newTimelineView(wb *workbench) *timelineView {
	v := &timelineView{wb: wb, tl: widgets.NewTimeline()}
	v.tl.SetLaneLimit(timelineLanes)
	v.lanes = widget.NewSelect([]string{lanesByActor, lanesByPair, lanesByType}, func(string) { v.render() })
	v.lanes.Selected = lanesByActor
	v.pair = widget.NewSelect([]string{noPair}, func(string) { v.render() })
	v.pair.Selected = noPair
	v.tl.OnSelected = func(id int64) {
		if id != 0 {
			wb.inspector.showEvent(id)
		}
	}
	v.tl.OnOpened = func(id int64) { wb.events.openSource(id) }
	v.lanes.PlaceHolder = lanesByPair
	v.pair.PlaceHolder = noPair
	bar := container.NewHBox(v.lanes, v.pair, layout.NewSpacer(),
		widget.NewButtonWithIcon("", theme.ZoomOutIcon(), v.tl.ZoomOut),
		widget.NewButtonWithIcon("", theme.ZoomInIcon(), v.tl.ZoomIn),
		widget.NewButtonWithIcon("Fit", theme.ZoomFitIcon(), v.tl.ZoomToFit))
	hint := newHint("Filter with the Events tab · busiest lanes first, click Other for the rest · wheel to zoom, drag to pan, click a mark to inspect it, double-click to open its source.")
	v.box = container.NewBorder(container.NewVBox(bar, hint), nil, nil, nil, v.tl)
	return v
}

func (v *timelineView) object() fyne.CanvasObject { return v.box }

// show takes the Events view's freshly loaded events.
func (v *timelineView) show(d eventData) {
	v.data = d
	pairs := map[string]bool{}
	for _, ev := range d.events {
		if _, _, ok := eventSpan(ev); ok && ev.Status != store.StatusRejected {
			pairs[v.pairOf(ev)] = true // only pairs with marks, so a line has points
		}
	}
	opts := []string{noPair}
	for p := range pairs {
		opts = append(opts, p)
	}
	sort.Strings(opts[1:])
	v.pair.Options = opts
	if !pairs[v.pair.Selected] {
		v.pair.Selected = noPair
	}
	v.pair.Refresh()
	v.render()
}

// pairOf names an event's country pair, in a fixed order so that A→B and B→A
// share a lane.
func (v *timelineView) pairOf(ev store.Event) string {
	a, b := v.data.countries(ev.Actors), v.data.countries(ev.Recipients)
	if a > b {
		a, b = b, a
	}
	return a + " – " + b
}

func (v *timelineView) render() {
	var evs []widgets.TimelineEvent
	var series []widgets.SeriesPoint
	for _, ev := range v.data.events {
		start, end, ok := eventSpan(ev)
		if !ok || ev.Status == store.StatusRejected {
			continue
		}
		lane := ev.Type
		switch v.lanes.Selected {
		case lanesByActor:
			lane = v.data.names(ev.Actors)
		case lanesByPair:
			lane = v.pairOf(ev)
		}
		evs = append(evs, widgets.TimelineEvent{
			ID: ev.ID, Start: start, End: end, Lane: lane, Quad: export.QuadClass(ev.CAMEO, ev.Type),
			Headline: v.data.headline(ev),
			Detail:   strings.TrimSpace(fmt.Sprintf("%s · %s %s\n%s", eventDate(ev), ev.CAMEO, ev.Status, shorten(ev.Text, 120))),
		})
		if v.pair.Selected != noPair && v.pairOf(ev) == v.pair.Selected {
			series = append(series, widgets.SeriesPoint{Time: start, Value: ev.Goldstein})
		}
	}
	orderLanes(evs)
	sort.Slice(series, func(i, j int) bool { return series[i].Time.Before(series[j].Time) })
	v.tl.SetEvents(evs)
	if v.pair.Selected != noPair {
		v.tl.SetSeriesTitle("Goldstein, " + v.pair.Selected)
	}
	v.tl.SetSeries(series)
}

// orderLanes sorts evs so that the lane with the most events comes first
// (ties by name), which is the order the timeline draws its lanes in.
func orderLanes(evs []widgets.TimelineEvent) {
	count := map[string]int{}
	for _, e := range evs {
		count[e.Lane]++
	}
	sort.SliceStable(evs, func(i, j int) bool {
		a, b := evs[i].Lane, evs[j].Lane
		if count[a] != count[b] {
			return count[a] > count[b]
		}
		return a < b
	})
}

// eventSpan turns an event's date and precision into the days it covers.
func eventSpan(ev store.Event) (start, end time.Time, ok bool) {
	start, end, ok = eventSpanOf(ev.Date, ev.Precision)
	if !ok {
		return start, end, false
	}
	if e, err := time.Parse("2006-01-02", firstN(ev.EndDate, 10)); err == nil && e.After(end) {
		end = e
	}
	return start, end, true
}

// eventSpanOf is the first and last day a date of the given precision covers.
func eventSpanOf(date, precision string) (start, end time.Time, ok bool) {
	d, err := time.Parse("2006-01-02", firstN(date, 10))
	if err != nil {
		return time.Time{}, time.Time{}, false
	}
	start, end = d, d
	switch precision {
	case "week":
		end = d.AddDate(0, 0, 6)
	case "month":
		start = time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
		end = start.AddDate(0, 1, -1)
	case "year":
		start = time.Date(d.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		end = start.AddDate(1, 0, -1)
	}
	return start, end, true
}

func firstN(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

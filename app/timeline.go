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
	"github.com/attache-app/attache/data/model"
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

	marks    map[int64]tlMark // by event, for the events of data's load
	marksGen int
}

// tlMark is what the timeline shows of one event, worked out once per load
// of the events so that a new filter only picks marks.
type tlMark struct {
	ok                             bool // the event has a date to place it by
	start, end                     time.Time
	actors, pair, headline, detail string
	quad                           int
}

// mark returns ev's mark, from the cache when it was already worked out.
func (v *timelineView) mark(ev model.Event) tlMark {
	if m, ok := v.marks[ev.ID]; ok {
		return m
	}
	var m tlMark
	m.start, m.end, m.ok = eventSpan(ev)
	if m.ok {
		m.pair = export.CountryPair(v.data.parties(ev.Actors), v.data.parties(ev.Recipients))
		m.actors = v.data.names(ev.Actors)
		m.headline = v.data.headline(ev)
		m.detail = strings.TrimSpace(fmt.Sprintf("%s · %s %s\n%s", eventDate(ev), ev.CAMEO, ev.Status, shorten(ev.Text, 120)))
		m.quad = int(model.EventQuadClass(ev.CAMEO, ev.Type))
	}
	v.marks[ev.ID] = m
	return m
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
	if v.marks == nil || d.gen != v.marksGen || d.gen == 0 {
		v.marks, v.marksGen = map[int64]tlMark{}, d.gen
	}
	pairs := map[string]bool{}
	for _, ev := range d.events {
		if m := v.mark(ev); m.ok && ev.Status != model.StatusRejected {
			pairs[m.pair] = true // only pairs with marks, so a line has points
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

func (v *timelineView) render() {
	var series []widgets.SeriesPoint
	evs := make([]widgets.TimelineEvent, 0, len(v.data.events))
	for _, ev := range v.data.events {
		m := v.mark(ev)
		if !m.ok || ev.Status == model.StatusRejected {
			continue
		}
		lane := ev.Type.Label()
		switch v.lanes.Selected {
		case lanesByActor:
			lane = m.actors
		case lanesByPair:
			lane = m.pair
		}
		evs = append(evs, widgets.TimelineEvent{ID: ev.ID, Start: m.start, End: m.end, Lane: lane, Quad: m.quad,
			Headline: m.headline, Detail: m.detail})
		if v.pair.Selected != noPair && m.pair == v.pair.Selected {
			series = append(series, widgets.SeriesPoint{Time: m.start, Value: ev.Goldstein})
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
// (ties by name), which is the order the timeline draws its lanes in; within
// a lane the events keep their order.
func orderLanes(evs []widgets.TimelineEvent) {
	byLane := map[string][]widgets.TimelineEvent{}
	var lanes []string
	for _, e := range evs {
		if _, ok := byLane[e.Lane]; !ok {
			lanes = append(lanes, e.Lane)
		}
		byLane[e.Lane] = append(byLane[e.Lane], e)
	}
	sort.Slice(lanes, func(i, j int) bool {
		a, b := len(byLane[lanes[i]]), len(byLane[lanes[j]])
		if a != b {
			return a > b
		}
		return lanes[i] < lanes[j]
	})
	out := evs[:0]
	for _, l := range lanes {
		out = append(out, byLane[l]...)
	}
}

// eventSpan turns an event's date and precision into the days it covers.
func eventSpan(ev model.Event) (start, end time.Time, ok bool) {
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
func eventSpanOf(date string, precision model.Precision) (start, end time.Time, ok bool) {
	d, err := time.Parse("2006-01-02", firstN(date, 10))
	if err != nil {
		return time.Time{}, time.Time{}, false
	}
	start, end = d, d
	switch precision {
	case model.PrecisionWeek:
		end = d.AddDate(0, 0, 6)
	case model.PrecisionMonth:
		start = time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
		end = start.AddDate(0, 1, -1)
	case model.PrecisionYear:
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

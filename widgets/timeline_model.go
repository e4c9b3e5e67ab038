package widgets

import (
	"math"
	"sort"
	"time"
)

const (
	day     = 86400.0
	minSpan = 2 * day
	maxSpan = 150 * 365.25 * day
	// minTime and maxTime keep the view inside years 1..9999.
	minTime = -62135596800.0
	maxTime = 253402300799.0
)

// tlEvent is a TimelineEvent with its span in Unix seconds; end is exclusive.
type tlEvent struct {
	id       int64
	start    float64
	end      float64
	precise  bool
	quad     int
	headline string
	detail   string
}

// tlLane holds one lane's events sorted by start, and the longest duration among
// them so that a binary search on start can find spans that began before the view.
type tlLane struct {
	label  string
	events []tlEvent
	maxDur float64
	kind   laneKind
	folded int // for the Other lane and its header: how many lanes it stands for
}

type tlRef struct{ lane, idx int }

type tlModel struct {
	lanes       []tlLane // as drawn: the first laneLimit lanes of all, then the Other lane (see fold)
	all         []tlLane // every lane, in the order its first event was given
	laneLimit   int      // 0: never fold
	expanded    bool     // the Other lane is opened into its lanes
	byID        map[int64]tlRef
	series      []SeriesPoint
	seriesX     []float64 // series times in Unix seconds
	seriesTitle string
	view        tlView
	scrollY     float32
	labelW      float32 // cached lane label column width; 0 when stale
}

// tlView is the visible time span in Unix seconds.
type tlView struct{ from, to float64 }

func unixF(t time.Time) float64 {
	return float64(t.Unix()) + float64(t.Nanosecond())/1e9
}

func timeF(f float64) time.Time {
	sec := math.Floor(f)
	return time.Unix(int64(sec), int64((f-sec)*1e9)).UTC()
}

func (v *tlView) span() float64   { return v.to - v.from }
func (v *tlView) center() float64 { return (v.from + v.to) / 2 }

// set shows from..to, keeping its centre when the span must be limited.
func (v *tlView) set(from, to float64) {
	if to < from {
		from, to = to, from
	}
	mid, span := (from+to)/2, to-from
	span = math.Max(minSpan, math.Min(maxSpan, span))
	v.from, v.to = mid-span/2, mid+span/2
	v.clampEdges()
}

// zoom scales the span by factor while the time at anchor stays where it is on screen.
func (v *tlView) zoom(factor, anchor float64) {
	span := v.span()
	newSpan := math.Max(minSpan, math.Min(maxSpan, span*factor))
	frac := (anchor - v.from) / span
	v.from = anchor - frac*newSpan
	v.to = v.from + newSpan
	v.clampEdges()
}

func (v *tlView) pan(seconds float64) {
	v.from += seconds
	v.to += seconds
	v.clampEdges()
}

func (v *tlView) clampEdges() {
	span := v.span()
	if v.from < minTime {
		v.from, v.to = minTime, minTime+span
	}
	if v.to > maxTime {
		v.from, v.to = maxTime-span, maxTime
	}
}

func (m *tlModel) setEvents(evs []TimelineEvent) {
	m.all = m.all[:0]
	laneOf := make(map[string]int)
	for _, e := range evs {
		li, ok := laneOf[e.Lane]
		if !ok {
			li = len(m.all)
			laneOf[e.Lane] = li
			m.all = append(m.all, tlLane{label: e.Lane})
		}
		start := unixF(e.Start)
		end := start
		if e.End.After(e.Start) {
			end = unixF(e.End)
		}
		m.all[li].events = append(m.all[li].events, tlEvent{
			id: e.ID, start: start, end: end + day, precise: end == start,
			quad: e.Quad, headline: e.Headline, detail: e.Detail,
		})
	}
	for li := range m.all {
		m.all[li].sortEvents()
	}
	m.fold()
}

// sortEvents orders the lane's events by start and finds the longest.
func (l *tlLane) sortEvents() {
	sort.Slice(l.events, func(i, j int) bool {
		a, b := &l.events[i], &l.events[j]
		if a.start != b.start {
			return a.start < b.start
		}
		if a.end != b.end {
			return a.end > b.end // longer spans first, drawn beneath
		}
		return a.id < b.id
	})
	l.maxDur = 0
	for i := range l.events {
		l.maxDur = math.Max(l.maxDur, l.events[i].end-l.events[i].start)
	}
}

func (m *tlModel) setSeries(points []SeriesPoint) {
	m.labelW = 0
	m.series = append(m.series[:0], points...)
	sort.SliceStable(m.series, func(i, j int) bool { return m.series[i].Time.Before(m.series[j].Time) })
	m.seriesX = m.seriesX[:0]
	for _, p := range m.series {
		m.seriesX = append(m.seriesX, unixF(p.Time))
	}
}

// window returns the index range [i, j) of the lane's events that may overlap
// from..to: every event starting after to is excluded by the binary search, and
// events starting before from-maxDur cannot reach from.
func (l *tlLane) window(from, to float64) (int, int) {
	i := sort.Search(len(l.events), func(k int) bool { return l.events[k].start >= from-l.maxDur })
	j := sort.Search(len(l.events), func(k int) bool { return l.events[k].start > to })
	if j < i {
		j = i
	}
	return i, j
}

func (m *tlModel) clampScroll(visible float32) {
	total := float32(len(m.lanes)) * laneHeight
	maxScroll := total - visible
	if maxScroll < 0 {
		maxScroll = 0
	}
	if m.scrollY > maxScroll {
		m.scrollY = maxScroll
	}
	if m.scrollY < 0 {
		m.scrollY = 0
	}
}

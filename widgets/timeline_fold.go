package widgets

import "fmt"

// laneKind tells the lanes of events from the two lanes that folding adds.
type laneKind int

const (
	laneEvents laneKind = iota // one label's events
	laneOther                  // the events of every lane past the limit, in one lane
	laneFold                   // the header of the opened Other lane: a tap folds it again
)

// SetLaneLimit draws at most n lanes of events: the lanes past the first n
// are folded into one "Other" lane, which a tap on its label opens (and
// a tap on the header left in its place folds again). 0, the default,
// never folds. Lanes keep the order in which SetEvents meets them, so give
// the events of the lanes to keep in view first.
func (t *Timeline) SetLaneLimit(n int) {
	t.model.laneLimit = max(n, 0)
	t.model.fold()
	t.afterFold()
}

// SetLanesExpanded opens (true) or folds (false) the Other lane.
func (t *Timeline) SetLanesExpanded(open bool) {
	t.model.expanded = open
	t.model.fold()
	t.afterFold()
}

// LanesExpanded reports whether the Other lane is opened into its lanes.
func (t *Timeline) LanesExpanded() bool { return t.model.expanded }

// Lanes returns the labels of the lanes as drawn, top to bottom.
func (t *Timeline) Lanes() []string {
	out := make([]string, len(t.model.lanes))
	for i, l := range t.model.lanes {
		out[i] = l.label
	}
	return out
}

func (t *Timeline) afterFold() {
	if _, ok := t.model.byID[t.selected]; !ok {
		t.selected = 0
	}
	t.clearHover()
	t.model.clampScroll(t.lanesHeight())
	t.Refresh()
}

// toggleFold opens or folds the Other lane when lane li is the Other lane or
// its header, and reports whether it did.
func (t *Timeline) toggleFold(li int) bool {
	if li < 0 || li >= len(t.model.lanes) || t.model.lanes[li].kind == laneEvents {
		return false
	}
	t.SetLanesExpanded(!t.model.expanded)
	return true
}

// fold builds the lanes as drawn from all lanes: unchanged within the limit;
// past it, the first laneLimit lanes and then either one Other lane holding
// the rest's events or, opened, a header and the rest's lanes. Folding a
// single lane would hide nothing, so a limit of n folds n+2 lanes or more.
func (m *tlModel) fold() {
	m.labelW = 0
	n := m.laneLimit
	m.lanes = m.lanes[:0]
	if n <= 0 || len(m.all) <= n+1 {
		m.lanes = append(m.lanes, m.all...)
	} else {
		rest := m.all[n:]
		m.lanes = append(m.lanes, m.all[:n]...)
		if m.expanded {
			m.lanes = append(m.lanes, tlLane{label: fmt.Sprintf("Fold these %d lanes", len(rest)), kind: laneFold, folded: len(rest)})
			m.lanes = append(m.lanes, rest...)
		} else {
			other := tlLane{label: fmt.Sprintf("Other (%d lanes)", len(rest)), kind: laneOther, folded: len(rest)}
			for _, l := range rest {
				other.events = append(other.events, l.events...)
			}
			other.sortEvents()
			m.lanes = append(m.lanes, other)
		}
	}
	m.byID = make(map[int64]tlRef, len(m.byID))
	for li := range m.lanes {
		for i := range m.lanes[li].events {
			m.byID[m.lanes[li].events[i].id] = tlRef{lane: li, idx: i}
		}
	}
}

package widgets

import (
	"sort"
	"strconv"

	"fyne.io/fyne/v2"
)

// offAxis counts the events of lane l that lie wholly before from and wholly
// after to: the events the view does not show.
func (l *tlLane) offAxis(from, to float64) (before, after int) {
	k := sort.Search(len(l.events), func(k int) bool { return l.events[k].start >= from })
	i, _ := l.window(from, to)
	before = k
	for _, e := range l.events[min(i, k):k] {
		if e.end > from {
			before-- // began before the view but reaches into it
		}
	}
	after = len(l.events) - sort.Search(len(l.events), func(k int) bool { return l.events[k].start >= to })
	return before, after
}

// buildEdgeMarkers draws, at each end of a visible lane, a chevron and the
// number of the lane's events beyond that end of the axis: stray dates that
// Fit leaves out, or what a zoom has pushed out of view.
func (r *tlRenderer) buildEdgeMarkers(g *tlGeometry, first, last int) {
	m := &r.t.model
	for li := first; li < last; li++ {
		before, after := m.lanes[li].offAxis(g.from, g.to)
		if before == 0 && after == 0 {
			continue
		}
		yc := g.laneCenter(li, m.scrollY)
		if yc-markHeight/2 < g.lanesTop || yc+markHeight/2 > g.lanesBottom {
			continue
		}
		if before > 0 {
			r.edgeMarker(g.plotX0+2, yc, before, -1)
		}
		if after > 0 {
			r.edgeMarker(g.plotX1-2, yc, after, 1)
		}
	}
}

// edgeMarker draws a chevron pointing dir (-1 left, 1 right) whose tip is at
// x, with count beside it on the inner side, over a backing that keeps it
// legible above marks.
func (r *tlRenderer) edgeMarker(x, yc float32, count int, dir float32) {
	txt := r.texts.text(strconv.Itoa(count), r.pal.captionSize, r.pal.fg, fyne.TextStyle{Bold: true})
	sz := txt.MinSize()
	const chev = float32(5)
	w := chev + 3 + sz.Width + 4
	x0 := x
	if dir > 0 {
		x0 = x - w
	}
	r.rect(x0, yc-sz.Height/2, w, sz.Height, r.pal.tipBg, r.pal.faint, 1, 3)
	tip, back := x+dir*1, x-dir*(chev+1)
	r.line(back, yc-chev, tip, yc, r.pal.fg, 1.5)
	r.line(tip, yc, back, yc+chev, r.pal.fg, 1.5)
	tx := back - dir*3
	if dir > 0 {
		tx -= sz.Width
	}
	r.place(txt, tx, yc-sz.Height/2, sz.Width, sz.Height)
}

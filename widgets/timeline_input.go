package widgets

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// wheelNotch is the scroll distance the desktop driver reports for one notch of
// a mouse wheel; one notch zooms by wheelZoom.
const (
	wheelNotch = 25.0
	wheelZoom  = 0.8
)

// Scrolled zooms around the pointer with the wheel (up zooms in), pans with a
// horizontal scroll (touchpads, shift+wheel), and scrolls the lanes vertically
// when the pointer is over the lane labels.
func (t *Timeline) Scrolled(ev *fyne.ScrollEvent) {
	pos := ev.Position
	if pos.IsZero() && t.hovering {
		pos = t.hoverPos // some drivers give no position with the event
	}
	g := t.geometry()
	dx, dy := ev.Scrolled.DX, ev.Scrolled.DY
	switch {
	case pos.X < g.plotX0 && pos.Y >= g.lanesTop && pos.Y < g.lanesBottom:
		t.model.scrollY -= dy
		t.model.clampScroll(g.lanesBottom - g.lanesTop)
		t.clearHover()
	case math.Abs(float64(dx)) > math.Abs(float64(dy)):
		t.rangeSet = true
		t.model.view.pan(-float64(dx) * g.secondsPerUnit())
		t.clearHover()
	default:
		x := min(max(pos.X, g.plotX0), g.plotX1)
		if pos.IsZero() {
			x = (g.plotX0 + g.plotX1) / 2
		}
		t.rangeSet = true
		t.model.view.zoom(math.Pow(wheelZoom, float64(dy)/wheelNotch), g.timeAt(x))
		t.clearHover()
	}
	t.Refresh()
}

// Dragged pans the time axis with the pointer and scrolls the lanes vertically.
func (t *Timeline) Dragged(ev *fyne.DragEvent) {
	g := t.geometry()
	t.rangeSet = true
	t.model.view.pan(-float64(ev.Dragged.DX) * g.secondsPerUnit())
	t.model.scrollY -= ev.Dragged.DY
	t.model.clampScroll(g.lanesBottom - g.lanesTop)
	t.clearHover()
	t.Refresh()
}

// DragEnd is called when a drag ends; nothing is left to do.
func (t *Timeline) DragEnd() {}

// Tapped selects the mark under the pointer and calls OnSelected with its ID;
// a tap away from any mark clears the selection and calls OnSelected(0) if
// something was selected. A tap on the label of the Other lane opens it into
// its lanes, and one on the header left in its place folds them again.
func (t *Timeline) Tapped(ev *fyne.PointEvent) {
	if t.toggleFold(t.laneLabelAt(ev.Position) - 1) {
		return
	}
	id := t.hitTest(ev.Position)
	if id == 0 && t.selected == 0 {
		return
	}
	t.selected = id
	t.Refresh()
	if t.OnSelected != nil {
		t.OnSelected(id)
	}
}

// DoubleTapped selects the mark under the pointer (calling OnSelected) and then
// calls OnOpened with its ID.
func (t *Timeline) DoubleTapped(ev *fyne.PointEvent) {
	id := t.hitTest(ev.Position)
	if id == 0 {
		return
	}
	t.selected = id
	t.Refresh()
	if t.OnSelected != nil {
		t.OnSelected(id)
	}
	if t.OnOpened != nil {
		t.OnOpened(id)
	}
}

// MouseIn starts hover tracking.
func (t *Timeline) MouseIn(ev *desktop.MouseEvent) {
	t.MouseMoved(ev)
}

// MouseMoved shows the tooltip of the mark under the pointer, or the full name
// and event count of the lane whose label is under the pointer.
func (t *Timeline) MouseMoved(ev *desktop.MouseEvent) {
	t.hovering = true
	id := t.hitTest(ev.Position)
	lane := 0
	if id == 0 {
		lane = t.laneLabelAt(ev.Position)
	}
	if id == t.hovered && lane == t.hoverLane {
		t.hoverPos = ev.Position
		return
	}
	t.hovered, t.hoverLane, t.hoverPos = id, lane, ev.Position
	t.refreshTooltip()
}

// laneLabelAt returns 1 + the index of the lane whose label is under pos, or 0.
func (t *Timeline) laneLabelAt(pos fyne.Position) int {
	g := t.geometry()
	if pos.X >= g.plotX0 {
		return 0
	}
	return g.laneAt(pos.Y, t.model.scrollY, len(t.model.lanes)) + 1
}

func (t *Timeline) clearHover() {
	t.hovered, t.hoverLane = 0, 0
}

// MouseOut hides the tooltip.
func (t *Timeline) MouseOut() {
	t.hovering = false
	if t.hovered != 0 || t.hoverLane != 0 {
		t.clearHover()
		t.refreshTooltip()
	}
}

func (t *Timeline) refreshTooltip() {
	if t.renderer != nil {
		t.renderer.updateTooltip()
	}
}

// hitTest returns the ID of the mark under pos, or 0. Dots (precise dates) win
// over bars, and among several the one whose centre is nearest wins.
func (t *Timeline) hitTest(pos fyne.Position) int64 {
	g := t.geometry()
	m := &t.model
	li := g.laneAt(pos.Y, m.scrollY, len(m.lanes))
	if li < 0 || pos.X < g.plotX0-hitSlop || pos.X > g.plotX1+hitSlop {
		return 0
	}
	lane := &m.lanes[li]
	slack := float64(dotSize+minBarWidth+2*hitSlop) * g.secondsPerUnit()
	at := g.timeAt(pos.X)
	i, j := lane.window(at-slack, at+slack)
	var best int64
	bestScore := float32(math.MaxFloat32)
	for k := i; k < j; k++ {
		e := &lane.events[k]
		rc, ok := g.markRect(e, li, m.scrollY)
		if !ok {
			continue
		}
		if pos.X < rc.x-hitSlop || pos.X > rc.x+rc.w+hitSlop ||
			pos.Y < rc.y-hitSlop-2 || pos.Y > rc.y+rc.h+hitSlop+2 {
			continue
		}
		score := float32(math.Abs(float64(pos.X - (rc.x + rc.w/2))))
		if !e.precise {
			score = 1e6 + rc.w // any dot beats any bar; the narrowest bar wins
		}
		if score < bestScore {
			best, bestScore = e.id, score
		}
	}
	return best
}

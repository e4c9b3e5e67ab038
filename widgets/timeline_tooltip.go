package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

const (
	tipMaxWidth = float32(380)
	tipMaxLines = 4
)

// buildTooltip draws the hovered event's headline and detail lines in a box next
// to its mark, kept inside the widget. Its objects come last so that they are
// drawn over everything else.
func (r *tlRenderer) buildTooltip(g *tlGeometry) {
	r.tipTexts.reset()
	t := r.t
	ref, ok := t.model.byID[t.hovered]
	if !t.hovering || t.hovered == 0 || !ok {
		return
	}
	e := &t.model.lanes[ref.lane].events[ref.idx]
	mark, vis := g.markRect(e, ref.lane, t.model.scrollY)
	if !vis {
		return
	}
	inner := tipMaxWidth - 2*pad
	lines := []*canvas.Text{}
	add := func(s string, size float32, style fyne.TextStyle) {
		if len(lines) >= tipMaxLines+1 || s == "" {
			return
		}
		s = truncateText(s, size, style, inner)
		lines = append(lines, r.tipTexts.text(s, size, r.pal.fg, style))
	}
	add(e.headline, r.pal.textSize, fyne.TextStyle{Bold: true})
	for _, d := range strings.Split(e.detail, "\n") {
		add(strings.TrimSpace(d), r.pal.captionSize+1, fyne.TextStyle{})
	}
	if len(lines) == 0 {
		return
	}
	w, h := float32(0), pad
	for _, l := range lines {
		sz := l.MinSize()
		w = max(w, sz.Width)
		h += sz.Height
	}
	w += 2 * pad
	h += pad

	// Prefer below-right of the pointer (or of the mark when there is no pointer
	// position), flipping left or above to stay inside the widget.
	ax, ay := t.hoverPos.X, t.hoverPos.Y
	if ax == 0 && ay == 0 {
		ax, ay = mark.x+mark.w/2, mark.y+mark.h/2
	}
	x, y := ax+14, ay+18
	if x+w > g.w {
		x = ax - 14 - w
	}
	if y+h > g.h {
		y = ay - 10 - h
	}
	x, y = max(0, x), max(0, y)

	box := r.tipBox
	box.FillColor, box.StrokeColor, box.StrokeWidth, box.CornerRadius = r.pal.tipBg, r.pal.tipStroke, 1, 4
	r.place(box, x, y, w, h)
	ty := y + pad
	for _, l := range lines {
		sz := l.MinSize()
		r.place(l, x+pad, ty, sz.Width, sz.Height)
		ty += sz.Height
	}
}

// updateTooltip rebuilds only the tooltip at the end of the object list, so that
// moving the pointer over marks does not rebuild the whole timeline.
func (r *tlRenderer) updateTooltip() {
	r.loadPalette()
	r.objects = r.objects[:r.tipStart]
	g := r.t.geometry()
	r.buildTooltip(&g)
	r.flush()
}

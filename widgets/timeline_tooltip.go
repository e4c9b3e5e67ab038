package widgets

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

const (
	tipMaxWidth = float32(380)
	tipMaxLines = 7
)

// buildTooltip draws the hovered event's headline and detail lines (or a hovered
// lane's full label and event count) in a box by the pointer, kept inside the
// widget. Its objects come last so that they are
// drawn over everything else.
func (r *tlRenderer) buildTooltip(g *tlGeometry) {
	r.tipTexts.reset()
	t := r.t
	if !t.hovering {
		return
	}
	var headline, detail string
	// Anchor the box to the pointer, or to the mark when there is no pointer position.
	ax, ay := t.hoverPos.X, t.hoverPos.Y
	if ref, ok := t.model.byID[t.hovered]; ok && t.hovered != 0 {
		e := &t.model.lanes[ref.lane].events[ref.idx]
		mark, vis := g.markRect(e, ref.lane, t.model.scrollY)
		if !vis {
			return
		}
		headline, detail = e.headline, e.detail
		if ax == 0 && ay == 0 {
			ax, ay = mark.x+mark.w/2, mark.y+mark.h/2
		}
	} else if li := t.hoverLane - 1; li >= 0 && li < len(t.model.lanes) {
		lane := &t.model.lanes[li]
		headline = lane.label
		detail = fmt.Sprintf("%d events", len(lane.events))
		if len(lane.events) == 1 {
			detail = "1 event"
		}
		switch lane.kind {
		case laneOther:
			detail = fmt.Sprintf("%s of %d lanes with fewer events\nClick to show these lanes", detail, lane.folded)
		case laneFold:
			detail = "Click to fold the lanes below into one"
		}
	} else {
		return
	}
	inner := tipMaxWidth - 2*pad
	lines := []*canvas.Text{}
	add := func(s string, size float32, style fyne.TextStyle) {
		for _, part := range wrapText(s, size, style, inner, 2) {
			if len(lines) < tipMaxLines {
				lines = append(lines, r.tipTexts.text(part, size, r.pal.fg, style))
			}
		}
	}
	add(headline, r.pal.textSize, fyne.TextStyle{Bold: true})
	for _, d := range strings.Split(detail, "\n") {
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

	// Prefer below-right of the anchor, flipping left or above to stay inside.
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

// wrapText breaks s at spaces into at most maxLines lines no wider than maxW; the
// last line is cut with an ellipsis if text remains.
func wrapText(s string, size float32, style fyne.TextStyle, maxW float32, maxLines int) []string {
	words := strings.Fields(s)
	var lines []string
	cur := ""
	for i, w := range words {
		next := w
		if cur != "" {
			next = cur + " " + w
		}
		if cur == "" || fyne.MeasureText(next, size, style).Width <= maxW {
			cur = next
			continue
		}
		if len(lines) == maxLines-1 {
			return append(lines, truncateText(strings.Join(append([]string{cur}, words[i:]...), " "), size, style, maxW))
		}
		lines = append(lines, truncateText(cur, size, style, maxW))
		cur = w
	}
	if cur != "" {
		lines = append(lines, truncateText(cur, size, style, maxW))
	}
	return lines
}

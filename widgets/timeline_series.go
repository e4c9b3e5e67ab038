package widgets

import (
	"image/color"
	"sort"

	"fyne.io/fyne/v2"
)

// seriesY maps a Goldstein value (clamped to -10..+10) into the series panel.
func seriesY(g *tlGeometry, v float64) float32 {
	v = max(-10, min(10, v))
	top, bottom := g.seriesTop+26, g.h-10
	mid := (top + bottom) / 2
	return mid - float32(v/10)*(bottom-top)/2
}

// buildSeries draws the Goldstein panel beneath the lanes: a caption, guide lines
// at +10, 0 and -10 with their values (and "cooperation", "conflict" when the
// label column is wide enough), and the series as line segments coloured
// by the sign of the value (blue above zero, red below). Only the points in the
// visible range (and one on each side) are drawn, and points less than a unit
// apart on screen are merged.
func (r *tlRenderer) buildSeries(g *tlGeometry) {
	m := &r.t.model
	r.line(0, g.seriesTop, g.w, g.seriesTop, r.pal.separator, 1)
	caption := truncateText(r.t.seriesCaption(), r.pal.captionSize, fyne.TextStyle{Bold: true}, g.labelW-2*pad)
	txt := r.texts.text(caption, r.pal.captionSize, r.pal.fg, fyne.TextStyle{Bold: true})
	sz := txt.MinSize()
	r.place(txt, pad, g.seriesTop+2, sz.Width, sz.Height)

	for _, gl := range []struct {
		v     float64
		label string
		name  string
	}{{10, "+10", "cooperation"}, {0, "0", ""}, {-10, "−10", "conflict"}} {
		y := seriesY(g, gl.v)
		c := r.pal.grid
		if gl.v == 0 {
			c = r.pal.faint
		}
		r.line(g.plotX0, y, g.plotX1, y, c, 1)
		lt := r.texts.text(gl.label, r.pal.captionSize, r.pal.muted, fyne.TextStyle{})
		ls := lt.MinSize()
		r.place(lt, g.labelW-pad-ls.Width, y-ls.Height/2, ls.Width, ls.Height)
		if gl.name != "" { // left of the value, when the label column has room
			nt := r.texts.text(gl.name, r.pal.captionSize, r.pal.muted, fyne.TextStyle{Italic: true})
			ns := nt.MinSize()
			nx := g.labelW - pad - ls.Width - 4 - ns.Width
			if nx < pad {
				r.texts.used--
				continue
			}
			r.place(nt, nx, y-ns.Height/2, ns.Width, ns.Height)
		}
	}

	xs := m.seriesX
	i := sort.SearchFloat64s(xs, g.from)
	j := sort.SearchFloat64s(xs, g.to)
	i, j = max(i-1, 0), min(j+1, len(xs))
	coop, conflict := r.pal.quad[1], r.pal.quad[4]
	havePrev := false
	var px, py float32
	var pv float64
	for k := i; k < j; k++ {
		x, v := g.xOf(xs[k]), m.series[k].Value
		y := seriesY(g, v)
		if havePrev && x-px < 1 && k != j-1 {
			continue
		}
		if havePrev {
			r.seriesSegment(g, px, py, pv, x, y, v, coop, conflict)
		}
		px, py, pv, havePrev = x, y, v, true
	}
	if j-i == 1 { // a lone point: show it as a dot
		x, y := g.xOf(xs[i]), seriesY(g, m.series[i].Value)
		if x >= g.plotX0 && x <= g.plotX1 {
			r.circle(x-3, y-3, 6, coop, nil, 0)
		}
	}
}

// seriesSegment draws the line between two points, split where it crosses zero
// so that the part above zero is in the cooperation colour and the part below in
// the conflict colour.
func (r *tlRenderer) seriesSegment(g *tlGeometry, ax, ay float32, av float64, bx, by float32, bv float64, coop, conflict color.Color) {
	colour := func(v float64) color.Color {
		if v < 0 {
			return conflict
		}
		return coop
	}
	draw := func(ax, ay, bx, by float32, c color.Color) {
		if x0, y0, x1, y1, ok := clipSegment(ax, ay, bx, by, g.plotX0, g.plotX1); ok {
			r.line(x0, y0, x1, y1, c, 2)
		}
	}
	if (av < 0) != (bv < 0) && av != bv {
		f := float32(av / (av - bv))
		mx, my := ax+(bx-ax)*f, seriesY(g, 0)
		draw(ax, ay, mx, my, colour(av))
		draw(mx, my, bx, by, colour(bv))
		return
	}
	draw(ax, ay, bx, by, colour((av+bv)/2))
}

// clipSegment cuts the segment to the horizontal band x0..x1.
func clipSegment(ax, ay, bx, by, x0, x1 float32) (float32, float32, float32, float32, bool) {
	if bx < x0 || ax > x1 || bx <= ax {
		return 0, 0, 0, 0, false
	}
	at := func(x float32) float32 { return ay + (by-ay)*(x-ax)/(bx-ax) }
	if ax < x0 {
		ax, ay = x0, at(x0)
	}
	if bx > x1 {
		by, bx = at(x1), x1
	}
	return ax, ay, bx, by, true
}

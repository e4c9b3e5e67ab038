package widgets

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// tlRenderer rebuilds the timeline's objects on every layout and refresh, taking
// them from pools, and only for what is in view: the visible lanes, the events of
// those lanes inside the visible time range (found by binary search), the ticks
// and the series points of that range.
type tlRenderer struct {
	t *Timeline

	objects  []fyne.CanvasObject
	tipStart int // index in objects where the tooltip's objects begin

	rects   *objPool[*canvas.Rectangle]
	circles *objPool[*canvas.Circle]
	lines   *objPool[*canvas.Line]
	texts   *textPool

	bg       *canvas.Rectangle // always first: refreshed to get the canvas repainted
	tipBox   *canvas.Rectangle
	tipTexts *textPool

	ticks     []tick
	truncated map[string]string // lane label -> label cut to the column width
	truncW    float32

	pal palette
}

// palette holds the theme colours of one refresh.
type palette struct {
	variant               fyne.ThemeVariant
	fg, muted, bg, faint  color.Color
	band, grid, separator color.Color
	tipBg, tipStroke      color.Color
	textSize, captionSize float32
	// quad and quadFill are the mark colours by quad class (0 for unknown),
	// converted to color.Color once rather than once per mark.
	quad, quadFill [5]color.Color
}

func newTimelineRenderer(t *Timeline) *tlRenderer {
	return &tlRenderer{
		t:         t,
		rects:     newRectPool(),
		circles:   newCirclePool(),
		lines:     newLinePool(),
		texts:     newTextPool(),
		bg:        &canvas.Rectangle{FillColor: color.Transparent},
		tipBox:    &canvas.Rectangle{},
		tipTexts:  newTextPool(),
		truncated: map[string]string{},
	}
}

func (r *tlRenderer) Destroy() {
	if r.t.renderer == r {
		r.t.renderer = nil
	}
}

func (r *tlRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *tlRenderer) Layout(fyne.Size) {
	r.t.model.clampScroll(r.t.lanesHeight())
	r.build()
}

func (r *tlRenderer) MinSize() fyne.Size {
	h := legendHeight + axisHeight + 2*laneHeight
	if len(r.t.model.series) > 0 {
		h += seriesHeight
	}
	return fyne.NewSize(r.t.labelColumnWidth()+200, h)
}

func (r *tlRenderer) Refresh() {
	r.build()
}

// flush refreshes the pooled texts whose content changed, so the driver drops
// their old glyphs, and the background, so the canvas is repainted. Refreshing
// the widget itself would throw away the glyphs of every label.
func (r *tlRenderer) flush() {
	for _, t := range r.texts.changed {
		t.Refresh()
	}
	r.texts.changed = r.texts.changed[:0]
	for _, t := range r.tipTexts.changed {
		t.Refresh()
	}
	r.tipTexts.changed = r.tipTexts.changed[:0]
	r.bg.Refresh()
}

func (r *tlRenderer) loadPalette() {
	th := r.t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	r.pal = palette{
		variant:     v,
		fg:          fg,
		muted:       th.Color(theme.ColorNamePlaceHolder, v),
		bg:          th.Color(theme.ColorNameBackground, v),
		faint:       withAlpha(fg, 0x50),
		band:        withAlpha(fg, 0x0c),
		grid:        withAlpha(fg, 0x1c),
		separator:   withAlpha(fg, 0x60),
		tipBg:       th.Color(theme.ColorNameOverlayBackground, v),
		tipStroke:   withAlpha(fg, 0x80),
		textSize:    th.Size(theme.SizeNameText),
		captionSize: th.Size(theme.SizeNameCaptionText),
	}
	for q := range r.pal.quad {
		r.pal.quad[q] = QuadColor(q, v)
		r.pal.quadFill[q] = withAlpha(r.pal.quad[q], 0x66)
	}
}

// build lays out every object for the current size, range, scroll and state.
func (r *tlRenderer) build() {
	r.loadPalette()
	r.objects = r.objects[:0]
	r.rects.reset()
	r.circles.reset()
	r.lines.reset()
	r.texts.reset()

	g := r.t.geometry()
	r.place(r.bg, 0, 0, g.w, g.h)
	if g.w <= 0 || g.h <= 0 {
		r.tipStart = len(r.objects)
		r.flush()
		return
	}
	r.ticks = appendTicks(r.ticks[:0], chooseTickLevel(g.secondsPerUnit(), r.pal.captionSize), g.from, g.to)

	first, last := r.visibleLanes(&g)
	r.buildBands(&g, first, last)
	r.buildGrid(&g)
	r.buildMarks(&g, first, last)
	r.buildEdgeMarkers(&g, first, last)
	r.buildSelection(&g)
	r.buildLaneLabels(&g, first, last)
	r.buildAxis(&g)
	r.buildLegend(&g)
	if g.hasSeries {
		r.buildSeries(&g)
	}
	r.buildScrollbar(&g)
	if len(r.t.model.lanes) == 0 {
		msg := r.texts.text("No events to show", r.pal.textSize, r.pal.muted, fyne.TextStyle{Italic: true})
		sz := msg.MinSize()
		r.place(msg, (g.plotX0+g.plotX1-sz.Width)/2, (g.lanesTop+g.lanesBottom-sz.Height)/2, sz.Width, sz.Height)
	}
	r.tipStart = len(r.objects)
	r.buildTooltip(&g)
	r.flush()
}

func (r *tlRenderer) place(o fyne.CanvasObject, x, y, w, h float32) {
	o.Move(fyne.NewPos(x, y))
	o.Resize(fyne.NewSize(w, h))
	r.objects = append(r.objects, o)
}

func (r *tlRenderer) line(x1, y1, x2, y2 float32, c color.Color, width float32) {
	l := r.lines.get()
	l.StrokeColor, l.StrokeWidth = c, width
	l.Position1, l.Position2 = fyne.NewPos(x1, y1), fyne.NewPos(x2, y2)
	r.objects = append(r.objects, l)
}

func (r *tlRenderer) rect(x, y, w, h float32, fill, stroke color.Color, strokeW, radius float32) *canvas.Rectangle {
	o := r.rects.get()
	o.FillColor, o.StrokeColor, o.StrokeWidth, o.CornerRadius = fill, stroke, strokeW, radius
	r.place(o, x, y, w, h)
	return o
}

func (r *tlRenderer) circle(x, y, d float32, fill, stroke color.Color, strokeW float32) {
	o := r.circles.get()
	o.FillColor, o.StrokeColor, o.StrokeWidth = fill, stroke, strokeW
	r.place(o, x, y, d, d)
}

// visibleLanes returns the index range [first, last) of lanes at least partly in view.
func (r *tlRenderer) visibleLanes(g *tlGeometry) (int, int) {
	n := len(r.t.model.lanes)
	sy := r.t.model.scrollY
	first := int(sy / laneHeight)
	last := int(math.Ceil(float64((sy + g.lanesBottom - g.lanesTop) / laneHeight)))
	return min(max(first, 0), n), min(max(last, 0), n)
}

func (r *tlRenderer) buildBands(g *tlGeometry, first, last int) {
	for li := first; li < last; li++ {
		if li%2 == 1 {
			continue
		}
		top := g.laneCenter(li, r.t.model.scrollY) - laneHeight/2
		y0, y1 := max(top, g.lanesTop), min(top+laneHeight, g.lanesBottom)
		if y1 > y0 {
			r.rect(0, y0, g.w, y1-y0, r.pal.band, nil, 0, 0)
		}
	}
}

func (r *tlRenderer) buildGrid(g *tlGeometry) {
	bottom := g.lanesBottom
	if g.hasSeries {
		bottom = g.h
	}
	for _, tk := range r.ticks {
		x := g.xOf(tk.sec)
		r.line(x, g.lanesTop, x, bottom, r.pal.grid, 1)
	}
}

// buildMarks draws bars (imprecise dates) beneath dots (precise dates). In a
// crowded, zoomed-out lane a dot is skipped when it would land less than a unit
// from the previous dot, or less than three units from the previous dot of its
// colour: it would be hidden under its neighbours, and skipping it keeps a
// view of thousands of events cheap. Bars are skipped only over an identical bar
// of the same colour.
func (r *tlRenderer) buildMarks(g *tlGeometry, first, last int) {
	m := &r.t.model
	slack := float64(dotSize+minBarWidth) * g.secondsPerUnit()
	for li := first; li < last; li++ {
		lane := &m.lanes[li]
		i, j := lane.window(g.from-slack, g.to+slack)
		for pass := 0; pass < 2; pass++ {
			var lastX, lastW [5]float32
			for q := range lastX {
				lastX[q] = -1e9
			}
			lastAny := float32(-1e9)
			for k := i; k < j; k++ {
				e := &lane.events[k]
				if e.precise != (pass == 1) {
					continue
				}
				rc, ok := g.markRect(e, li, m.scrollY)
				if !ok {
					continue
				}
				q := e.quad
				if q < 1 || q > 4 {
					q = 0
				}
				if e.precise {
					if rc.x-lastAny < 1 || rc.x-lastX[q] < 3 {
						continue
					}
				} else if rc.x-lastX[q] < 1 && math.Abs(float64(rc.w-lastW[q])) < 1 {
					continue
				}
				lastX[q], lastW[q], lastAny = rc.x, rc.w, rc.x
				if e.precise {
					r.circle(rc.x, rc.y, rc.w, r.pal.quad[q], r.pal.bg, 1)
				} else {
					r.rect(rc.x, rc.y, rc.w, rc.h, r.pal.quadFill[q], r.pal.quad[q], 1.5, 3)
				}
			}
		}
	}
}

func (r *tlRenderer) buildSelection(g *tlGeometry) {
	ref, ok := r.t.model.byID[r.t.selected]
	if !ok || r.t.selected == 0 {
		return
	}
	e := &r.t.model.lanes[ref.lane].events[ref.idx]
	rc, vis := g.markRect(e, ref.lane, r.t.model.scrollY)
	if !vis {
		return
	}
	const grow = 3
	if e.precise {
		o := r.circles.get()
		o.FillColor, o.StrokeColor, o.StrokeWidth = color.Transparent, r.pal.fg, 2
		r.place(o, rc.x-grow, rc.y-grow, rc.w+2*grow, rc.h+2*grow)
		return
	}
	r.rect(rc.x-grow, rc.y-grow, rc.w+2*grow, rc.h+2*grow, color.Transparent, r.pal.fg, 2, 5)
}

func (r *tlRenderer) buildLaneLabels(g *tlGeometry, first, last int) {
	if r.truncW != g.labelW {
		clear(r.truncated)
		r.truncW = g.labelW
	}
	for li := first; li < last; li++ {
		yc := g.laneCenter(li, r.t.model.scrollY)
		lane := &r.t.model.lanes[li]
		style := fyne.TextStyle{Italic: lane.kind != laneEvents}
		s, ok := r.truncated[lane.label]
		if !ok {
			s = truncateText(lane.label, r.pal.textSize, style, g.labelW-2*pad)
			r.truncated[lane.label] = s
		}
		txt := r.texts.text(s, r.pal.textSize, r.pal.fg, style)
		sz := txt.MinSize()
		if yc-sz.Height/2 < g.lanesTop || yc+sz.Height/2 > g.lanesBottom {
			r.texts.used-- // partly hidden lane: no label
			continue
		}
		r.place(txt, pad, yc-sz.Height/2, sz.Width, sz.Height)
	}
}

// buildAxis draws the axis line along the top of the lanes, a tick line per tick
// up through the axis row, and each tick's label just right of its line.
func (r *tlRenderer) buildAxis(g *tlGeometry) {
	r.line(g.plotX0, g.lanesTop, g.plotX1, g.lanesTop, r.pal.separator, 1)
	r.line(g.plotX0, g.lanesTop, g.plotX0, g.lanesBottom, r.pal.grid, 1) // labels | marks
	for _, tk := range r.ticks {
		x := g.xOf(tk.sec)
		r.line(x, g.axisTop+4, x, g.lanesTop, r.pal.separator, 1)
		txt := r.texts.text(tk.label, r.pal.captionSize, r.pal.fg, fyne.TextStyle{})
		sz := txt.MinSize()
		if x+3+sz.Width > g.w {
			r.texts.used--
			continue
		}
		r.place(txt, x+3, g.axisTop+(axisHeight-sz.Height)/2, sz.Width, sz.Height)
	}
}

// buildLegend names the four quad colours and the bar used for imprecise dates.
func (r *tlRenderer) buildLegend(g *tlGeometry) {
	x := g.plotX0
	yc := legendHeight / 2
	item := func(label string, swatch func(x float32) float32) {
		txt := r.texts.text(label, r.pal.captionSize, r.pal.fg, fyne.TextStyle{})
		sz := txt.MinSize()
		objs := len(r.objects)
		sw := swatch(x)
		if x+sw+4+sz.Width > g.w {
			r.objects = r.objects[:objs]
			r.texts.used--
			x = g.w + 1
			return
		}
		r.place(txt, x+sw+4, yc-sz.Height/2, sz.Width, sz.Height)
		x += sw + 4 + sz.Width + 14
	}
	for q := 1; q <= 4; q++ {
		item(QuadName(q), func(x float32) float32 {
			r.circle(x, yc-dotSize/2, dotSize, r.pal.quad[q], r.pal.bg, 1)
			return dotSize
		})
	}
	item("date range", func(x float32) float32 {
		r.rect(x, yc-markHeight/2, 22, markHeight, r.pal.quadFill[0], r.pal.quad[0], 1.5, 3)
		return 22
	})
}

func (r *tlRenderer) buildScrollbar(g *tlGeometry) {
	total := float32(len(r.t.model.lanes)) * laneHeight
	view := g.lanesBottom - g.lanesTop
	if total <= view || view <= 0 {
		return
	}
	h := max(view*view/total, 16)
	y := g.lanesTop + (view-h)*r.t.model.scrollY/(total-view)
	r.rect(g.w-4, y, 3, h, r.pal.faint, nil, 0, 1.5)
}

// truncateText cuts s with an ellipsis so that it fits in maxW.
func truncateText(s string, size float32, style fyne.TextStyle, maxW float32) string {
	if fyne.MeasureText(s, size, style).Width <= maxW {
		return s
	}
	runes := []rune(s)
	lo, hi := 0, len(runes)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(runes[:mid])+"…", size, style).Width <= maxW {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(runes[:lo]) + "…"
}

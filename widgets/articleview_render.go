package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

var (
	findColor        = color.NRGBA{R: 0xff, G: 0xd0, B: 0x00, A: 0x70}
	findCurrentColor = color.NRGBA{R: 0xff, G: 0x80, B: 0x00, A: 0xa0}
)

// articleRenderer draws the visible lines of an ArticleView. Canvas objects are kept in
// pools and reused, so scrolling allocates nothing once the pools have grown.
type articleRenderer struct {
	v       *ArticleView
	rects   *objPool[*canvas.Rectangle]
	texts   *objPool[*canvas.Text]
	objects []fyne.CanvasObject

	// visible state of the current update
	l           *TextLayout
	first, last int
	left, top   float32
}

func newArticleRenderer(v *ArticleView) *articleRenderer {
	return &articleRenderer{
		v:     v,
		rects: newRectPool(),
		texts: &objPool[*canvas.Text]{make: func() *canvas.Text { return &canvas.Text{} }},
	}
}

func (r *articleRenderer) Destroy() {}

func (r *articleRenderer) Layout(fyne.Size) { r.update() }

func (r *articleRenderer) MinSize() fyne.Size { return r.v.MinSize() }

func (r *articleRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *articleRenderer) Refresh() {
	r.update()
	canvas.Refresh(r.v)
}

func (r *articleRenderer) rect(c color.Color, pos fyne.Position, size fyne.Size) {
	o := r.rects.get()
	o.FillColor = c
	o.Move(pos)
	o.Resize(size)
	r.objects = append(r.objects, o)
}

// update rebuilds the object list for the lines currently in view.
func (r *articleRenderer) update() {
	v := r.v
	r.l = v.ensureLayout()
	size := v.Size()
	th := v.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	r.left, r.top = v.origin()
	view := v.offsetY - v.m.padY
	r.first, r.last = r.l.VisibleLines(view, view+size.Height)
	r.objects = r.objects[:0]
	r.rects.reset()
	r.texts.reset()
	if r.first >= r.last {
		return
	}
	visStart, visEnd := r.l.Lines[r.first].Start, r.l.Lines[r.last-1].End

	for _, h := range v.highlights {
		if h.End > visStart && h.Start < visEnd {
			r.span(h.Start, h.End, h.Color)
		}
	}
	for i, f := range v.find {
		if f.End > visStart && f.Start < visEnd {
			c := color.Color(findColor)
			if i == v.findCur {
				c = findCurrentColor
			}
			r.span(f.Start, f.End, c)
		}
	}
	if s, e := v.Selection(); s < e {
		r.span(s, e, th.Color(theme.ColorNameSelection, variant))
	}

	fg := th.Color(theme.ColorNameForeground, variant)
	for li := r.first; li < r.last; li++ {
		ln := &r.l.Lines[li]
		y := r.textTop(ln)
		for _, run := range ln.Runs {
			if run.Blank {
				continue
			}
			t := r.texts.get()
			t.Text = r.l.Slice(run.Start, run.End)
			t.Color = fg
			t.TextSize = v.m.textSize
			t.Move(fyne.NewPos(v.snap(r.left+run.X), y))
			t.Resize(fyne.NewSize(run.Width, v.m.textHeight))
			r.objects = append(r.objects, t)
		}
	}

	for _, u := range v.underlines {
		if u.End > visStart && u.Start < visEnd {
			r.underline(u)
		}
	}

	if s, e := v.Selection(); v.focused && s == e {
		li := r.l.LineOf(s)
		if li >= r.first && li < r.last {
			ln := &r.l.Lines[li]
			x := v.snap(r.left + r.l.XOf(li, s))
			r.rect(th.Color(theme.ColorNamePrimary, variant), fyne.NewPos(x-1, r.textTop(ln)), fyne.NewSize(2, v.m.textHeight))
		}
	}
	r.scrollbar(th.Color(theme.ColorNameScrollBar, variant))
}

func (r *articleRenderer) textTop(ln *Line) float32 {
	return r.v.snap(r.top + ln.Y + float32(int((ln.Height-r.v.m.textHeight)/2)))
}

// span paints rectangles behind [start, end) on each visible line it touches.
func (r *articleRenderer) span(start, end int, c color.Color) {
	for li := r.first; li < r.last; li++ {
		ln := &r.l.Lines[li]
		s, e := max(start, ln.Start), min(end, ln.End)
		if s >= e {
			continue
		}
		x0, x1 := r.v.snap(r.left+r.l.XOf(li, s)), r.v.snap(r.left+r.l.XOf(li, e))
		if end > ln.End && ln.End < len(r.l.Text()) && r.l.Text()[ln.End] == '\n' {
			x1 += r.v.m.spaceWidth // the span runs on past the line break
		}
		if x1 <= x0 {
			continue
		}
		r.rect(c, fyne.NewPos(x0, r.v.snap(r.top+ln.Y)), fyne.NewSize(x1-x0, ln.Height))
	}
}

// underline draws a solid 2px line, or a thin dashed one, under [u.Start, u.End).
func (r *articleRenderer) underline(u Underline) {
	for li := r.first; li < r.last; li++ {
		ln := &r.l.Lines[li]
		s, e := max(u.Start, ln.Start), min(u.End, ln.End)
		if s >= e {
			continue
		}
		x0, x1 := r.v.snap(r.left+r.l.XOf(li, s)), r.v.snap(r.left+r.l.XOf(li, e))
		y := r.textTop(ln) + r.v.m.textHeight - 1
		if !u.Dashed {
			r.rect(u.Color, fyne.NewPos(x0, y), fyne.NewSize(x1-x0, 2))
			continue
		}
		const dash, gapW = 4, 3
		for x := x0; x < x1; x += dash + gapW {
			r.rect(u.Color, fyne.NewPos(x, y+1), fyne.NewSize(min(dash, x1-x), 1))
		}
	}
}

func (r *articleRenderer) scrollbar(c color.Color) {
	v := r.v
	size := v.Size()
	content := v.contentHeight()
	if content <= size.Height || size.Height <= 0 {
		return
	}
	thumbH := max(v.m.lineHeight, size.Height*size.Height/content)
	y := v.offsetY / (content - size.Height) * (size.Height - thumbH)
	r.rect(c, fyne.NewPos(size.Width-v.m.scrollbarW-2, y), fyne.NewSize(v.m.scrollbarW, thumbH))
}

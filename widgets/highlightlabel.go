package widgets

import (
	"image/color"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// HighlightLabel is a one-line label that draws chosen runes emphasised (bold, in the
// theme's primary colour), such as the letters a fuzzy search matched. Text that does
// not fit is cut with an ellipsis.
type HighlightLabel struct {
	widget.BaseWidget

	text    string
	matched []int
}

var _ fyne.Widget = (*HighlightLabel)(nil)

// NewHighlightLabel returns a label showing text with the runes at the indexes in
// matched emphasised.
func NewHighlightLabel(text string, matched []int) *HighlightLabel {
	l := &HighlightLabel{}
	l.ExtendBaseWidget(l)
	l.SetText(text, matched)
	return l
}

// SetText replaces the text and the rune indexes to emphasise (out-of-range indexes
// are ignored).
func (l *HighlightLabel) SetText(text string, matched []int) {
	l.text = text
	l.matched = append(l.matched[:0], matched...)
	sort.Ints(l.matched)
	l.Refresh()
}

// Text returns the label's text.
func (l *HighlightLabel) Text() string { return l.text }

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (l *HighlightLabel) CreateRenderer() fyne.WidgetRenderer {
	l.ExtendBaseWidget(l)
	r := &highlightLabelRenderer{l: l}
	r.Refresh()
	return r
}

// hlRun is a stretch of the label drawn in one style.
type hlRun struct {
	text string
	emph bool
}

// runs splits the text into alternating plain and emphasised stretches; a combining
// mark always goes with its base character.
func (l *HighlightLabel) runs() []hlRun {
	var out []hlRun
	var cur []rune
	curEmph := false
	m := 0
	for i, r := range []rune(l.text) {
		for m < len(l.matched) && l.matched[m] < i {
			m++
		}
		e := m < len(l.matched) && l.matched[m] == i
		if len(cur) > 0 && extendsCluster(r) {
			e = curEmph
		}
		if len(cur) > 0 && e != curEmph {
			out = append(out, hlRun{string(cur), curEmph})
			cur = cur[:0]
		}
		cur = append(cur, r)
		curEmph = e
	}
	if len(cur) > 0 {
		out = append(out, hlRun{string(cur), curEmph})
	}
	return out
}

type highlightLabelRenderer struct {
	l       *HighlightLabel
	runs    []hlRun
	widths  []float32
	texts   []*canvas.Text
	objects []fyne.CanvasObject
}

func (r *highlightLabelRenderer) Destroy() {}

func (r *highlightLabelRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *highlightLabelRenderer) style(emph bool) fyne.TextStyle {
	return fyne.TextStyle{Bold: emph}
}

func (r *highlightLabelRenderer) MinSize() fyne.Size {
	th := r.l.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	size := th.Size(theme.SizeNameText)
	var w float32
	for _, x := range r.widths {
		w += x
	}
	h := fyne.MeasureText("M", size, fyne.TextStyle{}).Height
	return fyne.NewSize(w+2*pad, h+2*pad)
}

func (r *highlightLabelRenderer) Refresh() {
	th := r.l.Theme()
	size := th.Size(theme.SizeNameText)
	r.runs = r.l.runs()
	r.widths = r.widths[:0]
	for _, run := range r.runs {
		r.widths = append(r.widths, fyne.MeasureText(run.text, size, r.style(run.emph)).Width)
	}
	r.Layout(r.l.Size())
	canvas.Refresh(r.l)
}

// Layout places the runs left to right, cutting the first run that does not fit and
// ending it with an ellipsis.
func (r *highlightLabelRenderer) Layout(size fyne.Size) {
	th := r.l.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	pad := th.Size(theme.SizeNameInnerPadding)
	ts := th.Size(theme.SizeNameText)
	fg := th.Color(theme.ColorNameForeground, variant)
	primary := th.Color(theme.ColorNamePrimary, variant)
	h := fyne.MeasureText("M", ts, fyne.TextStyle{}).Height
	y := (size.Height - h) / 2
	avail := size.Width - 2*pad
	if size.Width == 0 { // not laid out yet: show everything
		avail = 1 << 20
	}
	r.objects = r.objects[:0]
	x := pad
	for i, run := range r.runs {
		text, w := run.text, r.widths[i]
		cut := x-pad+w > avail
		if cut {
			text, w = r.ellipsize(run, pad+avail-x, ts)
		}
		if i == len(r.texts) {
			r.texts = append(r.texts, &canvas.Text{})
		}
		t := r.texts[i]
		t.Text, t.TextSize, t.TextStyle = text, ts, r.style(run.emph)
		t.Color = color.Color(fg)
		if run.emph {
			t.Color = primary
		}
		t.Move(fyne.NewPos(x, y))
		t.Resize(fyne.NewSize(w, h))
		r.objects = append(r.objects, t)
		x += w
		if cut {
			break
		}
	}
}

// ellipsize returns the longest prefix of run that fits in width followed by "…".
func (r *highlightLabelRenderer) ellipsize(run hlRun, width, size float32) (string, float32) {
	rs := []rune(run.text)
	style := r.style(run.emph)
	n := sort.Search(len(rs)+1, func(k int) bool {
		return fyne.MeasureText(string(rs[:k])+"…", size, style).Width > width
	})
	if n > 0 {
		n--
	}
	s := string(rs[:n]) + "…"
	return s, fyne.MeasureText(s, size, style).Width
}

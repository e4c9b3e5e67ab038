package widgets

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Highlight paints a translucent background behind the runes [Start, End), for tagged
// passages. Highlights are painted in slice order, so where passages overlap the later
// one is layered over the earlier and the overlap shows darker. An opaque Color is made
// translucent so the text stays readable.
type Highlight struct {
	Start, End int
	Color      color.Color
}

// Underline draws a line under the runes [Start, End), for entity mentions: a solid,
// thicker line for confirmed mentions, a thin dashed one (Dashed) for suggestions.
type Underline struct {
	Start, End int
	Color      color.Color
	Dashed     bool
}

// TextRange is a span of rune offsets [Start, End).
type TextRange struct {
	Start, End int
}

// ArticleView shows a long text wrapped into readable lines and lets the reader select
// from it. Lines are laid out by the widget ([TextLayout]) and only the lines in view get
// canvas objects, so articles of any length open and scroll at once. The view scrolls
// itself (mouse wheel, keyboard, and a thin scroll bar on the right that can be dragged).
//
// Selection: drag to select, double-click selects a word, shift-click extends the
// selection, Ctrl+A selects all, Ctrl+C copies. Shortcuts the view does not handle are
// passed on to the window's canvas, so the application's own shortcuts keep working while
// the article has the focus.
type ArticleView struct {
	widget.BaseWidget

	// OnSelectionChanged is called when the reader changes the selection (at the end of a
	// drag, on a click, double-click, shift-click or select-all); start == end is a caret.
	// Calls to SetSelection do not trigger it.
	OnSelectionChanged func(start, end int)
	// OnTapped is called after a click with the rune offset under the pointer, for
	// example to inspect the mention or passage there.
	OnTapped func(offset int)
	// MaxColumns limits lines to about this many characters of average width, with the
	// column centred in the view; 0 uses the full width. NewArticleView sets 75.
	MaxColumns int

	text       string
	layout     *TextLayout
	highlights []Highlight
	underlines []Underline
	find       []TextRange
	findCur    int

	anchor, caret int
	notified      TextRange
	offsetY       float32
	focused       bool

	m          metrics
	widthCache map[string]float32
	wrappedAt  float32 // column width of the current wrap, 0 if none

	pressHandled  bool // MouseDown already placed the caret for this click
	shiftPressed  bool
	dragging      bool
	dragScrollbar bool
}

var (
	_ fyne.Widget         = (*ArticleView)(nil)
	_ fyne.Focusable      = (*ArticleView)(nil)
	_ fyne.Shortcutable   = (*ArticleView)(nil)
	_ fyne.Scrollable     = (*ArticleView)(nil)
	_ fyne.Draggable      = (*ArticleView)(nil)
	_ fyne.Tappable       = (*ArticleView)(nil)
	_ fyne.DoubleTappable = (*ArticleView)(nil)
)

// NewArticleView returns an empty article view; give it text with SetText.
func NewArticleView() *ArticleView {
	v := &ArticleView{MaxColumns: 75, findCur: -1, widthCache: map[string]float32{}}
	v.ExtendBaseWidget(v)
	return v
}

// SetText replaces the text shown, clears selection, highlights, underlines and find
// matches, and scrolls to the top. Paragraphs are separated by "\n\n"; a single "\n"
// breaks the line.
func (v *ArticleView) SetText(body string) {
	v.text = body
	v.layout = nil
	v.wrappedAt = 0
	v.highlights, v.underlines, v.find, v.findCur = nil, nil, nil, -1
	v.anchor, v.caret, v.offsetY = 0, 0, 0
	v.notified = TextRange{}
	v.Refresh()
}

// Text returns the text shown.
func (v *ArticleView) Text() string { return v.text }

// SetHighlights replaces the highlighted spans (tagged passages).
func (v *ArticleView) SetHighlights(h []Highlight) {
	v.highlights = make([]Highlight, len(h))
	for i, x := range h {
		x.Color = translucent(x.Color, 0x60)
		v.highlights[i] = x
	}
	v.Refresh()
}

// SetUnderlines replaces the underlined spans (entity mentions).
func (v *ArticleView) SetUnderlines(u []Underline) {
	v.underlines = append([]Underline(nil), u...)
	v.Refresh()
}

// SetFind marks the matches of a find-in-article search; the match at index current is
// drawn stronger and scrolled into view (pass -1 for none, nil matches to clear).
func (v *ArticleView) SetFind(matches []TextRange, current int) {
	v.find = append([]TextRange(nil), matches...)
	v.findCur = -1
	if current >= 0 && current < len(matches) {
		v.findCur = current
	}
	if v.findCur >= 0 {
		v.ScrollToOffset(matches[current].Start)
	}
	v.Refresh()
}

// Selection returns the selected rune range, start <= end; start == end is a caret.
func (v *ArticleView) Selection() (start, end int) {
	return min(v.anchor, v.caret), max(v.anchor, v.caret)
}

// SetSelection selects the runes [start, end) (clamped to the text); it does not call
// OnSelectionChanged and does not scroll.
func (v *ArticleView) SetSelection(start, end int) {
	n := v.runeCount()
	v.anchor, v.caret = max(0, min(start, n)), max(0, min(end, n))
	s, e := v.Selection()
	v.notified = TextRange{s, e}
	v.Refresh()
}

// SelectedText returns the text of the selection.
func (v *ArticleView) SelectedText() string {
	s, e := v.Selection()
	if s == e {
		return ""
	}
	return string(v.runes()[s:e])
}

// OffsetAt returns the rune offset of the caret position nearest to p, a position in
// the widget's coordinates. The result is always a grapheme-cluster boundary.
func (v *ArticleView) OffsetAt(p fyne.Position) int {
	l := v.ensureLayout()
	left, top := v.origin()
	return l.OffsetAt(p.X-left, p.Y-top)
}

// PositionOf returns the top-left corner of the caret before rune offset off, in the
// widget's coordinates (taking the current scroll into account); the caret is
// LineHeight tall.
func (v *ArticleView) PositionOf(off int) fyne.Position {
	l := v.ensureLayout()
	x, y := l.PositionOf(off)
	left, top := v.origin()
	return fyne.NewPos(v.snap(left+x), v.snap(top+y))
}

// snap rounds a coordinate to a whole device pixel: text drawn at a fraction of a pixel
// is blurred by the GL painter.
func (v *ArticleView) snap(x float32) float32 {
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil && c.Scale() > 0 {
		scale = c.Scale()
	}
	return float32(math.Round(float64(x*scale))) / scale
}

// LineHeight returns the height of a line of text.
func (v *ArticleView) LineHeight() float32 {
	v.ensureLayout()
	return v.m.lineHeight
}

// ScrollToOffset scrolls so that the line holding rune offset off is in view; a line
// that is not already visible is placed a third of the way down the view.
func (v *ArticleView) ScrollToOffset(off int) {
	l := v.ensureLayout()
	_, y := l.PositionOf(off)
	viewH := v.Size().Height - 2*v.m.padY
	if y >= v.offsetY && y+v.m.lineHeight <= v.offsetY+viewH {
		return
	}
	v.setOffset(y - viewH/3)
}

// ScrollOffset returns how far the text is scrolled down, in pixels.
func (v *ArticleView) ScrollOffset() float32 { return v.offsetY }

// MinSize returns a size that shows a few short lines.
func (v *ArticleView) MinSize() fyne.Size {
	v.ExtendBaseWidget(v)
	v.ensureMetrics()
	return fyne.NewSize(v.m.charWidth*20+2*v.m.padX+v.m.scrollbarHit, v.m.lineHeight*3+2*v.m.padY)
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (v *ArticleView) CreateRenderer() fyne.WidgetRenderer {
	v.ExtendBaseWidget(v)
	return newArticleRenderer(v)
}

func (v *ArticleView) runes() []rune { return v.ensureLayout().Text() }

func (v *ArticleView) runeCount() int { return len(v.runes()) }

func translucent(c color.Color, alpha uint8) color.Color {
	if c == nil {
		c = theme.Color(theme.ColorNamePrimary)
	}
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	if n.A == 0xff {
		n.A = alpha
	}
	return n
}

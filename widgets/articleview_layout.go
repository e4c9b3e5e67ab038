package widgets

import (
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// metrics are the theme-derived sizes the article view lays out with.
type metrics struct {
	font         string // name of the theme's regular font, to notice theme changes
	textSize     float32
	textHeight   float32
	lineHeight   float32
	gap          float32 // height of the empty line between paragraphs
	charWidth    float32 // average advance of a character in running text
	spaceWidth   float32
	padX, padY   float32
	scrollbarW   float32 // drawn thumb width
	scrollbarHit float32 // width of the strip on the right that grabs the scroll bar
}

// ensureMetrics reads sizes from the theme and reports whether they changed, in which
// case cached word widths are dropped.
func (v *ArticleView) ensureMetrics() bool {
	th := v.Theme()
	size := th.Size(theme.SizeNameText)
	font := ""
	if f := th.Font(fyne.TextStyle{}); f != nil {
		font = f.Name()
	}
	if v.m.textSize == size && v.m.font == font && v.m.lineHeight > 0 {
		return false
	}
	v.m = metrics{font: font, textSize: size}
	v.widthCache = map[string]float32{}
	v.m.textHeight = fyne.MeasureText("Mg", size, fyne.TextStyle{}).Height
	v.m.lineHeight = float32(int(v.m.textHeight + size*0.4 + 0.5))
	v.m.gap = float32(int(v.m.lineHeight*0.6 + 0.5))
	v.m.spaceWidth = fyne.MeasureText(" ", size, fyne.TextStyle{}).Width
	const sample = "The quick brown fox jumps over the lazy dog."
	v.m.charWidth = fyne.MeasureText(sample, size, fyne.TextStyle{}).Width / float32(len(sample))
	v.m.padX = th.Size(theme.SizeNameInnerPadding) * 2
	v.m.padY = th.Size(theme.SizeNameInnerPadding) * 1.5
	v.m.scrollbarW = th.Size(theme.SizeNameScrollBarSmall)
	v.m.scrollbarHit = th.Size(theme.SizeNameScrollBar) + 4
	return true
}

// measureText is the MeasureFunc of the view's layout: each distinct word is measured
// once with fyne.MeasureText; blanks are counted in space widths (a tab is four).
func (v *ArticleView) measureText(s string) float32 {
	if w, ok := v.widthCache[s]; ok {
		return w
	}
	var w float32
	blank := true
	for _, r := range s {
		if !unicode.IsSpace(r) {
			blank = false
			break
		}
		if r == '\t' {
			w += 4 * v.m.spaceWidth
		} else {
			w += v.m.spaceWidth
		}
	}
	if !blank {
		w = fyne.MeasureText(s, v.m.textSize, fyne.TextStyle{}).Width
	}
	v.widthCache[s] = w
	return w
}

// columnWidth is the width lines are wrapped to for the current widget size.
func (v *ArticleView) columnWidth() float32 {
	w := v.Size().Width
	if w <= 0 {
		w = 800
	}
	avail := w - 2*v.m.padX - v.m.scrollbarHit
	if v.MaxColumns > 0 {
		avail = min(avail, v.m.charWidth*float32(v.MaxColumns))
	}
	return max(avail, v.m.charWidth*4)
}

// ensureLayout returns the layout for the current text, theme and width, wrapping
// again only when one of them changed.
func (v *ArticleView) ensureLayout() *TextLayout {
	if v.ensureMetrics() || v.layout == nil {
		v.layout = NewTextLayout(v.text, v.measureText)
		v.wrappedAt = 0
	}
	if cw := v.columnWidth(); cw != v.wrappedAt {
		v.layout.Wrap(cw, v.m.lineHeight, v.m.gap)
		v.wrappedAt = cw
		v.offsetY = v.clampOffset(v.offsetY)
	}
	return v.layout
}

// origin returns where the layout's (0, 0) is in widget coordinates.
func (v *ArticleView) origin() (left, top float32) {
	w := v.Size().Width - v.m.scrollbarHit
	left = max(v.m.padX, (w-v.wrappedAt)/2)
	return float32(int(left)), v.m.padY - v.offsetY
}

func (v *ArticleView) contentHeight() float32 {
	return v.layout.Height + 2*v.m.padY
}

func (v *ArticleView) clampOffset(y float32) float32 {
	if v.layout == nil {
		return 0
	}
	maxY := v.contentHeight() - v.Size().Height
	return max(0, min(y, maxY))
}

func (v *ArticleView) setOffset(y float32) {
	v.ensureLayout()
	y = v.clampOffset(y)
	if y == v.offsetY {
		return
	}
	v.offsetY = y
	v.Refresh()
}

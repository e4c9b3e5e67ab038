package widgets

import (
	"sync"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// metrics are the theme-derived sizes the article view lays out with.
type metrics struct {
	font         string // name of the theme's regular font, to notice theme changes
	glyphs       *glyphWidths
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
	v.m.glyphs = glyphsFor(font, size)
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

// measureText is the MeasureFunc of the view's layout; each distinct string is
// measured once per view. Shaping a string with fyne.MeasureText costs a fraction of a
// millisecond whatever its length, so shaping each of the 2,000 distinct words of a long
// article took over half a second. Words made only of scripts that need no shaping
// (Latin, Greek, Cyrillic, CJK) are instead measured as the sum of their characters'
// advances plus a kerning adjustment for each pair of neighbours; characters and pairs
// are measured once for the whole program (an English article has about 80 characters
// and 650 pairs) and the sums match the shaped widths exactly on the seed. Words with
// combining marks or complex scripts are shaped whole. Blanks count as space widths (a
// tab as four).
func (v *ArticleView) measureText(s string) float32 {
	if w, ok := v.widthCache[s]; ok {
		return w
	}
	w, ok := v.m.glyphs.sum(s, v.m.spaceWidth)
	if !ok {
		w = fyne.MeasureText(s, v.m.textSize, fyne.TextStyle{}).Width
	}
	v.widthCache[s] = w
	return w
}

// glyphWidths caches the advances of characters and the kerning of character pairs for
// one font and size, shared by all article views.
type glyphWidths struct {
	mu    sync.Mutex
	size  float32
	runes map[rune]float32
	pairs map[[2]rune]float32
}

type glyphKey struct {
	font string
	size float32
}

var (
	glyphCacheMu sync.Mutex
	glyphCache   = map[glyphKey]*glyphWidths{}
)

func glyphsFor(font string, size float32) *glyphWidths {
	glyphCacheMu.Lock()
	defer glyphCacheMu.Unlock()
	k := glyphKey{font, size}
	g := glyphCache[k]
	if g == nil {
		g = &glyphWidths{size: size, runes: map[rune]float32{}, pairs: map[[2]rune]float32{}}
		glyphCache[k] = g
	}
	return g
}

func (g *glyphWidths) rune(r rune) float32 {
	w, ok := g.runes[r]
	if !ok {
		w = fyne.MeasureText(string(r), g.size, fyne.TextStyle{}).Width
		g.runes[r] = w
	}
	return w
}

// sum returns the width of s from cached advances and pair kerning, or false if s
// holds a character that must be shaped with its neighbours.
func (g *glyphWidths) sum(s string, space float32) (float32, bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	var w float32
	prev := rune(0)
	for _, r := range s {
		switch {
		case r == '\t':
			w += 4 * space
			prev = 0
		case unicode.IsSpace(r):
			w += space
			prev = 0
		case needsNoShaping(r):
			w += g.rune(r)
			if prev != 0 && !isWideScript(prev) && !isWideScript(r) {
				k := [2]rune{prev, r}
				kern, ok := g.pairs[k]
				if !ok {
					kern = fyne.MeasureText(string(k[:]), g.size, fyne.TextStyle{}).Width - g.rune(prev) - g.rune(r)
					g.pairs[k] = kern
				}
				w += kern
			}
			prev = r
		default:
			return 0, false
		}
	}
	return w, true
}

// needsNoShaping reports whether r is drawn with its own advance whatever surrounds it
// (up to kerning): Latin, Greek and Cyrillic letters, common punctuation, and CJK.
func needsNoShaping(r rune) bool {
	switch {
	case r < 0x0300: // Basic Latin to IPA extensions (no combining marks)
		return true
	case r >= 0x0370 && r <= 0x0482, r >= 0x048A && r <= 0x052F: // Greek, Cyrillic
		return true
	case r >= 0x1E00 && r <= 0x1FFF: // Latin extended additional, Greek extended
		return true
	case r >= 0x2000 && r <= 0x206F && r != 0x200C && r != 0x200D: // general punctuation
		return true
	case r >= 0x20A0 && r <= 0x20CF: // currency symbols
		return true
	case isWideScript(r) && !(r >= 0x3099 && r <= 0x309A): // CJK, not combining kana marks
		return true
	}
	return false
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

package widgets

import "sort"

// MeasureFunc returns the advance width of s as it will be drawn.
type MeasureFunc func(s string) float32

// TextLayout is a text broken into lines at one width. It is a pure computation: given
// the text, a measuring function and a width, it yields lines of runs with positions,
// and maps between positions and rune offsets. Build it with [NewTextLayout], then call
// [TextLayout.Wrap] whenever the width changes; words are measured once per layout.
type TextLayout struct {
	// Lines are the laid-out lines, top to bottom; there is always at least one.
	Lines []Line
	// Height is the total height of all lines.
	Height float32

	text    []rune
	src     string
	boff    []int32 // byte offset in src of each rune, plus len(src)
	toks    []token
	widths  []float32 // per token, -1 until measured
	measure MeasureFunc
	runs    []Run // backing store of every line's Runs
}

// Line is one visual line of a [TextLayout].
type Line struct {
	// Start and End are the rune offsets the line covers (end exclusive). A soft-wrapped
	// line includes its trailing blanks; a line ended by "\n" stops before the newline.
	Start, End int
	// Y is the top of the line and Height its height.
	Y, Height float32
	// Runs are the words and blanks of the line, left to right.
	Runs []Run
}

// Run is a piece of a line drawn in one go: a word (or the part of one that fits) or a
// run of blanks.
type Run struct {
	// Start and End are rune offsets (end exclusive).
	Start, End int
	// X is the left edge relative to the line, Width the advance of the run.
	X, Width float32
	// Blank is true for a run of spaces or tabs, which is not drawn.
	Blank bool
}

// NewTextLayout prepares text for wrapping: it splits the text into unbreakable
// segments once, so later calls to Wrap only place them.
func NewTextLayout(text string, measure MeasureFunc) *TextLayout {
	l := &TextLayout{text: []rune(text), src: text, measure: measure}
	l.boff = make([]int32, 0, len(l.text)+1)
	for i := range text {
		l.boff = append(l.boff, int32(i))
	}
	l.boff = append(l.boff, int32(len(text)))
	l.toks = tokenize(l.text)
	l.widths = make([]float32, len(l.toks))
	for i := range l.widths {
		l.widths[i] = -1
	}
	l.Lines = []Line{{}}
	return l
}

// Text returns the laid-out text as runes; callers must not modify it.
func (l *TextLayout) Text() []rune { return l.text }

// Slice returns the text of the runes [start, end) without copying.
func (l *TextLayout) Slice(start, end int) string { return l.src[l.boff[start]:l.boff[end]] }

func (l *TextLayout) tokenWidth(i int) float32 {
	if w := l.widths[i]; w >= 0 {
		return w
	}
	t := l.toks[i]
	var w float32
	if t.kind != tokenNewline {
		w = l.measure(l.Slice(t.start, t.end))
	}
	l.widths[i] = w
	return w
}

// Wrap breaks the text into lines no wider than width (a word wider than a line is
// broken between characters). Each line is lineHeight tall, except empty lines, such as
// the one between two paragraphs ("\n\n"), which are gap tall.
func (l *TextLayout) Wrap(width, lineHeight, gap float32) {
	if width < 1 {
		width = 1
	}
	if l.runs == nil {
		l.runs = make([]Run, 0, len(l.toks))
		l.Lines = make([]Line, 0, len(l.toks)/8+1)
	}
	l.Lines = l.Lines[:0]
	l.runs = l.runs[:0]
	var (
		y         float32
		x         float32
		lineStart int
		runStart  int // index into l.runs of the current line's first run
		hasWord   bool
	)
	finish := func(end, next int) {
		h := lineHeight
		if end == lineStart && len(l.runs) == runStart {
			h = gap
		}
		l.Lines = append(l.Lines, Line{Start: lineStart, End: end, Y: y, Height: h})
		y += h
		lineStart, runStart, x, hasWord = next, len(l.runs), 0, false
	}
	for i, t := range l.toks {
		switch t.kind {
		case tokenNewline:
			finish(t.start, t.end)
		case tokenSpace:
			w := l.tokenWidth(i)
			l.runs = append(l.runs, Run{Start: t.start, End: t.end, X: x, Width: w, Blank: true})
			x += w
		default:
			w := l.tokenWidth(i)
			if hasWord && x+w > width {
				finish(t.start, t.start)
			}
			if w > width && !hasWord {
				l.placeLongSegment(t.start, t.end, width, &x, &hasWord, finish)
				continue
			}
			l.runs = append(l.runs, Run{Start: t.start, End: t.end, X: x, Width: w})
			x += w
			hasWord = true
		}
	}
	finish(len(l.text), len(l.text))
	// Hand out each line's runs only now: appending may have moved the backing array.
	ri := 0
	for i := range l.Lines {
		n := ri
		for n < len(l.runs) && l.runs[n].Start < l.Lines[i].End {
			n++
		}
		if l.Lines[i].End == l.Lines[i].Start {
			n = ri
		}
		l.Lines[i].Runs = l.runs[ri:n:n]
		ri = n
	}
	l.Height = y
}

// placeLongSegment breaks a segment wider than the line between grapheme clusters,
// putting at least one cluster on each line.
func (l *TextLayout) placeLongSegment(start, end int, width float32, x *float32, hasWord *bool, finish func(end, next int)) {
	for start < end {
		cut := nextBoundary(l.text, start)
		w := l.measure(l.Slice(start, cut))
		for cut < end {
			next := nextBoundary(l.text, cut)
			nw := l.measure(l.Slice(start, next))
			if *x+nw > width {
				break
			}
			cut, w = next, nw
		}
		l.runs = append(l.runs, Run{Start: start, End: cut, X: *x, Width: w})
		*x += w
		*hasWord = true
		if cut < end {
			finish(cut, cut)
		}
		start = cut
	}
}

// LineAt returns the index of the line at height y (clamped to the first and last line).
func (l *TextLayout) LineAt(y float32) int {
	i := sort.Search(len(l.Lines), func(k int) bool { return l.Lines[k].Y > y })
	if i > 0 {
		i--
	}
	return i
}

// LineOf returns the index of the line showing rune offset off. An offset where a soft
// wrap happens belongs to the line it starts.
func (l *TextLayout) LineOf(off int) int {
	i := sort.Search(len(l.Lines), func(k int) bool { return l.Lines[k].Start > off })
	if i > 0 {
		i--
	}
	return i
}

// XOf returns the horizontal position of rune offset off within line li.
func (l *TextLayout) XOf(li int, off int) float32 {
	ln := &l.Lines[li]
	if len(ln.Runs) == 0 || off <= ln.Start {
		return 0
	}
	for _, r := range ln.Runs {
		switch {
		case off <= r.Start:
			return r.X
		case off < r.End:
			if r.Blank {
				return r.X + r.Width*float32(off-r.Start)/float32(r.End-r.Start)
			}
			return r.X + l.measure(l.Slice(r.Start, off))
		}
	}
	last := ln.Runs[len(ln.Runs)-1]
	return last.X + last.Width
}

// PositionOf returns the left edge x and the line top y of the caret before rune
// offset off.
func (l *TextLayout) PositionOf(off int) (x, y float32) {
	off = max(0, min(off, len(l.text)))
	li := l.LineOf(off)
	return l.XOf(li, off), l.Lines[li].Y
}

// OffsetAt returns the rune offset of the caret position nearest to (x, y): always a
// grapheme-cluster boundary, never inside "e" + combining accent.
func (l *TextLayout) OffsetAt(x, y float32) int {
	li := l.LineAt(y)
	ln := &l.Lines[li]
	if len(ln.Runs) == 0 || x <= 0 {
		return ln.Start
	}
	for _, r := range ln.Runs {
		if x >= r.X+r.Width {
			continue
		}
		if x < r.X {
			return r.Start
		}
		if r.Blank {
			k := int((x-r.X)/r.Width*float32(r.End-r.Start) + 0.5)
			return r.Start + k
		}
		prev, prevX := r.Start, float32(0)
		for b := nextBoundary(l.text, r.Start); ; b = nextBoundary(l.text, b) {
			bx := r.Width
			if b < r.End {
				bx = l.measure(l.Slice(r.Start, b))
			}
			if x < r.X+bx {
				if x-(r.X+prevX) < r.X+bx-x {
					return prev
				}
				return min(b, r.End)
			}
			if b >= r.End {
				return r.End
			}
			prev, prevX = b, bx
		}
	}
	// Past the end of the line: after its last word, not after the blanks hanging at a
	// soft wrap (that offset is the start of the next line).
	last := ln.Runs[len(ln.Runs)-1]
	if last.Blank && ln.End < len(l.text) && l.text[ln.End] != '\n' && l.text[ln.End] != '\r' {
		return last.Start
	}
	return ln.End
}

// VisibleLines returns the range [first, last) of lines that intersect [top, bottom).
func (l *TextLayout) VisibleLines(top, bottom float32) (first, last int) {
	first = sort.Search(len(l.Lines), func(k int) bool { return l.Lines[k].Y+l.Lines[k].Height > top })
	last = sort.Search(len(l.Lines), func(k int) bool { return l.Lines[k].Y >= bottom })
	return first, max(first, last)
}

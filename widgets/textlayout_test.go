package widgets_test

import (
	"testing"
	"unicode"

	"github.com/attache-app/attache/widgets"
)

// fixedMeasure gives every character 10 units, CJK 20, combining marks 0, so the
// expected lines can be worked out by hand.
func fixedMeasure(s string) float32 {
	var w float32
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me):
		case r >= 0x2E80 && r <= 0x9FFF, r >= 0xFF00 && r <= 0xFFEF:
			w += 20
		default:
			w += 10
		}
	}
	return w
}

func lineRanges(l *widgets.TextLayout) [][2]int {
	var got [][2]int
	for _, ln := range l.Lines {
		got = append(got, [2]int{ln.Start, ln.End})
	}
	return got
}

func TestTextLayout_Wrap(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float32
		want  [][2]int
	}{
		{"words wrap at blanks, blanks hang", "aaa bbb ccc", 75, [][2]int{{0, 8}, {8, 11}}},
		{"everything fits", "aaa bbb ccc", 200, [][2]int{{0, 11}}},
		{"paragraphs and line breaks", "ab\n\ncd\nef", 200, [][2]int{{0, 2}, {3, 3}, {4, 6}, {7, 9}}},
		{"CRLF is one break", "ab\r\ncd", 200, [][2]int{{0, 2}, {4, 6}}},
		{"CJK breaks between characters", "中文字符串", 45, [][2]int{{0, 2}, {2, 4}, {4, 5}}},
		{"closing punctuation stays with its character", "中文。字", 45, [][2]int{{0, 1}, {1, 3}, {3, 4}}},
		{"parenthesised Chinese name", "Xi (習近平) said", 85, [][2]int{{0, 6}, {6, 13}}},
		{"word wider than the line breaks between characters", "abcdefghij", 35, [][2]int{{0, 3}, {3, 6}, {6, 9}, {9, 10}}},
		{"combining marks stay with their base", "e\u0301e\u0301e\u0301", 15, [][2]int{{0, 2}, {2, 4}, {4, 6}}},
		{"break after a hyphen between letters", "US-China talks", 60, [][2]int{{0, 3}, {3, 9}, {9, 14}}},
		{"empty text has one empty line", "", 100, [][2]int{{0, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := widgets.NewTextLayout(tt.text, fixedMeasure)
			l.Wrap(tt.width, 10, 5)
			got := lineRanges(l)
			if len(got) != len(tt.want) {
				t.Fatalf("lines = %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("lines = %v, want %v", got, tt.want)
				}
			}
			for _, ln := range l.Lines {
				for _, r := range ln.Runs {
					if !r.Blank && r.X+r.Width > tt.width && r.X > 0 {
						t.Errorf("run %d-%d ends at %v, past width %v", r.Start, r.End, r.X+r.Width, tt.width)
					}
				}
			}
		})
	}
}

func TestTextLayout_ParagraphGapAndHeight(t *testing.T) {
	l := widgets.NewTextLayout("ab\n\ncd", fixedMeasure)
	l.Wrap(100, 10, 4)
	wantY := []float32{0, 10, 14}
	for i, ln := range l.Lines {
		if ln.Y != wantY[i] {
			t.Errorf("line %d Y = %v, want %v", i, ln.Y, wantY[i])
		}
	}
	if l.Height != 24 {
		t.Errorf("Height = %v, want 24", l.Height)
	}
}

func TestTextLayout_OffsetAt(t *testing.T) {
	// Line 0: "ab cd" at y 0-10; line 1: "中文e\u0301f" at y 10-20 (中 0-20, 文 20-40, é 40-50, f 50-60).
	l := widgets.NewTextLayout("ab cd\n中文e\u0301f", fixedMeasure)
	l.Wrap(200, 10, 5)
	tests := []struct {
		name string
		x, y float32
		want int
	}{
		{"left edge", 0, 5, 0},
		{"left half of a", 4, 5, 0},
		{"right half of a", 6, 5, 1},
		{"in the blank, left half", 24, 5, 2},
		{"past the end of the line", 150, 5, 5},
		{"left of the view", -20, 5, 0},
		{"above the text", 14, -30, 1},
		{"left half of a CJK character", 9, 15, 6},
		{"right half of a CJK character", 11, 15, 7},
		{"left half of e with accent", 44, 15, 8},
		{"right half of e with accent lands after the accent", 46, 15, 10},
		{"past the end of the last line", 300, 15, 11},
		{"below the text", 300, 900, 11},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := l.OffsetAt(tt.x, tt.y); got != tt.want {
				t.Errorf("OffsetAt(%v, %v) = %d, want %d", tt.x, tt.y, got, tt.want)
			}
		})
	}
}

func TestTextLayout_PositionOf(t *testing.T) {
	l := widgets.NewTextLayout("ab cd\n中文e\u0301f ghi", fixedMeasure)
	l.Wrap(75, 10, 5) // "ghi" wraps to a third line
	tests := []struct {
		off  int
		x, y float32
	}{
		{0, 0, 0}, {2, 20, 0}, {3, 30, 0}, {5, 50, 0},
		{6, 0, 10}, {7, 20, 10}, {8, 40, 10}, {10, 50, 10}, {11, 60, 10},
		{12, 0, 20}, // the start of a soft-wrapped line belongs to that line
		{15, 30, 20}, {99, 30, 20},
	}
	for _, tt := range tests {
		x, y := l.PositionOf(tt.off)
		if x != tt.x || y != tt.y {
			t.Errorf("PositionOf(%d) = (%v, %v), want (%v, %v)", tt.off, x, y, tt.x, tt.y)
		}
	}
}

func TestTextLayout_VisibleLines(t *testing.T) {
	l := widgets.NewTextLayout("a\nb\nc\nd\ne", fixedMeasure)
	l.Wrap(100, 10, 5)
	first, last := l.VisibleLines(15, 35)
	if first != 1 || last != 4 {
		t.Errorf("VisibleLines(15, 35) = %d, %d, want 1, 4", first, last)
	}
}

// FuzzTextLayout checks what every layout must satisfy: lines cover the text in order
// without overlap, runs stay inside their line, and hit-testing returns an offset on
// the line that was hit and maps back to a position on that line.
func FuzzTextLayout(f *testing.F) {
	for _, s := range []string{
		"", "a", "ab cd\n\nef", "中文。字（習近平）", "e\u0301\u0302 x\u200d\u200dy", "\u0301lead", "a\n\u0301b",
		"US-China  talks\r\n\ttab", "🇹🇼🇺🇸 👨\u200d👩\u200d👧", "verylongwordwithoutanyspaces",
	} {
		f.Add(s, float32(40))
	}
	f.Fuzz(func(t *testing.T, text string, width float32) {
		if width != width || width > 1e6 { // NaN or absurd
			return
		}
		l := widgets.NewTextLayout(text, fixedMeasure)
		l.Wrap(width, 10, 5)
		n := len([]rune(text))
		if len(l.Lines) == 0 || l.Lines[0].Start != 0 || l.Lines[len(l.Lines)-1].End != n {
			t.Fatalf("lines %v do not span 0..%d", lineRanges(l), n)
		}
		for i, ln := range l.Lines {
			if ln.End < ln.Start || (i > 0 && ln.Start < l.Lines[i-1].End) {
				t.Fatalf("line %d %d-%d overlaps or runs backwards: %v", i, ln.Start, ln.End, lineRanges(l))
			}
			for _, r := range ln.Runs {
				if r.Start < ln.Start || r.End > ln.End || r.Start >= r.End {
					t.Fatalf("run %d-%d outside line %d-%d", r.Start, r.End, ln.Start, ln.End)
				}
			}
			y := ln.Y + ln.Height/2
			for _, x := range []float32{-5, 0, 3, 17, width / 2, width + 50} {
				off := l.OffsetAt(x, y)
				if off < ln.Start || off > ln.End {
					t.Fatalf("OffsetAt(%v, line %d) = %d, outside %d-%d", x, i, off, ln.Start, ln.End)
				}
				if _, py := l.PositionOf(off); py != ln.Y && !(off == ln.End && i+1 < len(l.Lines) && l.Lines[i+1].Start == off) {
					t.Fatalf("PositionOf(%d) is on y %v, hit line %d is at %v", off, py, i, ln.Y)
				}
			}
		}
	})
}

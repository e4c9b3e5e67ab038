package app

import (
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// snippet is a piece of an article around a span, on one line: the span is
// text's runes [start, end).
type snippet struct {
	text       string
	start, end int
}

// contextAround cuts about before runes ahead of [start, end) and after runes
// behind it from body, at word boundaries where there are any, with runs of
// white space (line breaks too) turned into one space and "…" where the text
// was cut.
func contextAround(body []rune, start, end, before, after int) snippet {
	start = max(0, min(start, len(body)))
	end = max(start, min(end, len(body)))
	from, to := max(0, start-before), min(len(body), end+after)
	if from > 0 && !unicode.IsSpace(body[from-1]) {
		for k := from; k < start; k++ {
			if unicode.IsSpace(body[k]) {
				from = k + 1
				break
			}
		}
	}
	if to < len(body) && !unicode.IsSpace(body[to]) {
		for k := to; k > end; k-- {
			if unicode.IsSpace(body[k-1]) {
				to = k - 1
				break
			}
		}
	}
	out := make([]rune, 0, to-from+2)
	if from > 0 {
		out = append(out, '…')
	}
	s := snippet{start: -1}
	for k := from; k < to; k++ {
		if k == start {
			s.start = len(out)
		}
		if k == end {
			s.end = len(out)
		}
		r := body[k]
		if unicode.IsSpace(r) {
			if len(out) > 0 && out[len(out)-1] == ' ' && (k < start || k >= end) {
				continue
			}
			r = ' '
		}
		out = append(out, r)
	}
	if s.start < 0 {
		s.start = len(out)
	}
	if end >= to {
		s.end = len(out)
	}
	if to < len(body) {
		out = append(out, '…')
	}
	s.text = string(out)
	return s
}

// marks lists the span's rune indexes, for a HighlightLabel.
func (s snippet) marks() []int {
	out := make([]int, 0, s.end-s.start)
	for k := s.start; k < s.end; k++ {
		out = append(out, k)
	}
	return out
}

// richText shows the snippet wrapped, the span in bold.
func (s snippet) richText() *widget.RichText {
	r := []rune(s.text)
	plain := widget.RichTextStyleInline
	bold := widget.RichTextStyleStrong
	rt := widget.NewRichText(
		&widget.TextSegment{Text: string(r[:s.start]), Style: plain},
		&widget.TextSegment{Text: string(r[s.start:s.end]), Style: bold},
		&widget.TextSegment{Text: string(r[s.end:]), Style: plain},
	)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

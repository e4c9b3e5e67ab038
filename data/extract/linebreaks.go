package extract

import (
	"strings"
	"unicode/utf8"
)

// Hard-wrapped text (a wire story, an e-mail) breaks its lines at about the
// same width, wherever a word ends; a paragraph then starts after a blank line
// or with an indented line. Text written one paragraph a line (a web page,
// the sample) breaks only between paragraphs. softBreaks tells the two apart;
// a break inside a paragraph counts as a space for every rule.
const (
	wrapMin = 40  // a wrapped line is at least this long, or it ends its paragraph
	wrapMax = 100 // and no longer than this (the first line may carry a dateline)
)

// softBreaks returns, in increasing order, the byte offsets of the line
// breaks of text that fall inside a paragraph of hard-wrapped text; none when
// the text is not wrapped.
func softBreaks(text string) []int {
	if strings.Count(text, "\n") < 2 {
		return nil
	}
	lines, mid := 0, 0
	for i, rest := 0, text; ; i++ {
		l, tail, more := strings.Cut(rest, "\n")
		n := utf8.RuneCountInString(strings.TrimRight(l, " \t\r"))
		if n > wrapMax && i > 0 {
			return nil // a long line: paragraphs are not wrapped
		}
		if n >= wrapMin {
			mid++
		}
		lines++
		if !more {
			break
		}
		rest = tail
	}
	if mid*2 < lines {
		return nil
	}
	var soft []int
	off := 0
	for rest := text; ; {
		l, tail, more := strings.Cut(rest, "\n")
		if !more {
			break
		}
		off += len(l)
		if utf8.RuneCountInString(strings.TrimSpace(l)) >= wrapMin && strings.TrimSpace(firstLine(tail)) != "" && tail[0] != ' ' && tail[0] != '\t' {
			soft = append(soft, off)
		}
		off++ // the '\n'
		rest = tail
	}
	return soft
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

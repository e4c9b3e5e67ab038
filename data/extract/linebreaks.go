package extract

import "strings"

// Hard-wrapped text (a wire story, an e-mail) breaks its lines at about the
// same width, wherever a word ends; a paragraph then starts after a blank line
// or with an indented line. Text written one paragraph a line (a web page,
// the sample) breaks only between paragraphs. paragraphBreaks tells the two
// apart and reports, for each line break of text, whether it ends a
// paragraph; a break inside a paragraph counts as a space for every rule.
const (
	wrapMin = 40  // a wrapped line is at least this long, or it ends its paragraph
	wrapMax = 100 // and no longer than this (the first line may carry a dateline)
)

// softBreaks returns the byte offsets of the line breaks of text that fall
// inside a paragraph of hard-wrapped text, or nil when the text is not wrapped.
func softBreaks(text string) map[int]bool {
	if strings.Count(text, "\n") < 2 {
		return nil
	}
	lines := strings.Split(text, "\n")
	long, mid := 0, 0
	for i, l := range lines {
		n := runeLen(strings.TrimRight(l, " \t\r"))
		if n > wrapMax && i > 0 {
			long++
		}
		if n >= wrapMin && n <= wrapMax {
			mid++
		}
	}
	if long > 0 || mid*2 < len(lines) {
		return nil
	}
	soft := map[int]bool{}
	off := 0
	for i, l := range lines[:len(lines)-1] {
		off += len(l)
		next := lines[i+1]
		if runeLen(strings.TrimSpace(l)) >= wrapMin && strings.TrimSpace(next) != "" && next[0] != ' ' && next[0] != '\t' {
			soft[off] = true
		}
		off++ // the '\n'
	}
	return soft
}

func runeLen(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// Package shingle scores an extracted text against a reference the way the
// article-extraction benchmarks do: 4-word shingles of word tokens, counted
// with their repeats, give precision and recall; characters the reference
// does not hold at all count as junk.
package shingle

import (
	"regexp"
	"strings"
	"unicode"
)

// wordRe is the token of the measure: a run of letters, digits or '_'.
var wordRe = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// count counts every run of n consecutive word tokens of text.
func count(text string, n int) map[string]int {
	words := wordRe.FindAllString(text, -1)
	out := map[string]int{}
	for i := 0; i+n <= len(words); i++ {
		out[strings.Join(words[i:i+n], " ")]++
	}
	return out
}

// Overlap scores got against want with 4-word shingles: precision and
// recall of one document, shingles counted as often as both hold them.
func Overlap(got, want string) (precision, recall float64) {
	g, w := count(got, 4), count(want, 4)
	var tp, fp, fn int
	for s, n := range g {
		m := min(n, w[s])
		tp += m
		fp += n - m
	}
	for s, n := range w {
		fn += n - min(n, g[s])
	}
	switch {
	case fp == 0 && fn == 0:
		return 1, 1
	case tp == 0:
		return 0, 0
	}
	return float64(tp) / float64(tp+fp), float64(tp) / float64(tp+fn)
}

// Junk counts the characters of got, spaces aside, that want does not hold
// anywhere: glyphs decoded wrongly.
func Junk(got, want string) (n, total int) {
	have := map[rune]bool{}
	for _, r := range want {
		have[r] = true
	}
	for _, r := range got {
		if unicode.IsSpace(r) {
			continue
		}
		total++
		if !have[r] {
			n++
		}
	}
	return n, total
}

// F1 is the harmonic mean of precision p and recall r.
func F1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

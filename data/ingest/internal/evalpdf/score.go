package main

import (
	"regexp"
	"strings"
	"unicode"
)

// wordRe is the token of the measure: a run of letters, digits or '_'.
var wordRe = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// shingles counts every run of n consecutive word tokens of text.
func shingles(text string, n int) map[string]int {
	words := wordRe.FindAllString(text, -1)
	out := map[string]int{}
	for i := 0; i+n <= len(words); i++ {
		out[strings.Join(words[i:i+n], " ")]++
	}
	return out
}

// overlap scores got against want with 4-word shingles: precision and
// recall of one document, shingles counted as often as both hold them.
func overlap(got, want string) (precision, recall float64) {
	g, w := shingles(got, 4), shingles(want, 4)
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

// junk counts the characters of got, spaces aside, that want does not hold
// anywhere: glyphs decoded wrongly.
func junk(got, want string) (n, total int) {
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

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

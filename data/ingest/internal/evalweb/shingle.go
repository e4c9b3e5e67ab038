package main

import "regexp"

// wordRe is the benchmark's token: a run of word characters (\w+ in
// Python's Unicode sense: letters, marks, digits and the underscore).
var wordRe = regexp.MustCompile(`[\p{L}\p{M}\p{N}_]+`)

// shingleSize is the number of consecutive tokens in a shingle.
const shingleSize = 4

// score is one page's outcome: true positives, false positives and false
// negatives normalised to sum 1.
type score struct{ tp, fp, fn float64 }

// shingles counts every run of shingleSize consecutive tokens of text.
func shingles(text string) map[[shingleSize]string]int {
	toks := wordRe.FindAllString(text, -1)
	out := make(map[[shingleSize]string]int)
	for i := 0; i+shingleSize <= len(toks); i++ {
		var k [shingleSize]string
		copy(k[:], toks[i:i+shingleSize])
		out[k]++
	}
	return out
}

// compare scores the imported text got against the marked text want:
// shingles present in both count as true positives as many times as both
// hold them, the surplus of got as false positives, the surplus of want as
// false negatives. Two texts without any shingle score as a match.
func compare(want, got string) score {
	w, g := shingles(want), shingles(got)
	var tp, fp, fn int
	for k, nw := range w {
		ng := g[k]
		tp += min(nw, ng)
		fn += max(nw-ng, 0)
	}
	for k, ng := range g {
		fp += max(ng-w[k], 0)
	}
	sum := float64(tp + fp + fn)
	if sum == 0 {
		return score{tp: 1}
	}
	return score{float64(tp) / sum, float64(fp) / sum, float64(fn) / sum}
}

// summary is precision, recall and F1 over pages: the per-page scores are
// averaged, precision and recall computed from the means, and F1 from
// precision and recall.
func summary(scores []score) (precision, recall, f1 float64) {
	var tp, fp, fn float64
	for _, s := range scores {
		tp += s.tp
		fp += s.fp
		fn += s.fn
	}
	if tp+fp > 0 {
		precision = tp / (tp + fp)
	}
	if tp+fn > 0 {
		recall = tp / (tp + fn)
	}
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	return precision, recall, f1
}

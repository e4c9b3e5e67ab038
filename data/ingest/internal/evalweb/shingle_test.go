package main

import (
	"math"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestCompare(t *testing.T) {
	tests := []struct {
		name, want, got string
		tp, fp, fn      float64
	}{
		{"same words, other punctuation", "The talks, in Geneva, ended late.", "The talks in Geneva ended late", 1, 0, 0},
		{"nothing imported", "The talks in Geneva ended late.", "", 0, 0, 1},
		// want has 3 shingles; got keeps the first 2 and adds 2 of its own.
		{"extra and missing text", "one two three four five six", "one two three four five Read more", 2.0 / 5, 2.0 / 5, 1.0 / 5},
		{"repeated shingle counted as often as both hold it", "a b c d a b c d", "a b c d", 1.0 / 5, 0, 4.0 / 5},
		{"non-Latin words are tokens", "Xi Jinping 習近平 met Biden", "Xi Jinping 習近平 met", 1.0 / 2, 0, 1.0 / 2},
	}
	for _, tc := range tests {
		s := compare(tc.want, tc.got)
		if !near(s.tp, tc.tp) || !near(s.fp, tc.fp) || !near(s.fn, tc.fn) {
			t.Errorf("%s: got %+v, want tp %.3f fp %.3f fn %.3f", tc.name, s, tc.tp, tc.fp, tc.fn)
		}
	}
}

func TestSummaryCountsARefusedPageAsZero(t *testing.T) {
	p, r, f := summary([]score{{tp: 1}, {fn: 1}})
	if !near(p, 1) || !near(r, 0.5) || !near(f, 2*0.5/1.5) {
		t.Fatalf("precision %.3f recall %.3f F1 %.3f", p, r, f)
	}
}

package shingle

import (
	"math"
	"testing"
)

func TestOverlap(t *testing.T) {
	tests := []struct {
		got, want string
		p, r      float64
	}{
		{"the talks in Geneva resumed today", "The talks in Geneva resumed today", 2.0 / 3, 2.0 / 3}, // case counts
		{"talks in Geneva resumed", "talks, in Geneva — resumed!", 1, 1},                             // punctuation does not
		{"a b c d e", "a b c d", 0.5, 1},                                                             // one extra shingle
		{"a b c d a b c d", "a b c d", 0.2, 1},                                                       // repeats counted
		{"", "a b c d", 0, 0},                                                                        // nothing found
		{"x y z w", "a b c d", 0, 0},                                                                 // nothing shared
	}
	for _, tt := range tests {
		p, r := Overlap(tt.got, tt.want)
		if math.Abs(p-tt.p) > 1e-9 || math.Abs(r-tt.r) > 1e-9 {
			t.Errorf("Overlap(%q, %q) = %.3f, %.3f; want %.3f, %.3f", tt.got, tt.want, p, r, tt.p, tt.r)
		}
	}
}

func TestJunk(t *testing.T) {
	n, total := Junk("Talks Ω ended.\n", "Talks ended.")
	if n != 1 || total != 12 {
		t.Errorf("Junk = %d of %d, want 1 of 12", n, total)
	}
}

package plainrun_test

import (
	"strings"
	"testing"

	"github.com/attache-app/attache/data/internal/plainrun"
)

// plainLen is Len a byte at a time, as its documentation says.
func plainLen(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c > ' ' && c <= '~':
			n = i + 1
		case c == ' ' && n == i && i > 0:
		default:
			return n
		}
	}
	return n
}

var cases = []string{
	"", " ", "a", "a ", " a", "a b", "a  b", "ab cd ef gh ij kl mn op",
	"The dry period means the temporao will be late this year.",
	"Arrivals for the week ended February 22 were 155,221 bags of 60 kilos\n\nmaking a total",
	"eight by eight bytes:12345678 1234567  12345678",
	"tab\tinside", "DEL\x7finside and more text after it", "tilde~~~~~~~~~~~~ and more",
	"non-ASCII Zürich — “quoted” text", "ends with a space after eight bytes ",
	"two  spaces at byte six", "abcdefg  hij", "abcdefgh  ijk", "abcdefghi jklmnopq rst",
	"\x00\x01\x1f control", "a\x80b", strings.Repeat("word ", 40) + "end",
}

func TestLenIsTheLongestPlainPrefix(t *testing.T) {
	for _, c := range cases {
		for i := range len(c) + 1 {
			if got, want := plainrun.Len(c[i:]), plainLen(c[i:]); got != want {
				t.Errorf("Len(%q) = %d, want %d", c[i:], got, want)
			}
		}
	}
}

func FuzzLen(f *testing.F) {
	for _, c := range cases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := plainrun.Len(s), plainLen(s); got != want {
			t.Errorf("Len(%q) = %d, want %d", s, got, want)
		}
	})
}

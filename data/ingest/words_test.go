package ingest

import (
	"strings"
	"testing"
)

func TestMoreWordsThanCountsAsFields(t *testing.T) {
	for _, s := range []string{"", " ", "one", " one  two\tthree\n", "a\u00a0b\u2003c\u0085d", "bad \xff utf-8 \xe2\x82", "WORLD BANK SEES SLOWER GROWTH"} {
		n := len(strings.Fields(s))
		for limit := range n + 2 {
			if got := moreWordsThan(s, limit); got != (n > limit) {
				t.Errorf("moreWordsThan(%q, %d) = %v; strings.Fields finds %d words", s, limit, got, n)
			}
		}
	}
}

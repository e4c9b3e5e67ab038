package store_test

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/store"
)

// collapsedHash is the definition of the body hash: sha256 of the words of
// the body, as strings.Fields finds them, joined by one space.
func collapsedHash(body string) string {
	sum := sha256.Sum256([]byte(strings.Join(strings.Fields(body), " ")))
	return hex.EncodeToString(sum[:])
}

var hashBodies = []string{
	"",
	" \n\t ",
	"word",
	"Two words.",
	"  SALVADOR, Feb 26 - Showers continued\nthroughout the week.\n\n    The dry period means the temporao will be late.  ",
	"Paragraph one.\r\n\r\nParagraph two,\twith a tab\vand a vertical tab\fand a form feed.",
	"no\u00a0break\u2003em\u3000ideographic\u2028line\u0085next\u1680ogham\u202fnarrow\u205fmath space",
	"zero\u200bwidth and BOM\ufeff are not white space",
	"Ünïcödé wörds — and “quotes” in 北京 text",
	"invalid \xff\xfe bytes \xc2 and a cut \xe2\x80 space",
	strings.Repeat("long-word", 1000) + "  " + strings.Repeat("a ", 3000) + strings.Repeat("\n", 5000) + "end",
}

func TestBodyHashCollapsesWhiteSpace(t *testing.T) {
	for _, body := range hashBodies {
		if got, want := store.BodyHash(body), collapsedHash(body); got != want {
			t.Errorf("BodyHash(%q) = %s, want %s", body, got, want)
		}
	}
	// A known value: projects on disk hold hashes made this way.
	if got, want := store.BodyHash(" Rain  fell.\n\nCrops   grew. "), "e06296e7390704c2e4b6c39f22a9ab1b87429c1aa98d31d2ad6f961f1530a1f9"; got != want {
		t.Errorf("BodyHash = %s, want %s (sha256 of \"Rain fell. Crops grew.\")", got, want)
	}
}

func FuzzBodyHash(f *testing.F) {
	for _, body := range hashBodies {
		f.Add(body)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if got, want := store.BodyHash(body), collapsedHash(body); got != want {
			t.Errorf("BodyHash(%q) = %s, want %s", body, got, want)
		}
	})
}

// BenchmarkBodyHash hashes a news-length body of wrapped, indented lines.
func BenchmarkBodyHash(b *testing.B) {
	line := "    The dry period means the temporao will be late this year,\n"
	body := strings.Repeat(line+"arrivals for the week ended February 22 were 155,221 bags\n\n", 10)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		store.BodyHash(body)
	}
}

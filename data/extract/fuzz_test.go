package extract_test

import (
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks that any text is coded without panicking and that every
// span it reports lies inside the text.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{"", ".", "U.S.", "Xi Jinping (習近平) urged Trump.", "Canada and the EU on Monday signed a pact.",
		"’s", "(", "“!”", "Jan. 20, 2025", "US$11", "-", "A.B.C.", "Iran-backed", "said on Friday yesterday last week"} {
		f.Add(s, "2025-01-18")
		f.Add(s, "")
	}
	x := newExtractor(f)
	f.Fuzz(func(t *testing.T, text, published string) {
		if !utf8.ValidString(text) {
			return
		}
		n := utf8.RuneCountInString(text)
		r := x.Extract(text, published)
		for _, e := range r.Entities {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > n || m.Start >= m.End {
					t.Fatalf("entity %q: span %v outside text of %d runes", e.Name, m, n)
				}
			}
		}
		for _, ev := range r.Events {
			if ev.Start < 0 || ev.End > n || ev.Start >= ev.End {
				t.Fatalf("event span %d..%d outside text of %d runes", ev.Start, ev.End, n)
			}
			for _, id := range append(append([]int{}, ev.Actors...), ev.Recipients...) {
				if id < 0 || id >= len(r.Entities) {
					t.Fatalf("event refers to entity %d of %d", id, len(r.Entities))
				}
			}
		}
	})
}

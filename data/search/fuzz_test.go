package search_test

import (
	"slices"
	"testing"

	"github.com/attache-app/attache/data/search"
)

// FuzzFindMatchesPlainFuzzy checks that the pre-filter never drops or
// reorders a match: for any name and query, Find gives what plain fuzzy.Find
// gives over the folded names.
func FuzzFindMatchesPlainFuzzy(f *testing.F) {
	for _, s := range [][2]string{
		{"Xi Jinping", "xjp"}, {"習近平", "近平"}, {"Cook Islands", "cook isl"}, {"Kelvin \u212a", "k"},
		{"ſtate", "S"}, {"İstanbul", "i"}, {"Straße", "SS"}, {"a\x00b", "ab"}, {"\xff\xfe", "\ufffd"},
		{"ǅemal", "ǆ"}, {"Ωmega", "ω"}, {"ﬁnance", "fi"}, {"Σίσυφος", "σς"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, name, query string) {
		entries := append(allEntries(), search.Entry{ID: 99999, Name: name, Aliases: []string{query + name}})
		ix := search.NewIndex(entries)
		want := reference(entries, query, 10)
		got := ix.Find(query, 10)
		if len(got) != len(want) {
			t.Fatalf("Find(%q) with %q: %d results, plain fuzzy %d\n got %+v\nwant %+v", query, name, len(got), len(want), got, want)
		}
		for i := range want {
			g, w := got[i], want[i]
			if g.ID != w.ID || g.Text != w.Text || g.Score != w.Score || !slices.Equal(g.Runes, w.Runes) {
				t.Fatalf("Find(%q)[%d] = %+v, plain fuzzy %+v", query, i, g, w)
			}
		}
	})
}

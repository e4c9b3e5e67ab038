package search_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/attache-app/attache/data/search"
	"github.com/sahilm/fuzzy"
)

func TestFindSeedEntities(t *testing.T) {
	ix := search.NewIndex(allEntries())
	tests := []struct {
		query   string
		wantID  int64
		text    string
		isAlias bool
		runes   []int
	}{
		{"xjp", 1, "Xi Jinping", false, []int{0, 3, 6}},
		{"XJP", 1, "Xi Jinping", false, []int{0, 3, 6}},
		{"近平", 1, "習近平", true, []int{1, 2}},
		{"習近平", 1, "習近平", true, []int{0, 1, 2}},
		{"cook isl", 4, "Cook Islands", false, []int{0, 1, 2, 3, 4, 5, 6, 7}},
		{"  Cook   ISL ", 4, "Cook Islands", false, []int{0, 1, 2, 3, 4, 5, 6, 7}},
		{"rubio", 3, "Rubio", true, []int{0, 1, 2, 3, 4}},
		{"marco rub", 3, "Marco Rubio", false, []int{0, 1, 2, 3, 4, 5, 6, 7, 8}},
		{"韓國", 5, "韓國瑜", true, []int{0, 1}},
		{"han kuo", 5, "Han Kuo-yu", false, []int{0, 1, 2, 3, 4, 5, 6}},
		{"trump", 2, "Trump", true, []int{0, 1, 2, 3, 4}},
		{"aei", 13, "AEI", true, []int{0, 1, 2}},
		{"us supreme", 12, "US Supreme Court", false, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := ix.Find(tt.query, 10)
			if len(got) == 0 {
				t.Fatalf("Find(%q) found nothing", tt.query)
			}
			m := got[0]
			if m.ID != tt.wantID || m.Text != tt.text || m.IsAlias != tt.isAlias || !slices.Equal(m.Runes, tt.runes) {
				t.Errorf("Find(%q)[0] = %+v, want id %d text %q alias %v runes %v (all: %+v)",
					tt.query, m, tt.wantID, tt.text, tt.isAlias, tt.runes, got)
			}
		})
	}
}

func TestFindEachEntityOnceWithItsBestName(t *testing.T) {
	ix := search.NewIndex(allEntries())
	got := ix.Find("china", 0)
	seen := map[int64]bool{}
	for _, m := range got {
		if seen[m.ID] {
			t.Fatalf("entity %d listed twice in %+v", m.ID, got)
		}
		seen[m.ID] = true
	}
	// China's canonical name "China" beats its alias "People's Republic of China".
	if len(got) == 0 || got[0].ID != 8 || got[0].Text != "China" || got[0].IsAlias {
		t.Fatalf("Find(china)[0] = %+v, want the canonical name of entity 8", got)
	}
	if !seen[10] || !seen[20] {
		t.Errorf("Find(china) = %+v, want Taiwan (Republic of China) and the Chinese ministry too", got)
	}
	for i := 1; i < len(got); i++ {
		if got[i].Score > got[i-1].Score {
			t.Fatalf("results not ordered by score: %+v", got)
		}
	}
	if n := len(ix.Find("china", 2)); n != 2 {
		t.Errorf("limit 2 gave %d results", n)
	}
}

func TestFindIgnoresDiacriticsAndWidth(t *testing.T) {
	ix := search.NewIndex([]search.Entry{
		{ID: 1, Name: "Recep Tayyip Erdoğan"},
		{ID: 2, Name: "ＵＮＥＳＣＯ"},
		{ID: 3, Name: "Søren Nielsen"},
		{ID: 4, Name: "Ekrem İmamoğlu"},
	})
	tests := []struct {
		query  string
		wantID int64
		runes  []int
	}{
		{"erdogan", 1, []int{13, 14, 15, 16, 17, 18, 19}},
		{"ERDOĞAN", 1, []int{13, 14, 15, 16, 17, 18, 19}},
		{"unesco", 2, []int{0, 1, 2, 3, 4, 5}},
		{"imamoglu", 4, []int{6, 7, 8, 9, 10, 11, 12, 13}},
		{"søren", 3, []int{0, 1, 2, 3, 4}},
	}
	for _, tt := range tests {
		got := ix.Find(tt.query, 1)
		if len(got) != 1 || got[0].ID != tt.wantID || !slices.Equal(got[0].Runes, tt.runes) {
			t.Errorf("Find(%q) = %+v, want entity %d runes %v", tt.query, got, tt.wantID, tt.runes)
		}
	}
}

func TestFindNothing(t *testing.T) {
	ix := search.NewIndex(allEntries())
	for _, q := range []string{"", "   ", "qqqqzzzz", "平近"} {
		if got := ix.Find(q, 10); len(got) != 0 {
			t.Errorf("Find(%q) = %+v, want nothing", q, got)
		}
	}
}

func TestFindSpaceMatchesASpace(t *testing.T) {
	ix := search.NewIndex([]search.Entry{{ID: 1, Name: "Cookisland Bakery"}, {ID: 2, Name: "Cook Islands"}})
	if got := ix.Find("cook isl", 0); len(got) != 1 || got[0].ID != 2 {
		t.Errorf("Find(cook isl) = %+v, want only Cook Islands", got)
	}
	if got := ix.Find("cookisl", 0); len(got) != 2 {
		t.Errorf("Find(cookisl) = %+v, want both names", got)
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Xi Jinping", "Xi Jinping"},
		{"Erdoğan", "Erdogan"},
		{"Ｘｉ", "Xi"},
		{"São\u00a0Tomé\tand\nPríncipe", "Sao Tome and Principe"},
		{"習近平", "習近平"},
		{"ﬁnance", "ﬁnance"}, // a ligature would change the rune count: kept
		{"서울", "서울"},         // Hangul syllables decompose to several jamo: kept
	}
	for _, tt := range tests {
		got := search.Fold(tt.in)
		if got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if utf8.RuneCountInString(got) != utf8.RuneCountInString(tt.in) {
			t.Errorf("Fold(%q) changed the rune count", tt.in)
		}
	}
}

// reference is what plain fuzzy.Find gives over every folded name and alias
// of entries, reduced to the first (best) match of each entity.
func reference(entries []search.Entry, query string, limit int) []search.Match {
	var keys, texts []string
	var owners []int64
	var alias []bool
	for _, e := range entries {
		for j, s := range append([]string{e.Name}, e.Aliases...) {
			if s == "" {
				continue
			}
			keys = append(keys, search.Fold(s))
			texts = append(texts, s)
			owners = append(owners, e.ID)
			alias = append(alias, j > 0)
		}
	}
	q := strings.Join(strings.Fields(search.Fold(query)), " ")
	var out []search.Match
	seen := map[int64]bool{}
	for _, f := range fuzzy.Find(q, keys) {
		if seen[owners[f.Index]] {
			continue
		}
		seen[owners[f.Index]] = true
		var runes []int
		for _, b := range f.MatchedIndexes {
			runes = append(runes, utf8.RuneCountInString(keys[f.Index][:b]))
		}
		out = append(out, search.Match{ID: owners[f.Index], Text: texts[f.Index], IsAlias: alias[f.Index], Runes: runes, Score: f.Score})
		if len(out) == limit {
			break
		}
	}
	return out
}

// TestFindSameTop10AsPlainFuzzy checks on 100,000 names that Find gives
// exactly what plain fuzzy.Find gives (top 1, 10 and 64 entities).
func TestFindSameTop10AsPlainFuzzy(t *testing.T) {
	n, nq := 100_000, 300
	if testing.Short() || raceEnabled {
		n, nq = 20_000, 100
	}
	entries := append(generatedEntries(n, 7), allEntries()...)
	ix := search.NewIndex(entries)
	names := generatedNames(2000, 99)
	qs := append(queries(names, nq, 5), "xjp", "近平", "cook isl", "rubio", "a", "e", "王", "z", "de ", "mi ca", "İ", "K", "ſ")
	nonEmpty := 0
	for _, q := range qs {
		all := reference(entries, q, 64)
		if len(all) > 0 {
			nonEmpty++
		}
		for _, limit := range []int{1, 10, 64} {
			want := all[:min(limit, len(all))]
			got := ix.Find(q, limit)
			if len(got) != len(want) {
				t.Fatalf("Find(%q, %d): %d results, plain fuzzy %d\n got %+v\nwant %+v", q, limit, len(got), len(want), got, want)
			}
			for i := range want {
				g, w := got[i], want[i]
				if g.ID != w.ID || g.Text != w.Text || g.IsAlias != w.IsAlias || g.Score != w.Score || !slices.Equal(g.Runes, w.Runes) {
					t.Fatalf("Find(%q, %d)[%d] = %+v, plain fuzzy %+v", q, limit, i, g, w)
				}
			}
		}
	}
	if nonEmpty < len(qs)*3/4 {
		t.Errorf("only %d of %d queries found anything: the generated queries are not realistic", nonEmpty, len(qs))
	}
}

func TestFindEntriesSharingAnID(t *testing.T) {
	ix := search.NewIndex([]search.Entry{
		{ID: 7, Name: "Xi Jinping"},
		{ID: 8, Name: "Xi'an"},
		{ID: 7, Name: "President Xi", Aliases: []string{"Xi"}},
	})
	got := ix.Find("xi", 0)
	if len(got) != 2 || got[0].ID != 7 || got[0].Text != "Xi" || got[1].ID != 8 {
		t.Errorf("Find(xi) = %+v, want entity 7 once (by its alias Xi), then 8", got)
	}
}

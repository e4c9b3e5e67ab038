package textsearch_test

import (
	"fmt"
	"testing"

	"github.com/attache-app/attache/data/store/internal/textsearch"
)

func TestIndexWordsFoldCaseAndAccentsAndCountTitleAndBody(t *testing.T) {
	got := fmt.Sprint(textsearch.IndexWords("Café talks", "CAFE owners talk; the café's talks went on. Québec"))
	want := "[{cafe 1 2} {talks 1 1} {owners 0 1} {talk 0 1} {the 0 1} {s 0 1} {went 0 1} {on 0 1} {quebec 0 1}]"
	if got != want {
		t.Errorf("IndexWords = %s\nwant %s", got, want)
	}
}

func TestIndexGramsCountPairsAndRunEnds(t *testing.T) {
	got := fmt.Sprint(textsearch.IndexGrams("北京", "北京和上海。北京"))
	want := "[{北京 3} {京 2} {京和 1} {和上 1} {上海 1} {海 1}]" // 京 ends the title's run and the last one
	if got != want {
		t.Errorf("IndexGrams = %s, want %s", got, want)
	}
	if g := textsearch.IndexGrams("Talks", "No CJK here."); len(g) != 0 {
		t.Errorf("grams of Latin text: %v", g)
	}
}

func TestTermCountFindsPhrasesPrefixesAndCJK(t *testing.T) {
	text := "Interest rates rose; interest-rate cuts and interest rates again. 利率上升，利率"
	for _, c := range []struct {
		query string
		want  int
	}{
		{`"interest rates"`, 2},
		{`"interest rate*"`, 1}, // a star inside quotes is punctuation
		{`interest*`, 3},
		{`Rates`, 2},
		{`利率`, 2},
		{`"rose interest"`, 1}, // punctuation only separates words
		{`"rates interest"`, 0},
	} {
		q := textsearch.Parse(c.query)
		if len(q.Terms) != 1 {
			t.Fatalf("%s: %d terms", c.query, len(q.Terms))
		}
		if got := q.Terms[0].Count(text); got != c.want {
			t.Errorf("%s occurs %d times, want %d", c.query, got, c.want)
		}
	}
	if w := textsearch.Parse(`"U.S. Élysée"`).Terms[0].Words(); fmt.Sprint(w) != "[u s elysee]" {
		t.Errorf("words %v", w)
	}
}

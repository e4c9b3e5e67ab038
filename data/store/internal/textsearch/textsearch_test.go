package textsearch_test

import (
	"strings"
	"testing"

	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/internal/textsearch"
)

func TestParseCutsWordsPhrasesPrefixesAndCJK(t *testing.T) {
	q := textsearch.Parse(`"phone call" Trump* 習近平說 --`)
	var got []string
	for _, t := range q.Terms {
		s := t.Text
		if t.Prefix {
			s += "*"
		}
		if t.CJK {
			s = "cjk:" + s
		}
		got = append(got, s)
	}
	if want := "phone call|Trump*|cjk:習近平說"; strings.Join(got, "|") != want {
		t.Errorf("terms = %q, want %q", strings.Join(got, "|"), want)
	}
	if !textsearch.Parse(` "" * -- `).Empty() {
		t.Error("a query of punctuation is not empty")
	}
}

func TestLocateMarksFoldedPrefixAndCJKHits(t *testing.T) {
	body := "Le président Macron a parlé avec 習近平 à Pékin."
	first, snippet := textsearch.Parse("PRESIDENT pek* 近平").Locate(body)
	if first != 3 {
		t.Errorf("first hit at %d, want 3", first)
	}
	for _, hit := range []string{"président", "Pékin", "近平"} {
		if !strings.Contains(snippet, store.HitStart+hit+store.HitEnd) {
			t.Errorf("snippet %q does not mark %q", snippet, hit)
		}
	}
}

func TestGramsAndBigrams(t *testing.T) {
	if got := textsearch.Grams("Xi 習近平 said", "台灣"); got != "習近 近平 平 台灣 灣 " {
		t.Errorf("Grams = %q", got)
	}
	if got := strings.Join(textsearch.Bigrams("習近平"), " "); got != "習近 近平" {
		t.Errorf("Bigrams = %q", got)
	}
}

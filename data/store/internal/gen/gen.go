// Package gen generates deterministic news-like articles for the store's
// benchmarks and its comparison script.
package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Article is a generated article.
type Article struct {
	Title, Publication, Published, Body string
}

// common holds frequent English and news words, most frequent first; the
// generated lexicon continues with made-up words so that word frequencies
// follow Zipf's law over a realistic vocabulary.
var common = strings.Fields(`the of and to in a said that for on with as was by at from his is
minister government president talks trade tariffs security military foreign ministry officials
agreement visit summit meeting call phone spokesman statement week year month day Friday Monday
Tuesday Wednesday Thursday yesterday countries relations cooperation sanctions embassy border
defense exercises navy coast guard islands strait economic exports imports investment chips
semiconductor industry election parliament legislature senator opposition party leader campaign
policy pressure warned urged called accused rejected agreed signed announced pledged vowed
expected would could should also but after before while during since against between about more
than most some many other new first second last early later further regional international
global national local state public private report reports according told reporters press news
agency sources analysts experts observers think tank university professor former current deputy
chief envoy ambassador delegation talks negotiations dialogue framework partnership alliance
treaty support aid assistance humanitarian crisis conflict tension tensions dispute claims
sovereignty territory waters maritime airspace aircraft ships vessels drills missile launch
test nuclear energy oil gas climate market markets stocks currency bank central inflation growth
slowdown recovery budget spending tax reform law court ruling ban company companies platform
social media users data privacy technology artificial intelligence research students workers`)

// lexiconSize is the number of distinct words drawn from.
const lexiconSize = 40000

var lexicon = buildLexicon()

// functionWords are the first len(functionWords) entries of common; the
// other common words are spread out over the ranks that follow, the way
// topical words are in a real news corpus.
const functionWords = 20

func buildLexicon() []string {
	syllables := strings.Fields("ka lo mi ren tas vo bel dun fir gan hol jem kor lum nar pes quin rol sav tem ur vin wes yor zel")
	seen := map[string]bool{}
	for _, w := range common {
		seen[w] = true
	}
	rng := rand.New(rand.NewPCG(42, 42))
	made := func() string {
		for {
			var b strings.Builder
			for range 2 + rng.IntN(3) {
				b.WriteString(syllables[rng.IntN(len(syllables))])
			}
			if w := b.String(); !seen[w] {
				seen[w] = true
				return w
			}
		}
	}
	out := append([]string(nil), common[:functionWords]...)
	topical := common[functionWords:]
	for len(out) < lexiconSize {
		if len(topical) > 0 && (len(out)-functionWords)%12 == 0 {
			out = append(out, topical[0])
			topical = topical[1:]
			continue
		}
		out = append(out, made())
	}
	return out
}

// Word returns the generated word of the given frequency rank (0 = most
// frequent), for benchmarks that need words of known frequency.
func Word(rank int) string { return lexicon[rank] }

var names = []string{"Xi Jinping (習近平)", "Lai Ching-te (賴清德)", "Han Kuo-yu (韓國瑜)", "Donald Trump",
	"Marco Rubio", "Ferdinand Marcos Jr", "Yoon Suk Yeol (윤석열)", "Shigeru Ishiba (石破茂)", "Wang Yi (王毅)",
	"Antony Blinken", "Anthony Albanese", "Narendra Modi", "Emmanuel Macron", "Olaf Scholz", "Kishida Fumio"}

var places = []string{"Beijing", "Washington", "Taipei", "Manila", "Tokyo", "Seoul", "Canberra", "New Delhi",
	"Brussels", "Paris", "Berlin", "Hanoi", "Jakarta", "Moscow", "Kyiv", "London", "Ottawa", "Wellington"}

var outlets = []string{"Taipei Times", "Focus Taiwan", "Rappler", "Kyodo", "Yonhap", "Reuters", "AFP"}

// Articles returns n articles of about the given number of words each; the
// same seed always gives the same articles.
func Articles(n, wordsEach int, seed uint64) []Article {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]Article, n)
	for i := range out {
		out[i] = Article{
			Title:       title(rng),
			Publication: outlets[rng.IntN(len(outlets))],
			Published:   fmt.Sprintf("20%02d-%02d-%02d", 20+rng.IntN(6), 1+rng.IntN(12), 1+rng.IntN(28)),
			Body:        body(rng, i, wordsEach),
		}
	}
	return out
}

func title(rng *rand.Rand) string {
	var b strings.Builder
	b.WriteString(places[rng.IntN(len(places))])
	for range 5 + rng.IntN(5) {
		b.WriteByte(' ')
		b.WriteString(common[20+rng.IntN(len(common)-20)])
	}
	return b.String()
}

func body(rng *rand.Rand, index, total int) string {
	zipf := rand.NewZipf(rng, 1.07, 2, lexiconSize-1)
	var b strings.Builder
	b.Grow(total * 7)
	fmt.Fprintf(&b, "%s, %s — ", strings.ToUpper(places[rng.IntN(len(places))]), []string{"Friday", "Monday", "Yesterday"}[rng.IntN(3)])
	n, sentence := 0, 0
	for n < total {
		length := 12 + rng.IntN(18)
		for w := range length {
			var word string
			switch r := rng.IntN(200); {
			case r == 0:
				word = names[rng.IntN(len(names))]
			case r < 3:
				word = places[rng.IntN(len(places))]
			default:
				word = lexicon[zipf.Uint64()]
			}
			if w == 0 {
				word = strings.ToUpper(word[:1]) + word[1:]
			}
			b.WriteString(word)
			if w < length-1 {
				b.WriteByte(' ')
			}
		}
		n += length
		sentence++
		if sentence == 3 {
			fmt.Fprintf(&b, " (ref %d).", index)
		} else {
			b.WriteByte('.')
		}
		if rng.IntN(4) == 0 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return strings.TrimSpace(b.String())
}

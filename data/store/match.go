package store

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The FTS5 index finds and ranks articles; the hits inside a found article
// are located in Go, with a tokenizer that follows unicode61 with
// remove_diacritics (letters, digits and marks make words; case and accents
// are ignored). This is much cheaper than asking FTS5 to highlight each body.

type token struct {
	text       string // folded
	start, end int    // rune offsets
}

// tokenize splits text into folded words with their rune spans.
func tokenize(text string) []token {
	var toks []token
	var b strings.Builder
	start, pos := -1, 0
	flush := func() {
		if start >= 0 {
			toks = append(toks, token{fold(b.String()), start, pos})
			b.Reset()
			start = -1
		}
	}
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.Is(unicode.Co, r) {
			if start < 0 {
				start = pos
			}
			b.WriteRune(r)
		} else {
			flush()
		}
		pos++
	}
	flush()
	return toks
}

// fold lower-cases a word and strips its diacritics.
func fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(w)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// phrase is a sequence of folded words; prefix makes the last one a prefix.
type phrase struct {
	words  []string
	prefix bool
}

// findPhrases returns the rune spans where any phrase occurs in toks.
func findPhrases(toks []token, phrases []phrase) []Span {
	var spans []Span
	for i := range toks {
		for _, p := range phrases {
			n := len(p.words)
			if n == 0 || i+n > len(toks) {
				continue
			}
			ok := true
			for j, w := range p.words {
				t := toks[i+j].text
				if j == n-1 && p.prefix {
					ok = strings.HasPrefix(t, w)
				} else {
					ok = t == w
				}
				if !ok {
					break
				}
			}
			if ok {
				spans = append(spans, Span{toks[i].start, toks[i+n-1].end})
			}
		}
	}
	return spans
}

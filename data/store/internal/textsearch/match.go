package textsearch

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/attache-app/attache/data/model"
	"golang.org/x/text/unicode/norm"
)

// An engine's index finds and ranks articles; the hits inside a found
// article are located here, with a tokenizer that follows SQLite FTS5's
// unicode61 with remove_diacritics (letters, digits and marks make words;
// case and accents are ignored), so every engine marks the same hits. This
// is much cheaper than asking the index to highlight each body.

// token is a word of a text: its byte range and its rune span.
type token struct {
	b0, b1 int // bytes
	start  int // runes
	end    int
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.Is(unicode.Co, r)
}

// tokenize splits text into words without copying it.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/6)
	in := false
	var cur token
	pos := 0
	for i, r := range text {
		if isWordRune(r) {
			if !in {
				cur = token{b0: i, start: pos}
				in = true
			}
		} else if in {
			cur.b1, cur.end = i, pos
			toks = append(toks, cur)
			in = false
		}
		pos++
	}
	if in {
		cur.b1, cur.end = len(text), pos
		toks = append(toks, cur)
	}
	return toks
}

// fold lower-cases a word and strips its diacritics.
func fold(w string) string {
	if isASCII(w) {
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

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// wordMatches reports whether word (as written in the text) equals the folded
// query word w, or starts with it when prefix is set.
func wordMatches(word, w string, prefix bool) bool {
	if !isASCII(word) {
		word = fold(word)
		if prefix {
			return strings.HasPrefix(word, w)
		}
		return word == w
	}
	if prefix {
		return len(word) >= len(w) && strings.EqualFold(word[:len(w)], w)
	}
	return len(word) == len(w) && strings.EqualFold(word, w)
}

// phrase is a sequence of folded words; prefix makes the last one a prefix.
type phrase struct {
	words  []string
	prefix bool
}

// queryPhrase turns a query term into a phrase of folded words.
func queryPhrase(text string, prefix bool) phrase {
	p := phrase{prefix: prefix}
	for _, t := range tokenize(text) {
		p.words = append(p.words, fold(text[t.b0:t.b1]))
	}
	return p
}

// findPhrases returns the rune spans where any phrase occurs in text. Once a
// hit is found, scanning stops limit runes after it (limit < 0: never).
func findPhrases(text string, phrases []phrase, limit int) []model.Span {
	longest := 0
	for _, p := range phrases {
		longest = max(longest, len(p.words))
	}
	if longest == 0 {
		return nil
	}
	var spans []model.Span
	// Only the last few words can end in a hit, so they are kept in a ring
	// rather than tokenizing the whole body.
	ring := make([]token, longest)
	seen := 0 // words so far; the last one is ring[(seen-1)%longest]
	at := func(k int) token { return ring[k%longest] }
	stop := -1
	match := func() {
		for _, p := range phrases {
			n := len(p.words)
			if n == 0 || n > seen {
				continue
			}
			first := seen - n
			ok := true
			for j, w := range p.words {
				t := at(first + j)
				if ok = wordMatches(text[t.b0:t.b1], w, p.prefix && j == n-1); !ok {
					break
				}
			}
			if ok {
				spans = append(spans, model.Span{Start: at(first).start, End: at(seen - 1).end})
				if stop < 0 && limit >= 0 {
					stop = at(first).start + limit
				}
			}
		}
	}
	in := false
	var cur token
	pos := 0
	for i, r := range text {
		var word bool
		if r < utf8.RuneSelf {
			word = asciiWord[r]
		} else {
			word = isWordRune(r)
		}
		if word {
			if !in {
				if stop >= 0 && pos > stop {
					return spans
				}
				cur = token{b0: i, start: pos}
				in = true
			}
		} else if in {
			cur.b1, cur.end = i, pos
			ring[seen%longest] = cur
			seen++
			match()
			in = false
		}
		pos++
	}
	if in {
		cur.b1, cur.end = len(text), pos
		ring[seen%longest] = cur
		seen++
		match()
	}
	return spans
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for r := range rune(utf8.RuneSelf) {
		t[r] = isWordRune(r)
	}
	return t
}()

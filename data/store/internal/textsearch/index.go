package textsearch

import (
	"strings"
	"unicode/utf8"
)

// This file serves engines that keep their own word index (PostgreSQL):
// they index the same words, and count the same hits, as the SQLite
// engine's FTS5 index does.

// IndexWord is a folded word of an article and how often it occurs in the
// title and in the body.
type IndexWord struct {
	Word        string
	Title, Body int
}

// IndexWords returns the distinct folded words of an article (unicode61
// with diacritics removed, as the word index holds them).
func IndexWords(title, body string) []IndexWord {
	at := map[string]int{}
	var out []IndexWord
	add := func(text string, inTitle bool) {
		for _, t := range tokenize(text) {
			w := fold(text[t.b0:t.b1])
			i, ok := at[w]
			if !ok {
				i = len(out)
				at[w] = i
				out = append(out, IndexWord{Word: w})
			}
			if inTitle {
				out[i].Title++
			} else {
				out[i].Body++
			}
		}
	}
	add(title, true)
	add(body, false)
	return out
}

// IndexGram is a CJK token of an article (a pair of characters, or the last
// character of a run) and how often it occurs in title and body together.
type IndexGram struct {
	Gram  string
	Count int
}

// IndexGrams returns the distinct CJK tokens of an article, as Grams lays
// them out; none for an article without CJK text.
func IndexGrams(title, body string) []IndexGram {
	at := map[string]int{}
	var out []IndexGram
	for g := range strings.FieldsSeq(Grams(title, body)) {
		i, ok := at[g]
		if !ok {
			i = len(out)
			at[g] = i
			out = append(out, IndexGram{Gram: g})
		}
		out[i].Count++
	}
	return out
}

// Words returns the folded words of a term of letters and digits, as the
// word index holds them.
func (t Term) Words() []string { return queryPhrase(t.Text, t.Prefix).words }

// Count returns how often the term occurs in text: as a phrase of words
// (the last a prefix when Prefix is set), or for a CJK term as a substring.
func (t Term) Count(text string) int {
	if t.CJK {
		return strings.Count(text, t.Text)
	}
	return len(findPhrases(text, []phrase{queryPhrase(t.Text, t.Prefix)}, -1))
}

// Runes is the length of the term's text in characters.
func (t Term) Runes() int { return utf8.RuneCountInString(t.Text) }

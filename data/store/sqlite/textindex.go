package sqlite

import "strings"

// This file gives other engines the project file's text rules, so that a
// search finds and ranks the same articles whichever engine holds them: the
// words the full-text index holds (unicode61 with diacritics removed, as
// the FTS5 index), the CJK bigrams, how a query is read, and how a hit's
// snippet is cut.

// IndexWord is a folded word of an article and how often it occurs in the
// title and in the body.
type IndexWord struct {
	Word        string
	Title, Body int
}

// IndexWords returns the distinct folded words of an article, as the
// full-text index holds them.
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

// IndexGrams returns the distinct CJK tokens of an article, as the CJK index
// holds them; none for an article without CJK text.
func IndexGrams(title, body string) []IndexGram {
	at := map[string]int{}
	var out []IndexGram
	for g := range strings.FieldsSeq(cjkGrams(title, body)) {
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

// Query is a search query as the engines read it: every term must match.
type Query struct {
	// Phrases are the terms in letters and digits: each a sequence of
	// folded words that must occur in that order, the last one a prefix
	// when Prefix is set.
	Phrases []QueryPhrase
	// CJK are the runs of CJK characters searched for; each must occur as
	// written (a run of one character: any pair that starts with it).
	CJK []string
}

// QueryPhrase is one term of a query in letters and digits.
type QueryPhrase struct {
	Words  []string
	Prefix bool
}

// Empty reports whether nothing in the query can be searched for.
func (q Query) Empty() bool { return len(q.Phrases) == 0 && len(q.CJK) == 0 }

// ParseQuery reads what an analyst typed, as Search does: words must all
// occur, word* is a prefix, "several words" is a phrase, CJK text is found
// as written; nothing is a syntax error.
func ParseQuery(input string) Query {
	q := parseQuery(input)
	out := Query{CJK: q.needles}
	for _, p := range q.phrases {
		out.Phrases = append(out.Phrases, QueryPhrase{Words: p.words, Prefix: p.prefix})
	}
	return out
}

func (q Query) phrases() []phrase {
	ps := make([]phrase, len(q.Phrases))
	for i, p := range q.Phrases {
		ps[i] = phrase{words: p.Words, prefix: p.Prefix}
	}
	return ps
}

// CountPhrase returns how often phrase p occurs in text.
func CountPhrase(text string, p QueryPhrase) int {
	return len(findPhrases(text, []phrase{{words: p.Words, prefix: p.Prefix}}, -1))
}

// CountCJK returns how often the CJK run occurs in text.
func CountCJK(text, run string) int { return len(findNeedles(text, []string{run})) }

// HitSnippet cuts the snippet of a found article's body as Search does and
// returns it with the rune offset of the first hit in the body (-1 when
// only the title matched).
func HitSnippet(body string, q Query) (snippetText string, firstHit int) {
	spans := findPhrases(body, q.phrases(), snippetLength+snippetBefore)
	spans = mergeSpans(append(spans, findNeedles(body, q.CJK)...))
	firstHit = -1
	if len(spans) > 0 {
		firstHit = spans[0].Start
	}
	return snippet(body, spans), firstHit
}

package textsearch

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Term is one thing every match must contain: words of letters and digits
// (matched as a phrase by the word index, case and accents ignored), or a
// run of CJK characters (matched as a substring, through its bigrams).
type Term struct {
	Text   string
	Prefix bool // the last word is a prefix (word*)
	CJK    bool
}

// Query is what an analyst typed, parsed: the terms an engine's index must
// match, and what Locate needs to mark the hits.
type Query struct {
	Terms   []Term
	phrases []phrase
	needles []string // the CJK runs searched for
}

// Empty reports whether the query has nothing to search for.
func (q Query) Empty() bool { return len(q.Terms) == 0 }

// Parse reads what an analyst typed. Words must all match (in any order), a
// trailing * makes a word a prefix, and "double quotes" make a phrase.
// Characters that are neither letters nor digits only separate words, and
// CJK runs are cut from the words around them; no input is an error.
func Parse(input string) Query {
	var q Query
	addTerm := func(text string, prefix bool) {
		parts := splitScripts(text)
		for i, p := range parts {
			last := i == len(parts)-1
			if p.cjk {
				q.needles = append(q.needles, p.text)
				q.Terms = append(q.Terms, Term{Text: p.text, CJK: true})
				continue
			}
			if !strings.ContainsFunc(p.text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
				continue
			}
			q.phrases = append(q.phrases, queryPhrase(p.text, prefix && last))
			q.Terms = append(q.Terms, Term{Text: p.text, Prefix: prefix && last})
		}
	}
	// Control characters (NUL would end the query early inside SQLite) and
	// invalid UTF-8 only separate words.
	rest := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(input, " "))
	for rest != "" {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if rest == "" {
			break
		}
		if rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				addTerm(rest[1:], false)
				break
			}
			addTerm(rest[1:1+end], false)
			rest = rest[end+2:]
			continue
		}
		end := strings.IndexFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
		if end < 0 {
			end = len(rest)
		}
		word := rest[:end]
		rest = rest[end:]
		prefix := strings.HasSuffix(word, "*")
		addTerm(strings.TrimRight(word, "*"), prefix)
	}
	return q
}

type scriptPart struct {
	text string
	cjk  bool
}

// splitScripts cuts text into alternating CJK and other runs.
func splitScripts(text string) []scriptPart {
	var parts []scriptPart
	start, cur := 0, false
	for i, r := range text {
		c := IsCJK(r)
		if i > 0 && c != cur {
			parts = append(parts, scriptPart{text[start:i], cur})
			start = i
		}
		cur = c
	}
	if start < len(text) {
		parts = append(parts, scriptPart{text[start:], cur})
	}
	return parts
}

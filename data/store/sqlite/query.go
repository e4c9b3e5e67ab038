package sqlite

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ftsQuery is a user query translated to FTS5 MATCH expressions: latin for
// articles_fts, cjk (bigram phrases) for articles_cjk; needles are the CJK
// runs searched for, used to mark hits.
type ftsQuery struct {
	latin, cjk string
	needles    []string
	phrases    []phrase
}

func (q ftsQuery) empty() bool { return q.latin == "" && q.cjk == "" }

// parseQuery turns what an analyst typed into safe FTS5 expressions. Words
// must all match (in any order), a trailing * makes a word a prefix, and
// "double quotes" make a phrase. Every term is quoted, so no input can cause
// an FTS5 syntax error; characters that are neither letters nor digits only
// separate words.
func parseQuery(input string) ftsQuery {
	var latin, cjk []string
	var needles []string
	var phrases []phrase
	addTerm := func(text string, prefix bool) {
		parts := splitScripts(text)
		for i, p := range parts {
			last := i == len(parts)-1
			if p.cjk {
				needles = append(needles, p.text)
				if rs := []rune(p.text); len(rs) == 1 {
					cjk = append(cjk, `"`+p.text+`"*`)
				} else {
					cjk = append(cjk, `"`+strings.Join(bigrams(p.text), " ")+`"`)
				}
				continue
			}
			if !strings.ContainsFunc(p.text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
				continue
			}
			term := `"` + strings.ReplaceAll(p.text, `"`, `""`) + `"`
			if prefix && last {
				term += "*"
			}
			phrases = append(phrases, queryPhrase(p.text, prefix && last))
			latin = append(latin, term)
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
	return ftsQuery{latin: strings.Join(latin, " "), cjk: strings.Join(cjk, " "), needles: needles, phrases: phrases}
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
		c := isCJK(r)
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

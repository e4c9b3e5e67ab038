package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTitle is the longest generated title in runes, ellipsis included.
const maxTitle = 90

// titleFrom makes a title from an article's first paragraph: its first
// sentence (an upper-case kicker stays in front), shortened at a word
// boundary with an ellipsis.
func titleFrom(p string) string {
	if m := mdHeadingRe.FindStringSubmatch(p); m != nil {
		p = m[2]
	}
	if d := datelineOf(p); d != "" {
		rest := strings.TrimLeft(p[len(d):], " -—–")
		if rest != "" {
			p = rest
		}
	}
	return shorten(firstSentence(p), maxTitle)
}

// firstSentence returns s up to the end of its first sentence: final
// punctuation followed by a space and a capital, not after a common
// abbreviation or an initial.
func firstSentence(s string) string {
	for i, r := range s {
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		end := i + utf8.RuneLen(r)
		for end < len(s) && strings.ContainsRune("”’\"')", rune(s[end])) {
			end++
		}
		rest := s[end:]
		for _, q := range []string{"”", "’"} {
			for strings.HasPrefix(rest, q) {
				rest = rest[len(q):]
				end += len(q)
			}
		}
		if !strings.HasPrefix(rest, " ") {
			continue
		}
		next, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " “‘\"'("))
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) {
			continue
		}
		if r == '.' && isAbbreviation(s[:i]) {
			continue
		}
		return strings.TrimSpace(s[:end])
	}
	return s
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "sen": true,
	"rep": true, "gov": true, "gen": true, "col": true, "lt": true, "sgt": true, "capt": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true, "vs": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "jr": true, "sr": true, "etc": true,
}

// isAbbreviation reports whether the word before a full stop is an
// abbreviation or a single-letter initial ("U.S", "J").
func isAbbreviation(before string) bool {
	i := strings.LastIndexFunc(before, func(r rune) bool { return r == ' ' || r == '(' || r == '“' })
	w := before[i+1:]
	if i >= 0 {
		_, n := utf8.DecodeRuneInString(before[i:])
		w = before[i+n:]
	}
	if utf8.RuneCountInString(w) == 1 || strings.Contains(w, ".") {
		return true
	}
	return abbreviations[strings.ToLower(w)]
}

// shorten cuts s to at most max runes at a word boundary, adding an ellipsis
// when anything was cut.
func shorten(s string, max int) string {
	s = collapseSpace(s)
	if runeLen(s) <= max {
		return s
	}
	rs := []rune(s)
	cut := max - 1
	for cut > max/2 && !unicode.IsSpace(rs[cut]) {
		cut--
	}
	if !unicode.IsSpace(rs[cut]) {
		cut = max - 1
	}
	return strings.TrimRight(string(rs[:cut]), " ,;:-–—") + "…"
}

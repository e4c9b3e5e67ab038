package textsearch

import (
	"strings"
	"unicode"
)

// IsCJK reports whether r belongs to a script written without spaces between
// words (Han, Hiragana, Katakana) or one whose words are short (Hangul): such
// runs are indexed as overlapping bigrams.
func IsCJK(r rune) bool {
	if r < 0x1100 { // below Hangul Jamo, the first of these scripts
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// cjkRuns returns the maximal runs of CJK characters in s.
func cjkRuns(s string) []string {
	var runs []string
	start := -1
	for i, r := range s {
		switch {
		case IsCJK(r) && start < 0:
			start = i
		case !IsCJK(r) && start >= 0:
			runs = append(runs, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		runs = append(runs, s[start:])
	}
	return runs
}

// Bigrams returns the overlapping two-character tokens of a CJK run.
func Bigrams(run string) []string {
	rs := []rune(run)
	if len(rs) < 2 {
		return []string{run}
	}
	out := make([]string, 0, len(rs)-1)
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	return out
}

// Grams turns the CJK runs of a text into the document an engine indexes
// for CJK search: each run's bigrams followed by its last character alone,
// so that every character starts some token (a one-character query is a
// prefix query) and no bigram phrase can match across two runs.
func Grams(texts ...string) string {
	var b strings.Builder
	for _, t := range texts {
		for _, run := range cjkRuns(t) {
			rs := []rune(run)
			for i := 0; i+1 < len(rs); i++ {
				b.WriteString(string(rs[i : i+2]))
				b.WriteByte(' ')
			}
			b.WriteString(string(rs[len(rs)-1]))
			b.WriteByte(' ')
		}
	}
	return b.String()
}

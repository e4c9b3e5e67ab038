// Package inflect builds the regular inflections of English verbs, shared by
// the event lexicon of package extract and the gengazetteer command that
// writes its generated half.
package inflect

import "strings"

// Verb returns the regular -s, -ed and -ing forms of an English verb, or nil
// for a verb shorter than two letters.
func Verb(v string) []string {
	n := len(v)
	if n < 2 {
		return nil
	}
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	last := v[n-1]
	var s, ed, ing string
	switch {
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z") || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "sh"):
		s = v + "es"
	case last == 'y' && !vowel(v[n-2]):
		s = v[:n-1] + "ies"
	default:
		s = v + "s"
	}
	switch {
	case last == 'e':
		ed, ing = v+"d", v[:n-1]+"ing"
	case last == 'y' && !vowel(v[n-2]):
		ed, ing = v[:n-1]+"ied", v+"ing"
	case n >= 3 && n <= 4 && !vowel(last) && vowel(v[n-2]) && !vowel(v[n-3]) && strings.IndexByte("wxy", last) < 0:
		ed, ing = v+string(last)+"ed", v+string(last)+"ing"
	default:
		ed, ing = v+"ed", v+"ing"
	}
	return []string{s, ed, ing}
}

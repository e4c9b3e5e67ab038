package ingest

import (
	"regexp"
	"strings"
	"unicode"
)

// A wire signs each story off on a line of its own: the agency's name
// ("Reuter", "REUTER", "AP", "AFP"), a parenthesised credit line
// ("(Reporting by …; Editing by …)") or a "-- " delimiter. Such a line ends
// the story and is never part of its body. A bare agency name after the last
// sentence of a paragraph ("… in deposits. REUTER", "… next month. — AP") is
// a sign-off too and is cut from the paragraph.

// signOffNames are the names a sign-off gives: the agencies', but not "Staff
// writer", which opens a story as a byline does.
var signOffNames = strings.Replace(agencies, "|Staff writer", "", 1) + `|(?i:reuters?)`

var (
	signOffLineRe = regexp.MustCompile(`^(?:[-—–]{1,2}\s*)?(?:` + signOffNames + `)(?:\s*(?:\.\.\.|…))?$` +
		`|^\((?:(?:Additional )?[Rr]eporting|Writing|Compiled|Edited|Editing) by [^()]{2,250}\)$` +
		`|^--$`)
	trailingSignOffRe = regexp.MustCompile(`([.!?…][”’"')]*)\s+(?:[-—–]{1,2}\s*)?(?:` + signOffNames + `)(?:\s*(?:\.\.\.|…))?$`)
)

// signOffLastWords holds the last word of every sign-off name, for a cheap
// test before the expressions run.
var signOffLastWords = func() map[string]bool {
	m := map[string]bool{"reuter": true, "reuters": true}
	for _, name := range strings.Split(signOffNames, "|") {
		m[lastWord(name)] = true
	}
	return m
}()

// lastWord returns the last word of s in lower case, a hyphenated word's
// last part.
func lastWord(s string) string { return lower(s[strings.LastIndexAny(s, " -—–")+1:]) }

// endsWithSignOffName reports whether s ends with the last word of a
// sign-off name, an ellipsis allowed after it.
func endsWithSignOffName(s string) bool {
	s = strings.TrimRight(s, ".… ")
	w := s[strings.LastIndexAny(s, " -—–")+1:]
	if len(w) >= 16 {
		return false
	}
	var buf [16]byte
	return signOffLastWords[string(lowerBytes(buf[:0], w))]
}

// isSignOff reports a line or paragraph that is only a sign-off.
func isSignOff(s string) bool {
	switch {
	case s == "--":
		return true
	case strings.HasPrefix(s, "("):
		return len(s) <= 260 && strings.HasSuffix(s, ")") && signOffLineRe.MatchString(s)
	}
	return len(s) <= 40 && endsWithSignOffName(s) && (isSignOffName(s) || signOffLineRe.MatchString(s))
}

// signOffNamesExact are the names signOffLineRe takes as they are written.
var signOffNamesExact = func() map[string]bool {
	m := map[string]bool{}
	for _, name := range strings.Split(agencies, "|") {
		m[name] = name != "Staff writer"
	}
	return m
}()

// isSignOffName reports a line that is a sign-off name alone ("Reuter",
// "AP"), which signOffLineRe matches: a cheap test before it runs.
func isSignOffName(s string) bool {
	return signOffNamesExact[s] || strings.EqualFold(s, "reuter") || strings.EqualFold(s, "reuters")
}

// cutSignOff removes a sign-off that follows a paragraph's last sentence;
// it reports whether there was one.
func cutSignOff(s string) (string, bool) {
	if !endsWithSignOffName(s) {
		return s, false
	}
	loc := trailingSignOffRe.FindStringSubmatchIndex(tail(s))
	if loc == nil {
		return s, false
	}
	t := tail(s)
	return s[:len(s)-len(t)] + t[:loc[3]], true
}

// isCapsHeadline reports a line written in capitals, as wires print
// headlines: at least three letters, at most one in four of them lower case
// ("4th QTR NET"), not a sentence-long line.
func isCapsHeadline(s string) bool {
	// The letters first: they rule out most lines after a few words.
	return inCapitals(s) && !runesOver(s, 160) && !moreWordsThan(s, 25) && !strings.HasSuffix(s, ":") && !isSignOff(s)
}

// inCapitals reports at least three letters in s, at most one in four of
// them lower case.
func inCapitals(s string) bool {
	upper, low := 0, 0
	for i, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			low++
			// Even if every character left were a capital, too few.
			if low*4 > upper+len(s)-i {
				return false
			}
		}
	}
	return upper+low >= 3 && low*4 <= upper
}

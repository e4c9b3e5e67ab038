package ingest

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The readers' tests of lines and paragraphs take shortcuts (ASCII text
// lowered in place, expressions skipped where they cannot match, letters
// counted with an early way out). These tests hold each one to the plain
// reading it replaces, on tricky text and under fuzzing: a shortcut must
// never change an answer.

// Plain readings the shortcuts replace.

func plainRuneLen(s string) int { return utf8.RuneCountInString(s) }

func plainIsCollapsed(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' || (c == ' ' && s[i+1] == ' ') {
			return false
		}
	}
	return true
}

func plainEndsWithSignOffName(s string) bool {
	s = strings.TrimRight(s, ".… ")
	w := s[strings.LastIndexAny(s, " -—–")+1:]
	return len(w) < 16 && signOffLastWords[lower(w)]
}

func plainIsSignOff(s string) bool {
	switch {
	case s == "--":
		return true
	case strings.HasPrefix(s, "("):
		return len(s) <= 260 && signOffLineRe.MatchString(s)
	}
	return len(s) <= 40 && plainEndsWithSignOffName(s) && signOffLineRe.MatchString(s)
}

func plainIsCapsHeadline(s string) bool {
	if plainRuneLen(s) > 160 || moreWordsThan(s, 25) || strings.HasSuffix(s, ":") || plainIsSignOff(s) {
		return false
	}
	upper, low := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			low++
		}
	}
	return upper+low >= 3 && low*4 <= upper
}

func plainIsCredit(s string) bool {
	if len(s) > 400 || plainRuneLen(s) > 100 {
		return false
	}
	l := lower(s)
	if !strings.ContainsAny(l, ":/©") && !strings.Contains(l, " by ") && !strings.Contains(l, "courtesy") &&
		!strings.Contains(l, "(c)") && !strings.Contains(l, "copyright") {
		return false
	}
	return creditRe.MatchString(s)
}

func plainIsHeadline(s string) bool {
	if s == "" || plainRuneLen(s) > 120 || moreWordsThan(s, 14) {
		return false
	}
	if mdHeadingRe.MatchString(s) {
		return true
	}
	if endsSentence(s) || strings.HasSuffix(s, ",") || strings.HasSuffix(s, ";") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("‘'\"“", r)
}

func plainOpensWithDateline(s string) bool {
	if endsWithDash(s) {
		s += " …"
	}
	return datelineCapsRe.MatchString(s) || datelineWireRe.MatchString(s)
}

func plainLooksHTML(s string) bool {
	l := lower(s[:min(len(s), 2048)])
	for _, t := range []string{"<p>", "<p ", "<br", "</", "<div", "&lt;p&gt;"} {
		if strings.Contains(l, t) {
			return true
		}
	}
	return false
}

// shortcutTexts are lines and paragraphs where a shortcut could go wrong:
// letters that fold or lower to ASCII ones (ſ, K, İ), dashes and ellipses
// of several bytes, invalid UTF-8, sign-offs, credits, headlines,
// datelines, HTML signs in any case and dates.
var shortcutTexts = []string{
	"", " ", "Reuter", "REUTER", "reuters", "ReuterS", "Reuterſ", "Reuters…", "Reuter...", "-- AP", "— AFP", "– Reuters",
	"AP", "Agence France-Presse", "The Associated Press", "Staff writer", "Kyodo", "(Reporting by Jane Doe; Editing by Tom Roe)",
	"(Reporting by Jane Doe", "--", "… in deposits. REUTER", "said the bank—REUTERS", "x–reuter", "\xe2\x80reuter", "Reuter\xff",
	"Photo: AFP", "PHOTO: Reuters", "Top photo: Jane Doe", "ſource: the ministry", "Source: the ministry said so",
	"Jane Doe/Getty Images", "JANE DOE / AFP via Getty Images", "Mr. O'Neil-Smith/Reuters", "5.93 mln/6.2 mln bags",
	"© Reuters 1987", "(c) AFP", "Copyright 2024 AP", "Photos by John Smith", "(AP Photo/Mark Schiefelbein)",
	"Courtesy of the museum", "Picture by Jo", "İmages courtesy of X", "Illuſtration: Ana", "Video: WorldNews",
	"BAHIA COCOA REVIEW", "4th QTR NET", "WORLD BANK SEES SLOWER GROWTH IN 1987 AND PROBABLY 1988 TOO", "Talks resume",
	"## A heading", "#hashtag", "Not a headline.", "‘Quoted’ headline", "1987 outlook", "lower case start",
	"SALVADOR, Feb 26 - Showers continued throughout the week in", "TURKU, Finland, March 3 -", "WASHINGTON (Reuters) - Talks",
	"Ürümqi, March 3 — Talks", "NEW YORK, March 3 – Prices", "A line with - a dash", "NO DASH HERE",
	"<p>text</p>", "<P>TEXT", "<Br/>", "</DIV>", "<dİv>", "&LT;p&GT;", "&lt;P&gt;", "x < y & z", "<ACME CORP> RAISES DIVIDEND",
	strings.Repeat("x", 2046) + "<p>", strings.Repeat("x", 2047) + "<p>", strings.Repeat("é", 1023) + "<br",
	"1987-02-26T15:01:01Z", "1987-02-29T15:01:01Z", "1987-02-26T24:00:00Z", "1987-02-26T15:01:60Z", "0000-01-01T00:00:00Z",
	"1987-02-26 15:01:01Z", "1987-02-26T15:01:01+01:00", "x987-02-26T15:01:01Z", "February 26, 1987",
	"plain text with single spaces", " leading", "trailing ", "double  space", "tab\there", "DEL\x7f", "café",
	strings.Repeat("word ", 30) + "Reuter", "read more", "Read More: the story", "ſ", "K", "İ",
}

func TestShortcutsAgreeWithPlainReadings(t *testing.T) {
	for _, s := range shortcutTexts {
		checkShortcuts(t, s)
	}
}

func FuzzShortcuts(f *testing.F) {
	for _, s := range shortcutTexts {
		f.Add(s)
	}
	f.Fuzz(checkShortcuts)
}

func checkShortcuts(t *testing.T, s string) {
	t.Helper()
	agree := func(name string, got, want any) {
		t.Helper()
		if got != want {
			t.Errorf("%s(%q) = %v, the plain reading gives %v", name, s, got, want)
		}
	}
	agree("lowerBytes", string(lowerBytes(nil, s)), lower(s))
	agree("runeLen", runeLen(s), plainRuneLen(s))
	for _, n := range []int{0, 1, 40, 100, 120, 160} {
		agree("runesOver", runesOver(s, n), plainRuneLen(s) > n)
	}
	agree("trimBlanks", trimBlanks(s), strings.Trim(s, " \t"))
	agree("isCollapsed", isCollapsed(s), plainIsCollapsed(s))
	agree("endsWithSignOffName", endsWithSignOffName(s), plainEndsWithSignOffName(s))
	agree("isSignOff", isSignOff(s), plainIsSignOff(s))
	agree("isCapsHeadline", isCapsHeadline(s), plainIsCapsHeadline(s))
	agree("isCredit", isCredit(s), plainIsCredit(s))
	agree("isHeadline", isHeadline(s), plainIsHeadline(s))
	agree("opensWithDateline", opensWithDateline(s), plainOpensWithDateline(s))
	agree("looksHTML", looksHTML(s), plainLooksHTML(s))
	agree("parseDate", parseDate(s, "1987"), readDate(s, "1987"))
	agree("mayReadMore", mayReadMore(s) || !readMoreRe.MatchString(s), true)
}

package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word, script run or punctuation mark of a text.
type token struct {
	text       string // as written
	key        string // lower-case, accents folded, curly apostrophes straightened
	start, end int    // rune offsets into the text (end exclusive)
	bs, be     int    // byte offsets into the text
	word       bool   // letters or digits (false for punctuation)
	script     bool   // a run of Han, kana or Hangul
	cap        bool   // first letter upper-case
	upper      bool   // at least two letters, all upper-case
	newline    bool   // a paragraph break (any line break outside hard-wrapped paragraphs) precedes it
	currency   bool   // directly followed by '$' ("US$11")
}

func isScriptRune(r rune) bool {
	if r < 0x1100 {
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// tokenize splits text into tokens with rune offsets. Hyphenated words
// ("Kuo-yu", "China-US"), abbreviations with periods ("U.S.") and inner
// apostrophes ("Nuku'alofa") stay one token; a possessive "'s" is its own token.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5+8)
	runeIdx := 0
	nl := false
	soft := softBreaks(text)
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			isSoft := false
			if r == '\n' {
				for len(soft) > 0 && soft[0] < i {
					soft = soft[1:]
				}
				isSoft = len(soft) > 0 && soft[0] == i
			}
			if (r == '\n' && !isSoft) || (r == '\r' && !strings.HasPrefix(text[i+1:], "\n")) || r == '\u2029' {
				nl = true
			}
			i += size
			runeIdx++
		case isScriptRune(r):
			bs, rs := i, runeIdx
			for i < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[i:])
				if !isScriptRune(r2) {
					break
				}
				i += s2
				runeIdx++
			}
			toks = append(toks, token{text: text[bs:i], key: text[bs:i], start: rs, end: runeIdx, bs: bs, be: i, word: true, script: true, newline: nl})
			nl = false
		case isWordRune(r):
			bs, rs := i, runeIdx
			hasDot := false
			for i < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[i:])
				if isWordRune(r2) && !isScriptRune(r2) {
					i += s2
					runeIdx++
					continue
				}
				next, ns := utf8.DecodeRuneInString(text[i+s2:])
				if r2 == '-' || r2 == '\u2010' || r2 == '\u2011' {
					if isWordRune(next) && !isScriptRune(next) {
						i += s2
						runeIdx++
						continue
					}
					break
				}
				if r2 == '\'' || r2 == '\u2019' {
					if !unicode.IsLetter(next) {
						break
					}
					// possessive 's ends the word
					if next == 's' || next == 'S' {
						after, _ := utf8.DecodeRuneInString(text[i+s2+ns:])
						if !isWordRune(after) {
							break
						}
					}
					i += s2
					runeIdx++
					continue
				}
				if r2 == '.' {
					wordSoFar := text[bs:i]
					if unicode.IsLetter(next) && utf8.RuneCountInString(lastSegment(wordSoFar)) == 1 {
						after, _ := utf8.DecodeRuneInString(text[i+s2+ns:])
						if after == '.' {
							i += s2
							runeIdx++
							hasDot = true
							continue
						}
					}
					if hasDot {
						i += s2
						runeIdx++
					}
				}
				break
			}
			t := token{text: text[bs:i], start: rs, end: runeIdx, bs: bs, be: i, word: true, newline: nl}
			nl = false
			t.key = foldKey(t.text)
			fr, _ := utf8.DecodeRuneInString(t.text)
			t.cap = unicode.IsUpper(fr)
			t.upper = isUpperWord(t.text)
			if i < len(text) && text[i] == '$' {
				t.currency = true
			}
			toks = append(toks, t)
		default:
			t := token{text: text[i : i+size], start: runeIdx, end: runeIdx + 1, bs: i, be: i + size, newline: nl}
			nl = false
			t.key = foldKey(t.text)
			// "'s" after a word is a possessive marker.
			if (r == '\'' || r == '\u2019') && i+size < len(text) && (text[i+size] == 's' || text[i+size] == 'S') {
				after, _ := utf8.DecodeRuneInString(text[i+size+1:])
				if !isWordRune(after) {
					t.text = text[i : i+size+1]
					t.key = "'s"
					t.end = runeIdx + 2
					t.be = i + size + 1
					i++
					runeIdx++
				}
			}
			toks = append(toks, t)
			i += size
			runeIdx++
		}
	}
	return toks
}

// joinTokens returns the text of toks[a:b] as written, with one space where
// the text had space between two tokens.
func joinTokens(toks []token, a, b int) string {
	var sb strings.Builder
	for i := a; i < b; i++ {
		if i > a && toks[i].start > toks[i-1].end {
			sb.WriteByte(' ')
		}
		sb.WriteString(toks[i].text)
	}
	return sb.String()
}

func lastSegment(s string) string {
	if j := strings.LastIndexByte(s, '.'); j >= 0 {
		return s[j+1:]
	}
	return s
}

func isUpperWord(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// foldKey lower-cases s, strips common Latin diacritics and straightens quotes,
// so that "António" and "Antonio", "Nuku’alofa" and "Nuku'alofa" meet.
func foldKey(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || (c >= 'A' && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < 0x80 {
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		if f, ok := foldMap[r]; ok {
			b.WriteRune(f)
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

var foldMap = func() map[rune]rune {
	m := map[rune]rune{'\u2019': '\'', '\u2018': '\'', '\u02bb': '\'', '\u2010': '-', '\u2011': '-'}
	groups := map[rune]string{
		'a': "àáâãäåāăąÀÁÂÃÄÅĀĂĄ", 'c': "çćčÇĆČ", 'e': "èéêëēėęěÈÉÊËĒĖĘĚ", 'i': "ìíîïīįıÌÍÎÏĪĮİ",
		'n': "ñńňÑŃŇ", 'o': "òóôõöøōőÒÓÔÕÖØŌŐ", 'u': "ùúûüūůűųÙÚÛÜŪŮŰŲ", 'y': "ýÿÝ",
		's': "śšşșŚŠŞȘ", 'z': "źżžŹŻŽ", 'g': "ğĞ", 'l': "łŁ", 'r': "řŘ", 't': "ţțťŢȚŤ", 'd': "ďđĎĐ",
	}
	for base, rs := range groups {
		for _, r := range rs {
			m[r] = base
		}
	}
	return m
}()

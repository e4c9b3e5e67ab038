package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the form of s that the index matches against: every rune is
// kept in place (so rune offsets into the result are rune offsets into s),
// but letters with diacritics and compatibility forms become their base
// letter ("Erdoğan" → "Erdogan", full-width "ＵＮ" → "UN") and any white space
// becomes a plain space. Case is kept: github.com/sahilm/fuzzy already
// compares runes case-insensitively (Unicode simple folding) and uses case for
// its camel-case bonus.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || (c != ' ' && isASCIISpace(c)) {
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
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// foldQuery folds a query like Fold and also trims it and collapses runs of
// white space into one space, so that "  cook   isl " searches for "cook isl".
func foldQuery(q string) string {
	return strings.Join(strings.Fields(Fold(q)), " ")
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// foldRune maps r to a single rune: its compatibility decomposition without
// non-spacing marks when that is exactly one rune, else r itself.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if isASCIISpace(byte(r)) {
			return ' '
		}
		return r
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	var in [utf8.UTFMax]byte
	n := utf8.EncodeRune(in[:], r)
	if norm.NFKD.IsNormal(in[:n]) {
		return r
	}
	d := norm.NFKD.Append(nil, in[:n]...)
	base, count := rune(-1), 0
	for len(d) > 0 {
		c, size := utf8.DecodeRune(d)
		d = d[size:]
		if unicode.Is(unicode.Mn, c) {
			continue
		}
		base = c
		count++
	}
	if count != 1 {
		return r
	}
	return base
}

// canonical returns the smallest rune of r's simple case-folding orbit, so
// that two runes that sahilm/fuzzy treats as equal (its equalFold) have the
// same canonical rune.
func canonical(r rune) rune {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	return m
}

// bit returns the bit of the 64-bit rune-set mask that stands for r. Latin
// letters and digits get a bit each; everything else shares the remaining 28
// bits by hash. Two runes that match each other always get the same bit.
func bit(r rune) uint64 {
	c := canonical(r)
	switch {
	case 'A' <= c && c <= 'Z':
		return 1 << uint(c-'A')
	case '0' <= c && c <= '9':
		return 1 << uint(26+c-'0')
	default:
		h := uint32(c) * 2654435761
		return 1 << (36 + (h>>16)%28)
	}
}

// canonicalString returns s with every rune replaced by canonical(r), for
// the in-order pre-check.
func canonicalString(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(canonical(r))
	}
	return b.String()
}

// hasSubsequence reports whether the runes of q occur in s in order; both
// are canonical strings. Every fuzzy match has this property.
func hasSubsequence(s, q string) bool {
	j := 0
	for i := 0; i < len(s) && j < len(q); {
		if s[i] < utf8.RuneSelf && q[j] < utf8.RuneSelf {
			if s[i] == q[j] {
				j++
			}
			i++
			continue
		}
		rs, n := utf8.DecodeRuneInString(s[i:])
		rq, m := utf8.DecodeRuneInString(q[j:])
		if rs == rq {
			j += m
		}
		i += n
	}
	return j == len(q)
}

// mask returns the set of rune bits of s and its number of runes.
func mask(s string) (m uint64, runes int) {
	for _, r := range s {
		m |= bit(r)
		runes++
	}
	return m, runes
}

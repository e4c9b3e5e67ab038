package ingest

import "unicode/utf8"

// These helpers give the answers of lower, runeLen and strings.Trim without
// building a string, decoding characters or counting every one of them
// where the text makes it unnecessary: the readers ask them of every line
// and paragraph. shortcuts_test.go holds them to those plain readings.

// lowerBytes appends lower(s) to buf: ASCII text a byte at a time, anything
// else through lower.
func lowerBytes(buf []byte, s string) []byte {
	b := buf
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(buf, lower(s)...)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// runesOver reports runeLen(s) > n, counting only when the length in bytes
// leaves it open: a character takes one to utf8.UTFMax bytes.
func runesOver(s string, n int) bool {
	switch {
	case len(s) <= n:
		return false
	case len(s) > n*utf8.UTFMax:
		return true
	}
	return runeLen(s) > n
}

// isASCII reports whether s is all ASCII, eight bytes at a time.
func isASCII(s string) bool {
	for len(s) >= 8 {
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		if w&0x8080808080808080 != 0 {
			return false
		}
		s = s[8:]
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// trimBlanks is strings.Trim(s, " \t").
func trimBlanks(s string) string {
	i, j := 0, len(s)
	for i < j && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	for j > i && (s[j-1] == ' ' || s[j-1] == '\t') {
		j--
	}
	return s[i:j]
}

// Package plainrun measures runs of plain text: printable ASCII words
// separated by single spaces, the bulk of news text, which the readers and
// the store's content hash pass over eight bytes at a time.
package plainrun

// Len returns the length of the longest prefix of s made of printable ASCII
// ('!' to '~') and single spaces between such characters: it neither starts
// nor ends with a space and holds no two spaces in a row.
func Len(s string) int {
	n := 0 // s[:n] is plain and ends with a character that is not a space
	i := 0
	for i < len(s) {
		if i == n && i > 0 && i+8 <= len(s) && plainWord(word(s[i:i+8])) {
			i += 8
			n = i
			continue
		}
		switch c := s[i]; {
		case c > ' ' && c <= '~':
			i++
			n = i
		case c == ' ' && i == n && i > 0:
			i++
		default:
			return n
		}
	}
	return n
}

// word reads eight bytes as a little-endian number.
func word(b string) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

const (
	ones = 0x0101010101010101
	high = 0x8080808080808080
)

// plainWord reports eight bytes that may follow a printable character in a
// plain run: each one printable or a space, no two spaces in a row, and the
// last not a space.
func plainWord(w uint64) bool {
	if w&high != 0 { // a byte from 0x80
		return false
	}
	// Each byte is below 0x80 now, so adding to it up to 0x80 carries
	// into no other: the high bit of a byte says whether it reached 0x80.
	if (w+ones*(0x80-' '))&high != high { // a byte below ' '
		return false
	}
	if (w+ones)&high != 0 { // a byte above '~' (0x7F)
		return false
	}
	// Bytes are from ' ' to '~' now; x is zero exactly at the spaces.
	x := w ^ ones*' '
	spaces := ^(x + ones*0x7F) & high
	return spaces&(spaces>>8) == 0 && spaces>>63 == 0
}

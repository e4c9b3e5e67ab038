package store

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/attache-app/attache/data/internal/plainrun"
)

// BodyHash returns the content hash the store uses to recognise duplicates:
// hex sha256 of the body with runs of white space (as strings.Fields sees
// it) collapsed to one space and leading and trailing space removed.
func BodyHash(body string) string {
	buf := normBufs.Get().(*[]byte)
	norm := collapse((*buf)[:0], body)
	sum := sha256.Sum256(norm)
	*buf = norm
	normBufs.Put(buf)
	return hex.EncodeToString(sum[:])
}

// normBufs holds buffers for collapsed bodies, which are hashed and
// forgotten.
var normBufs = sync.Pool{New: func() any { return new([]byte) }}

// word marks the bytes that are copied as they are: every byte but ASCII
// white space and the bytes of non-ASCII characters, which may be white space.
var word = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = true
	}
	for _, c := range "\t\n\v\f\r " {
		t[c] = false
	}
	return t
}()

// collapse appends the words of s (as strings.Fields finds them) to dst,
// separated by one space.
func collapse(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		// Text that stays as it is: ASCII words and single spaces
		// between them, in one piece, the printable part of it eight
		// bytes at a time.
		j := i + plainrun.Len(s[i:])
		for j < len(s) {
			if word[s[j]] {
				j++
			} else if s[j] == ' ' && j+1 < len(s) && word[s[j+1]] && j > i {
				j += 2
			} else {
				break
			}
		}
		dst = append(dst, s[i:j]...)
		i = j
		if i == len(s) {
			break
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !unicode.IsSpace(r) {
			dst = append(dst, s[i:i+size]...)
			i += size
			continue
		}
		for i < len(s) { // a run of white space becomes one space
			r, size := rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[i:])
			}
			if !unicode.IsSpace(r) {
				break
			}
			i += size
		}
		if i < len(s) && len(dst) > 0 {
			dst = append(dst, ' ')
		}
	}
	return dst
}

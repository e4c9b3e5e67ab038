package store

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// BodyHash returns the content hash the store uses to recognise duplicates:
// hex sha256 of the body with runs of white space collapsed to one space and
// leading and trailing space removed.
func BodyHash(body string) string {
	norm := make([]byte, 0, len(body))
	for w := range strings.FieldsSeq(body) {
		if len(norm) > 0 {
			norm = append(norm, ' ')
		}
		norm = append(norm, w...)
	}
	sum := sha256.Sum256(norm)
	return hex.EncodeToString(sum[:])
}

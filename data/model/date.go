// Package model holds the rules of Attaché's domain that every layer shares:
// the store, the application and the command line check values the same way.
package model

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

var dateShape = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// ValidDate checks a date as Attaché stores it: "" (unknown), a calendar
// date written YYYY-MM-DD, or an RFC 3339 time. A date of the right shape
// that does not exist (2025-02-31, 2025-13-01) is refused, with the reason.
func ValidDate(s string) error {
	if s == "" {
		return nil
	}
	_, err := time.Parse(time.DateOnly, s)
	if err == nil {
		return nil
	}
	if dateShape.MatchString(s) {
		return fmt.Errorf("%q is not a calendar date (%s)", s, outOfRange(err))
	}
	if _, err := time.Parse(time.RFC3339, s); err == nil {
		return nil
	}
	return fmt.Errorf("%q is not a date (want YYYY-MM-DD or RFC 3339, or empty when unknown)", s)
}

// outOfRange extracts time's reason ("day out of range") from a parse error.
func outOfRange(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		return msg[i+2:]
	}
	return msg
}

package model

import (
	"fmt"
	"slices"
	"strings"
)

// Enum is one of the model's enumerated string types: Status, EntityKind,
// EventType, Precision, DateBasis.
type Enum interface {
	~string
	Label() string
}

// Strings returns the values of an enumeration as plain strings, in the
// order given (for pickers and flags).
func Strings[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// Labels returns what the analyst sees for each value, in the order given.
func Labels[T Enum](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.Label()
	}
	return out
}

// Choices lists the labels of vs for a message: "a, b or c".
func Choices[T Enum](vs []T) string {
	l := Labels(vs)
	if len(l) < 2 {
		return strings.Join(l, "")
	}
	return strings.Join(l[:len(l)-1], ", ") + " or " + l[len(l)-1]
}

func rank[T comparable](list []T, v T) int { return slices.Index(list, v) }

// rankOrLast is v's position in list, or len(list) when it is not there.
func rankOrLast[T comparable](list []T, v T) int {
	if i := slices.Index(list, v); i >= 0 {
		return i
	}
	return len(list)
}

// optional refuses a value that is neither "" nor in allowed.
func optional[T ~string](what string, v T, allowed []T) error {
	if v != "" && !slices.Contains(allowed, v) {
		return fmt.Errorf("unknown %s %q (want one of %v)", what, string(v), allowed)
	}
	return nil
}

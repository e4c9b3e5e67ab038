// Package refusal is the one error shape every reader of files uses to
// refuse one: a single line naming the file and the reason, recognisable
// with errors.Is(err, ErrRefused).
package refusal

import (
	"errors"
	"fmt"
	"strings"
)

// ErrRefused is wrapped by every refusal.
var ErrRefused = errors.New("refused")

// MaxReason is the longest reason kept, in runes: errors from parsers may
// quote whole chunks of the file.
const MaxReason = 200

// Error refuses one file: Pkg names the package that refused it.
type Error struct {
	Pkg, Path, Reason string
}

func (r *Error) Error() string { return fmt.Sprintf("%s: %s: %s", r.Pkg, r.Path, r.Reason) }

// Is makes every refusal match ErrRefused.
func (r *Error) Is(target error) bool { return target == ErrRefused }

// New refuses path for reason, made one line of reasonable length whatever
// the underlying error quotes.
func New(pkg, path, reason string) error {
	reason = strings.Join(strings.Fields(reason), " ")
	if r := []rune(reason); len(r) > MaxReason {
		reason = string(r[:MaxReason-1]) + "…"
	}
	return &Error{Pkg: pkg, Path: path, Reason: reason}
}

// Reason returns the reason of a refusal without the file name, or err's
// text for other errors.
func Reason(err error) string {
	var r *Error
	if errors.As(err, &r) {
		return r.Reason
	}
	return err.Error()
}

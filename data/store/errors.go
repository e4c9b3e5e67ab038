package store

import "errors"

// ErrNotFound is returned (wrapped) when an id does not exist.
var ErrNotFound = errors.New("store: not found")

// ErrNothingToUndo and ErrNothingToRedo are returned by Undo and Redo when
// the respective stack is empty.
var (
	ErrNothingToUndo = errors.New("store: nothing to undo")
	ErrNothingToRedo = errors.New("store: nothing to redo")
)

// UndoLimit is the number of changes kept on the undo log; older ones are
// forgotten.
const UndoLimit = 1000

// ErrStale is returned (wrapped) when an item is saved over a change another
// analyst made to it after it was read; nothing is changed.
var ErrStale = errors.New("store: changed since it was read")

// staleError is a one-line message that matches ErrStale.
type staleError string

func (e staleError) Error() string        { return string(e) }
func (e staleError) Is(target error) bool { return target == ErrStale }

// Stale returns an error whose message is msg and which matches ErrStale.
func Stale(msg string) error { return staleError(msg) }

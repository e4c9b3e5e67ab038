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

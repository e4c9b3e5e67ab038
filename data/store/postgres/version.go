package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/attache-app/attache/data/store"
)

// An item read from a shared project carries its row's xmin as its Version:
// PostgreSQL gives every new row version (every update, and every row an
// undo writes back) the id of the transaction that wrote it, so a save that
// brings the version it was read at can tell whether the row has changed
// since. xmin is not a column of the row images the undo log keeps, so undo
// and redo neither see nor restore it.

// versionCol is the select expression of a row's version.
const versionCol = "xmin::text"

// checkVersion locks row id of table for this change and refuses when the
// row is gone or, for an item read at version (not ""), when another change
// has been made to it since. what names the item in messages ("event").
func checkVersion(ctx context.Context, tx *sql.Tx, table, what string, id int64, version string) error {
	var cur, by string
	var self bool
	err := tx.QueryRowContext(ctx, `SELECT `+versionCol+`, updated_by, updated_by = current_user FROM `+table+`
		WHERE id = $1 FOR UPDATE`, id).Scan(&cur, &by, &self)
	switch {
	case errors.Is(err, sql.ErrNoRows) && version != "":
		return fmt.Errorf("%s %d was deleted since you opened it: %w", what, id, store.ErrNotFound)
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("%s %d: %w", what, id, store.ErrNotFound)
	case err != nil:
		return err
	case version == "" || version == cur:
		return nil
	case self:
		// The row names the member saving: they changed it in another
		// window, or an undo wrote back their earlier change.
		return store.Stale(fmt.Sprintf("%s %d was changed since you opened it: reopen it to see the change", what, id))
	}
	return store.Stale(fmt.Sprintf("%s %d was changed by %s since you opened it: reopen it to see their change", what, id, by))
}

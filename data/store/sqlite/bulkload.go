package sqlite

import (
	"context"
	"errors"
)

// An import into a project without articles is a bulk load: nothing in the
// project refers to articles yet, and the import writes most of the pages
// the file will have. Two things make it cheaper then.
//
// The full-text index is built on a second connection while the rows are
// inserted (ftsBuilder), and the secondary indexes of the articles table
// are built after them (deferredIndex).
//
// And, when no other connection has the file open, the transaction writes
// its pages straight into the file under a rollback journal, instead of
// into the write-ahead log and from there, at the checkpoint, into the file
// again: every page is written and synced once. The rollback journal keeps
// the import all or nothing as the log does; the file is back in WAL mode
// as soon as the transaction ends. A project open elsewhere (the app, or
// this store's own readers) keeps the log, and the import works as any
// other, so that readers are never locked out of a project they have open.

// writeDirectIfEmpty switches the writer's connection from the write-ahead
// log to a rollback journal when the project has no articles and no other
// connection has it open, and reports whether it did.
func (s *Store) writeDirectIfEmpty(ctx context.Context) (bool, error) {
	// This store's readers count as others: a window that has shown the
	// project keeps reading it during the import.
	if s.r.Stats().OpenConnections > 0 {
		return false, nil
	}
	var empty bool
	if err := s.w.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM articles)`).Scan(&empty); err != nil || !empty {
		return false, err
	}
	// Leaving WAL mode needs the file to itself: ask once, without waiting
	// for others to let go.
	if _, err := s.w.ExecContext(ctx, `PRAGMA busy_timeout = 0`); err != nil {
		return false, err
	}
	var mode string
	err := s.w.QueryRowContext(ctx, `PRAGMA journal_mode = DELETE`).Scan(&mode)
	if _, rerr := s.w.ExecContext(ctx, `PRAGMA busy_timeout = `+busyTimeoutMS); rerr != nil {
		return false, errors.Join(err, rerr)
	}
	if isBusy(err) {
		return false, nil
	}
	return mode == "delete", err
}

// afterImport puts the writer's connection back as it was before an import:
// in WAL mode if the import wrote straight into the file; a new connection
// if the import copied in a full-text index built elsewhere (see
// ftsBuilder), else the same with the usual page cache (it frees the pages
// beyond it).
func (s *Store) afterImport(direct, rebuilt bool) error {
	ctx := context.Background()
	if direct {
		var mode string
		if err := s.w.QueryRowContext(ctx, `PRAGMA journal_mode = WAL`).Scan(&mode); err != nil {
			return err
		}
	}
	if rebuilt {
		s.renewWriter()
		return nil
	}
	_, err := s.w.ExecContext(ctx, `PRAGMA cache_size = -`+writerCacheKiB)
	return err
}

// Package sqlite is the store engine that keeps an Attaché project in one
// SQLite file (one analyst's project): articles, tags, passages, entities
// with aliases, mentions and events, with full-text search and a persistent
// undo log. *Store implements store.Store.
//
// The file is opened in WAL mode with foreign keys on. All writes go through
// one connection (so they queue instead of failing with SQLITE_BUSY) while
// reads use a separate pool and are never blocked by a long write. An import
// into a project without articles that nothing else has open writes straight
// into the file instead (see bulkload.go). A Store is safe for concurrent
// use.
//
// Offsets into article bodies are rune (Unicode code point) offsets, start
// inclusive, end exclusive. Bodies never change after import, except that
// SplitArticle and MergeArticleWithNext cut or join them (moving the
// passages, mentions and events with them).
//
// Every change an analyst makes through this API is one transaction that
// also records the before and after state of the rows it touched in the
// undo log (Undo, Redo, UndoLabel, RedoLabel); the log lives in the file and
// keeps the last UndoLimit changes. ImportArticles and SaveExtraction are
// machine work and are not on it.
//
// Search syntax: words must all occur (any order, case and accents ignored);
// word* is a prefix; "several words" is a phrase. Chinese, Japanese and
// Korean text is found by any substring (indexed as overlapping character
// pairs). Nothing a user types is a syntax error. Hits are ranked by BM25
// (k1 = 1.2, no length normalisation, a title word worth ten body words).
// Snippets mark hits with HitStart and HitEnd.
package sqlite

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sync"

	"github.com/attache-app/attache/data/store"
	sqlitedriver "modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

var (
	_ store.Store  = (*Store)(nil)
	_ store.Copier = (*Store)(nil)
)

// Store is an open project file.
type Store struct {
	path string
	w    *sql.DB // the single writer connection
	r    *sql.DB // read-only pool

	stmtMu sync.Mutex
	search [searchKinds]*sql.Stmt // prepared on first use; see searchStmt
}

// Open opens the project at path, creating it if it does not exist and
// migrating it to the current schema. A file that is not an Attaché project,
// or that was written by a newer version, is refused and left untouched.
func Open(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("store: open: empty path")
	}
	version, err := inspect(path)
	if err != nil {
		return nil, err
	}
	if version > 0 && version < len(migrations) {
		if err := backup(path, version); err != nil {
			return nil, err
		}
	}
	w, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	if err := migrate(w); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	r.SetMaxOpenConns(4)
	r.SetMaxIdleConns(4)
	r.SetConnMaxLifetime(0)
	r.SetConnMaxIdleTime(0)
	return &Store{path: path, w: w, r: r}, nil
}

// dsn builds the connection string. The writer switches the file to WAL; the
// readers refuse to write.
//
// synchronous stays FULL: in WAL mode NORMAL would also survive a crash of
// the process, but a power cut could lose the last few committed changes,
// and an analyst's edits are small, one-transaction-each and worth the one
// fsync per commit; an import is a single commit per file, so FULL costs it
// nothing measurable (scripts/bench-import.sh: same times with NORMAL).
// Readers get a larger page cache than the default 2 MB: a search touches
// index pages and the hits' rows. The writer keeps its statement journals
// (the undo of one statement inside a transaction) in memory: an import
// writes one for every multi-row INSERT, and as files they cost a write
// system call per page.
func dsn(path string, writer bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout("+busyTimeoutMS+")")
	q.Add("_pragma", "foreign_keys(1)")
	if writer {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(FULL)")
		q.Add("_pragma", "temp_store(MEMORY)")
		q.Set("_txlock", "immediate")
	} else {
		q.Add("_pragma", "query_only(1)")
		q.Add("_pragma", "cache_size(-16000)")
	}
	return "file:" + escapePath(path) + "?" + q.Encode()
}

// busyTimeoutMS is how long a connection waits for another to release the
// file before it gives up with SQLITE_BUSY.
const busyTimeoutMS = "5000"

// isBusy reports whether err is SQLite's "database is locked" (SQLITE_BUSY,
// with any extended code).
func isBusy(err error) bool {
	var se *sqlitedriver.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// escapePath makes a file path safe to embed in a file: URI.
func escapePath(path string) string {
	u := url.URL{Path: path}
	return u.EscapedPath()
}

// Path returns the file the store was opened from.
func (s *Store) Path() string { return s.path }

// Location is the project's file path (store.Store).
func (s *Store) Location() string { return s.path }

// renewWriter closes the writer's connection; the next write opens a new
// one, which knows nothing of the old one's state (see ftsBuilder).
func (s *Store) renewWriter() {
	s.w.SetMaxIdleConns(0)
	s.w.SetMaxIdleConns(1)
}

// Close checkpoints the write-ahead log and closes the file.
func (s *Store) Close() error {
	s.stmtMu.Lock()
	for i, st := range s.search {
		if st != nil {
			st.Close()
			s.search[i] = nil
		}
	}
	s.stmtMu.Unlock()
	errR := s.r.Close()
	_, _ = s.w.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	errW := s.w.Close()
	if err := errors.Join(errR, errW); err != nil {
		return fmt.Errorf("store: close %s: %w", s.path, err)
	}
	return nil
}

// fileSize reports the size of path, or -1 when it does not exist.
func fileSize(path string) (int64, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return -1, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: open %s: %w", path, err)
	}
	if fi.IsDir() {
		return 0, fmt.Errorf("store: open %s: is a directory", path)
	}
	return fi.Size(), nil
}

package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/attache-app/attache/data/store"
)

// txLike is what queries need from *sql.DB, *sql.Tx or *sql.Conn.
type txLike interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// write runs fn in one write transaction that is not recorded for undo
// (machine work such as imports and extraction).
func (s *Store) write(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: %s: %w", what, err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return fmt.Errorf("store: %s: %w", what, cancelled(ctx, err))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: %s: %w", what, cancelled(ctx, err))
	}
	return nil
}

// cancelled reports a cancelled context as the cause of err: database/sql rolls
// a transaction back as soon as its context is cancelled, and the statement
// that follows fails with the less telling sql.ErrTxDone.
func cancelled(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
		return ctxErr
	}
	return err
}

// change runs fn in one write transaction and records the rows it touched on
// the undo log under label. fn must capture every row it is about to change
// (including rows removed by cascades) before changing it, and report the
// rows it creates.
func (s *Store) change(ctx context.Context, label string, fn func(c *changeTx) error) error {
	return s.write(ctx, lowerFirst(label), func(tx *sql.Tx) error {
		c := &changeTx{Tx: tx, ctx: ctx, rec: newRecorder()}
		if err := fn(c); err != nil {
			return err
		}
		return c.rec.commit(ctx, tx, label)
	})
}

// changeTx is a write transaction whose changes are recorded for undo.
type changeTx struct {
	*sql.Tx
	ctx context.Context
	rec *recorder
}

// capture records the current state of the rows of table matching where.
func (c *changeTx) capture(table, where string, args ...any) error {
	return c.rec.capture(c.ctx, c.Tx, table, where, args...)
}

// created records that the row table/id did not exist before this change.
func (c *changeTx) created(table string, id int64) {
	c.rec.created(table, id)
}

// createdWhere records every row of table matching where that this change
// has not seen before as created by it.
func (c *changeTx) createdWhere(table, where string, args ...any) error {
	ids, err := queryRows(c.ctx, c, func(rows *sql.Rows, id *int64) error { return rows.Scan(id) },
		`SELECT id FROM `+table+` WHERE `+where, args...)
	for _, id := range ids {
		c.created(table, id)
	}
	return err
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	b := []byte(s)
	if b[0] >= 'A' && b[0] <= 'Z' {
		b[0] += 'a' - 'A'
	}
	return string(b)
}

// notFound wraps store.ErrNotFound with what was looked for.
func notFound(what string, id int64) error {
	return fmt.Errorf("%s %d: %w", what, id, store.ErrNotFound)
}

// exists reports whether table has a row with id, as store.ErrNotFound if not.
func exists(ctx context.Context, q txLike, table, what string, id int64) error {
	var one int
	err := q.QueryRowContext(ctx, `SELECT 1 FROM `+table+` WHERE id = ?`, id).Scan(&one)
	if err == sql.ErrNoRows {
		return notFound(what, id)
	}
	return err
}

// stmtCache runs queries in one transaction through prepared statements kept
// for the life of the transaction. Machine work that saves thousands of rows
// with the same few queries (SaveExtractions) would otherwise spend most of
// its time parsing SQL.
type stmtCache struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

var _ txLike = (*stmtCache)(nil)

func newStmtCache(tx *sql.Tx) *stmtCache {
	return &stmtCache{tx: tx, stmts: map[string]*sql.Stmt{}}
}

func (c *stmtCache) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	st, err := c.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.stmts[query] = st
	return st, nil
}

func (c *stmtCache) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (c *stmtCache) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// QueryRowContext falls back to the transaction when preparing fails, so the
// error surfaces from Scan as it does for *sql.Tx.
func (c *stmtCache) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := c.stmt(ctx, query)
	if err != nil {
		return c.tx.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// close releases the prepared statements.
func (c *stmtCache) close() {
	for _, st := range c.stmts {
		st.Close()
	}
}

package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ftsRow is one imported article as the full-text index sees it.
type ftsRow struct {
	id          int64
	title, body string
}

// ftsBuilder builds the full-text index of an import into an empty index
// while the writer inserts the articles: on a connection of its own, in a
// private in-memory database holding a copy of articles_fts, so that the
// tokenising and the sorting of terms, the larger part of an import's work,
// run on a second core. At the end the writer copies the finished index
// into the project's own shadow tables (copyInto), in the import's
// transaction.
//
// Copying is only right when the project's index holds nothing the new one
// lacks, which is so when the articles table is empty (deleted articles
// leave at most their deletion marks, which the copy drops with them).
// FTS5 keeps what it last read of an index's layout with each connection,
// and reads it again only after another connection commits; the writer's
// connection, whose copy changed the shadow tables behind FTS5's back, would
// go on from the old layout and write over the new index's segments. It is
// replaced after the commit (Store.renewWriter).
type ftsBuilder struct {
	db   *sql.DB
	rows chan []ftsRow
	done chan error    // the builder's result
	quit chan struct{} // closed to stop the builder early

	ended bool // rows is closed and done received
	err   error
}

// ftsBuilderQueue is how many batches of rows may wait for the builder.
const ftsBuilderQueue = 4

// startFTSBuilder creates the in-memory copy of articles_fts (its CREATE
// statement and settings as in the project, read through tx) and starts the
// goroutine that indexes the rows sent to add.
func startFTSBuilder(ctx context.Context, tx *sql.Tx) (*ftsBuilder, error) {
	var create string
	if err := tx.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'articles_fts'`).Scan(&create); err != nil {
		return nil, err
	}
	settings, err := ftsSettings(ctx, tx)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return nil, err
	}
	// One connection: an in-memory database lives as long as it does.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	if _, err := db.ExecContext(ctx, create); err != nil {
		db.Close()
		return nil, err
	}
	for _, kv := range settings {
		if _, err := db.ExecContext(ctx, `INSERT INTO articles_fts(articles_fts, rank) VALUES (?, ?)`, kv[0], kv[1]); err != nil {
			db.Close()
			return nil, err
		}
	}
	b := &ftsBuilder{db: db, rows: make(chan []ftsRow, ftsBuilderQueue), done: make(chan error, 1), quit: make(chan struct{})}
	go func() { b.done <- b.build() }()
	return b, nil
}

// ftsSettings reads the settings of the project's articles_fts that its
// users chose (the ranking, the page and memory sizes, the merge policy),
// as key and value; FTS5's own version record is left out.
func ftsSettings(ctx context.Context, tx *sql.Tx) ([][2]any, error) {
	rows, err := tx.QueryContext(ctx, `SELECT k, v FROM articles_fts_config WHERE k <> 'version' ORDER BY k`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var kvs [][2]any
	for rows.Next() {
		var kv [2]any
		if err := rows.Scan(&kv[0], &kv[1]); err != nil {
			return nil, err
		}
		kvs = append(kvs, kv)
	}
	return kvs, rows.Err()
}

// build indexes every batch sent until rows is closed, in one transaction.
// Rows go in one INSERT each: a single-row INSERT opens no statement
// journal, so FTS5 gathers the terms of many articles in memory and writes
// large segments. After an error it drains rows, so that the writer's
// sends never block; the writer learns of the error at the end.
//
// The builder runs without the import's context, and stops when quit is
// closed: for every statement run under a context that can be cancelled,
// the driver starts a goroutine to watch it and has SQLite call back into
// Go as the statement runs, which costs more than indexing a short article.
func (b *ftsBuilder) build() error {
	err := b.index(context.Background())
	for range b.rows {
	}
	return err
}

func (b *ftsBuilder) index(ctx context.Context) error {
	tx, err := b.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, `INSERT INTO articles_fts(rowid, title, body) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	for batch := range b.rows {
		select {
		case <-b.quit:
			return errors.New("stopped")
		default:
		}
		for _, r := range batch {
			if _, err := ins.ExecContext(ctx, r.id, r.title, r.body); err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}

// add hands a batch of imported articles to the builder.
func (b *ftsBuilder) add(ctx context.Context, batch []ftsRow) error {
	select {
	case b.rows <- batch:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// wait tells the builder no more rows come and returns once it has
// finished the index.
func (b *ftsBuilder) wait() error {
	if !b.ended {
		close(b.rows)
		b.err = <-b.done
		b.ended = true
	}
	return b.err
}

// copyInto waits for the builder and replaces the project's full-text
// index, through tx, by the one it built. Like the builder, it runs its
// many small statements without the import's context (see build).
func (b *ftsBuilder) copyInto(ctx context.Context, tx *sql.Tx) error {
	if err := b.wait(); err != nil {
		return fmt.Errorf("full-text index: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	ctx = context.Background()
	if _, err := tx.ExecContext(ctx, `DELETE FROM articles_fts_data; DELETE FROM articles_fts_idx`); err != nil {
		return err
	}
	if err := copyRows(ctx, b.db, tx, `SELECT id, block FROM articles_fts_data`,
		`INSERT INTO articles_fts_data(id, block) VALUES (?, ?)`, 2); err != nil {
		return err
	}
	return copyRows(ctx, b.db, tx, `SELECT segid, term, pgno FROM articles_fts_idx`,
		`INSERT INTO articles_fts_idx(segid, term, pgno) VALUES (?, ?, ?)`, 3)
}

// copyRows inserts, with insert through tx, every row that query returns
// from db; both have n columns.
func copyRows(ctx context.Context, db *sql.DB, tx *sql.Tx, query, insert string, n int) error {
	rows, err := db.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	ins, err := tx.PrepareContext(ctx, insert)
	if err != nil {
		return err
	}
	defer ins.Close()
	vals := make([]any, n)
	ptrs := make([]any, n)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		for i, v := range vals {
			// The columns are NOT NULL; an empty blob (the first term of
			// a segment) scans as nil.
			if b, ok := v.([]byte); v == nil || ok && b == nil {
				vals[i] = []byte{}
			}
		}
		if _, err := ins.ExecContext(ctx, vals...); err != nil {
			return err
		}
	}
	return rows.Err()
}

// close stops the builder if it still runs and frees its database.
func (b *ftsBuilder) close() {
	if !b.ended {
		close(b.quit)
		b.wait()
	}
	b.db.Close()
}

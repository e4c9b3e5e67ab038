package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// deferredIndex indexes the articles of an import a few megabytes at a time
// with one INSERT … SELECT instead of one row at a time from the insert
// trigger. FTS5 writes the terms it holds in memory as a new index segment
// at the start of every statement that opens a statement journal (every
// multi-row INSERT, every INSERT of a mention), so indexing as rows arrive
// writes one small segment per statement and then spends time merging them.
// Indexing every indexBatch bytes of text writes few, large segments and
// still overlaps the indexing with the reading of the file.
//
// The trigger is dropped for the transaction and created again from its own
// SQL before the commit; a rolled-back import leaves it as it was.
//
// An import into a project without articles builds its index in parallel
// instead (ftsBuilder) and copies it in before the commit.
//
// An import into a project without articles also drops the secondary
// indexes of the articles table (the list orders, the source) and builds
// them at the end from the sorted rows: that costs less than inserting
// every row into each of them in the file's order, and the pages come out
// full. The unique index on the hash stays: duplicates are found with it.
type deferredIndex struct {
	trigger string   // the trigger's CREATE statement; "" when there is none
	indexes []string // CREATE statements of the indexes dropped for the transaction
	after   int64    // articles up to this id are indexed
	last    int64    // the largest id imported so far
	pending int      // bytes of text imported and not yet indexed

	builder *ftsBuilder // builds the index on a second connection; nil when the project had articles
}

// indexBatch is how much article text is indexed by one statement; it stays
// well within FTS5's pending-term buffer (migrateImportHash). When the
// writer would wait for the reader, it indexes the text waiting once there
// is indexIdle of it: the index takes time the writer would lose, and less
// is left to index after the last article.
const indexBatch, indexIdle = 4 << 20, 2 << 20

// deferIndexing drops the full-text insert trigger for the transaction,
// and the secondary indexes of the articles table when it is empty.
// When the table is empty it starts the parallel build of the full-text
// index. close must be called once the transaction has ended.
func deferIndexing(ctx context.Context, tx *sql.Tx) (*deferredIndex, error) {
	d := &deferredIndex{}
	empty, err := d.dropIndexesIfEmpty(ctx, tx)
	if err != nil {
		return nil, err
	}
	err = tx.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'articles_fts_ai'`).Scan(&d.trigger)
	if err == sql.ErrNoRows {
		return d, nil
	}
	if err != nil {
		return nil, err
	}
	// AUTOINCREMENT: new rows get ids above every id the table ever had.
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM articles`).Scan(&d.after); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `DROP TRIGGER articles_fts_ai`); err != nil {
		return nil, err
	}
	if empty {
		if d.builder, err = startFTSBuilder(ctx, tx); err != nil {
			return nil, fmt.Errorf("full-text index: %w", err)
		}
	}
	return d, nil
}

// added records imported articles. The builder gets them at once;
// otherwise, once enough text waits, it is indexed.
func (d *deferredIndex) added(ctx context.Context, tx *sql.Tx, rows []ftsRow) error {
	if len(rows) == 0 || d.trigger == "" {
		return nil
	}
	if d.builder != nil {
		return d.builder.add(ctx, rows)
	}
	for _, r := range rows {
		d.last = max(d.last, r.id)
		d.pending += len(r.title) + len(r.body)
	}
	if d.pending < indexBatch {
		return nil
	}
	return d.index(ctx, tx)
}

// nextChunk receives the next chunk of articles. While none is ready, it
// first indexes the text waiting if there is indexIdle of it.
func (d *deferredIndex) nextChunk(ctx context.Context, tx *sql.Tx, chunks <-chan preparedChunk) (preparedChunk, bool, error) {
	select {
	case c, ok := <-chunks:
		return c, ok, nil
	default:
	}
	if d.builder == nil && d.pending >= indexIdle {
		if err := d.index(ctx, tx); err != nil {
			return preparedChunk{}, false, err
		}
	}
	c, ok := <-chunks
	return c, ok, nil
}

// index adds the articles imported since the last call to the index, as the
// trigger would have (title and body under the article's id).
func (d *deferredIndex) index(ctx context.Context, tx *sql.Tx) error {
	if d.trigger == "" || d.last <= d.after {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(rowid, title, body)
		SELECT id, title, body FROM articles WHERE id > ? AND id <= ? ORDER BY id`, d.after, d.last); err != nil {
		return err
	}
	d.after, d.pending = d.last, 0
	return nil
}

// finish puts the indexes back, then indexes the rest of the text, or
// copies the builder's index in once it is done (the indexes are built
// while the builder finishes), and puts the trigger back.
func (d *deferredIndex) finish(ctx context.Context, tx *sql.Tx) error {
	for _, create := range d.indexes {
		if _, err := tx.ExecContext(ctx, create); err != nil {
			return err
		}
	}
	if d.trigger == "" {
		return nil
	}
	if d.builder != nil {
		if err := d.builder.copyInto(ctx, tx); err != nil {
			return err
		}
	} else if err := d.index(ctx, tx); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, d.trigger)
	return err
}

// rebuiltIndex reports whether the import copies in the index a builder
// made (see ftsBuilder on what the writer's connection must do then).
func (d *deferredIndex) rebuiltIndex() bool { return d.builder != nil }

// close stops the builder if there is one.
func (d *deferredIndex) close() {
	if d.builder != nil {
		d.builder.close()
	}
}

// dropIndexesIfEmpty drops the indexes of the articles table that SQL
// created (not the one behind its UNIQUE hash) when the table has no rows,
// keeping their CREATE statements for finish, and reports whether it was
// empty.
func (d *deferredIndex) dropIndexesIfEmpty(ctx context.Context, tx *sql.Tx) (bool, error) {
	var empty bool
	if err := tx.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM articles)`).Scan(&empty); err != nil || !empty {
		return false, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_schema
		WHERE type = 'index' AND tbl_name = 'articles' AND sql IS NOT NULL ORDER BY name`)
	if err != nil {
		return false, err
	}
	var names []string
	for rows.Next() {
		var name, create string
		if err := rows.Scan(&name, &create); err != nil {
			rows.Close()
			return false, err
		}
		names = append(names, name)
		d.indexes = append(d.indexes, create)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, err
	}
	for _, name := range names {
		if _, err := tx.ExecContext(ctx, `DROP INDEX "`+strings.ReplaceAll(name, `"`, `""`)+`"`); err != nil {
			return false, err
		}
	}
	return true, nil
}

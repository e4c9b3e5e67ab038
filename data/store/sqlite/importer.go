package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/internal/textsearch"
)

// importCacheKiB is the writer's page cache during an import, writerCacheKiB
// the rest of the time (SQLite's default).
const importCacheKiB, writerCacheKiB = "32768", "2000"

// preparedChunk is up to importChunk articles to import with what the store
// computes for each before inserting it, or the error that stops the import.
type preparedChunk struct {
	items  []ImportItem
	hashes []string
	runes  []int
	grams  []string
	first  int // position of items[0] among all the articles imported
	err    error

	cleared map[int]error // by index in items: why its published date was cleared
}

// prepareChunks calls next in a goroutine of its own, checks each article
// and computes its hash, length and CJK bigrams there, and hands the
// articles on a chunk at a time: the single writer connection only runs
// SQL. stop ends the goroutine early and returns once it has ended (next
// is not called after stop returns).
func prepareChunks(next func() (ImportItem, bool, error)) (<-chan preparedChunk, func()) {
	out := make(chan preparedChunk, 2) // the reader stays ahead while a batch is indexed
	quit := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(out)
		send := func(c preparedChunk) bool {
			select {
			case out <- c:
				return true
			case <-quit:
				return false
			}
		}
		pos := 0
		for size, more := firstChunk, true; more; size = min(2*size, importChunk) {
			c := preparedChunk{first: pos}
			for len(c.items) < size {
				select {
				case <-quit:
					return
				default:
				}
				it, ok, err := next()
				if err != nil {
					send(preparedChunk{err: err})
					return
				}
				if !ok {
					more = false
					break
				}
				if err := c.push(it); err != nil {
					send(preparedChunk{err: fmt.Errorf("article %d (%q): %w", pos, it.Article.Title, err)})
					return
				}
				pos++
			}
			if len(c.items) > 0 && !send(c) {
				return
			}
		}
	}()
	return out, func() {
		select {
		case <-quit:
		default:
			close(quit)
		}
		for range out { // unblock a pending send
		}
		<-done
	}
}

// push checks an article and adds it to the chunk with its hash, length and
// CJK bigrams.
func (c *preparedChunk) push(it ImportItem) error {
	if err := checkBody(it.Article); err != nil {
		return err
	}
	a := &it.Article
	if err := model.ValidDate(a.Published); err != nil {
		if c.cleared == nil {
			c.cleared = map[int]error{}
		}
		c.cleared[len(c.items)] = fmt.Errorf("article %d (%q): published: %w; imported with the date unknown", c.first+len(c.items), a.Title, err)
		a.Published = ""
	}
	c.items = append(c.items, it)
	c.hashes = append(c.hashes, store.BodyHash(a.Body))
	c.runes = append(c.runes, utf8.RuneCountInString(a.Body))
	grams := ""
	if mayHoldCJK(a.Title) || mayHoldCJK(a.Body) {
		grams = textsearch.Grams(a.Title, a.Body)
	}
	c.grams = append(c.grams, grams)
	return nil
}

// mayHoldCJK reports whether s has a character from U+1000 up, where the
// scripts of cjkGrams start: such characters take three bytes or more in
// UTF-8, the first of them 0xE1 or above. Most texts are all below and are
// passed over a byte at a time instead of a character at a time.
func mayHoldCJK(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xE1 {
			return true
		}
	}
	return false
}

// importer inserts chunks of articles within one import transaction.
type importer struct {
	tx        *sql.Tx
	seen, cjk *sql.Stmt
	ins       chunkInserter
	sugg      *suggestionSaver // made when the first extraction comes
	fresh     []int
}

func newImporter(ctx context.Context, tx *sql.Tx) (*importer, error) {
	seen, err := tx.PrepareContext(ctx, `SELECT hash FROM articles WHERE hash IN (SELECT value FROM json_each(?))`)
	if err != nil {
		return nil, err
	}
	cjk, err := tx.PrepareContext(ctx, `INSERT INTO article_grams(id, grams) VALUES (?, ?)`)
	if err != nil {
		seen.Close()
		return nil, err
	}
	return &importer{tx: tx, seen: seen, cjk: cjk, ins: chunkInserter{tx: tx}}, nil
}

func (m *importer) close() {
	m.seen.Close()
	m.cjk.Close()
	m.ins.close()
	if m.sugg != nil {
		m.sugg.close()
	}
}

// known returns the hashes among hashes that the project already holds.
func (m *importer) known(ctx context.Context, hashes []string) (map[string]bool, error) {
	list, err := json.Marshal(hashes)
	if err != nil {
		return nil, err
	}
	rows, err := m.seen.QueryContext(ctx, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	known := map[string]bool{}
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return nil, err
		}
		known[h] = true
	}
	return known, rows.Err()
}

// add imports one chunk, appending to res.IDs (0 for a duplicate), then
// saves the suggestions that came with its new articles. It returns the new
// articles for the full-text index.
func (m *importer) add(ctx context.Context, c preparedChunk, res *ImportResult) (added []ftsRow, err error) {
	// Articles of earlier chunks are in the table already (known finds
	// them), so only the chunk's own hashes are kept: memory does not grow
	// with the import.
	known, err := m.known(ctx, c.hashes)
	if err != nil {
		return nil, err
	}
	m.fresh = m.fresh[:0]
	for i, h := range c.hashes {
		if !known[h] {
			known[h] = true // a later copy in the same chunk is a duplicate
			m.fresh = append(m.fresh, i)
		}
	}
	ids := make([]int64, len(c.items))
	res.Duplicates += len(c.items) - len(m.fresh)
	if len(m.fresh) > 0 {
		if err := m.ins.insert(ctx, c, m.fresh, ids); err != nil {
			return nil, fmt.Errorf("articles %d–%d: %w", c.first, c.first+len(c.items)-1, err)
		}
	}
	for _, i := range m.fresh {
		if c.grams[i] != "" {
			if _, err := m.cjk.ExecContext(ctx, ids[i], c.grams[i]); err != nil {
				return nil, fmt.Errorf("article %d (%q): %w", c.first+i, c.items[i].Article.Title, err)
			}
		}
	}
	added = make([]ftsRow, 0, len(m.fresh))
	for _, i := range m.fresh {
		added = append(added, ftsRow{id: ids[i], title: c.items[i].Article.Title, body: c.items[i].Article.Body})
	}
	for _, i := range m.fresh {
		x := c.items[i].Extraction
		if x == nil {
			continue
		}
		if m.sugg == nil {
			m.sugg = newSuggestionSaver(m.tx)
		}
		// A refused extraction is checked before anything of it is written,
		// so the article stays and only its suggestions are left out.
		if err := m.sugg.save(ctx, ids[i], c.runes[i], *x); err != nil {
			var bad refusedSuggestions
			if !errors.As(err, &bad) {
				return nil, fmt.Errorf("article %d (%q): %w", c.first+i, c.items[i].Article.Title, err)
			}
			res.Unsaved = append(res.Unsaved, fmt.Errorf("article %d (%q): suggestions not saved: %w", c.first+i, c.items[i].Article.Title, bad.err))
		}
	}
	for _, i := range m.fresh {
		if err := c.cleared[i]; err != nil {
			res.Cleared = append(res.Cleared, err)
		}
	}
	res.IDs = append(res.IDs, ids...)
	return added, nil
}

// importChunk is how many articles the reader's goroutine hands the writer
// at a time, checked for duplicates with one query. The first chunks of an
// import are smaller (firstChunk, then twice as many each time), so that
// the writer starts on the first articles while the reader parses the next.
const importChunk, firstChunk = 1000, 125

// insertRows is how many rows one INSERT statement adds: enough that the
// cost of a statement is small beside its rows', few enough that the
// statement is quick to prepare (a statement of a thousand rows takes
// milliseconds).
const insertRows = 100

// chunkInserter adds articles with multi-row INSERT statements, keeping
// each statement it prepares for the rest of the import (one per number of
// rows, so at most insertRows of them).
type chunkInserter struct {
	tx    *sql.Tx
	stmts map[int]*sql.Stmt // by number of rows
}

const insertHead = `INSERT INTO articles
	(id, title, publication, author, url, published, dateline, language, body, runes, hash, source_path, source_pos) VALUES `

// insert adds c.items[i] for each i in fresh and records their ids in ids[i].
func (ci *chunkInserter) insert(ctx context.Context, c preparedChunk, fresh []int, ids []int64) error {
	// AUTOINCREMENT would give each row the id after the largest the table
	// ever had; numbering the rows the same way here spares the INSERT
	// returning them.
	var id int64
	if err := ci.tx.QueryRowContext(ctx, `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'articles'), 0),
		coalesce((SELECT max(id) FROM articles), 0))`).Scan(&id); err != nil {
		return err
	}
	args := make([]any, 0, 13*min(len(fresh), insertRows))
	for len(fresh) > 0 {
		part := fresh[:min(len(fresh), insertRows)]
		fresh = fresh[len(part):]
		stmt, err := ci.stmt(ctx, len(part))
		if err != nil {
			return err
		}
		args = args[:0]
		for _, i := range part {
			a := &c.items[i].Article
			id++
			ids[i] = id
			args = append(args, id, a.Title, a.Publication, a.Author, a.URL, a.Published, a.Dateline,
				a.Language, a.Body, c.runes[i], c.hashes[i], a.SourcePath, a.SourcePos)
		}
		if _, err := stmt.ExecContext(ctx, args...); err != nil {
			return err
		}
	}
	return nil
}

// stmt returns the INSERT statement for n rows, prepared on first use.
func (ci *chunkInserter) stmt(ctx context.Context, n int) (*sql.Stmt, error) {
	if st, ok := ci.stmts[n]; ok {
		return st, nil
	}
	var b strings.Builder
	b.WriteString(insertHead)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("(?,?,?,?,?,?,?,?,?,?,?,?,?)")
	}
	st, err := ci.tx.PrepareContext(ctx, b.String())
	if err != nil {
		return nil, err
	}
	if ci.stmts == nil {
		ci.stmts = map[int]*sql.Stmt{}
	}
	ci.stmts[n] = st
	return st, nil
}

func (ci *chunkInserter) close() {
	for _, st := range ci.stmts {
		st.Close()
	}
}

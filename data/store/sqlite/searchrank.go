package sqlite

import (
	"context"
	"database/sql"
)

// rankedArticle is one article found by a search, before its snippet is cut.
type rankedArticle struct {
	hit  SearchHit
	body string
}

// rankArticles returns the best matches of a parsed query, best first, with
// their bodies.
func (s *Store) rankArticles(ctx context.Context, q ftsQuery, limit int) ([]rankedArticle, error) {
	kind, args := searchLatin, []any{q.latin}
	switch {
	case q.latin == "":
		kind, args = searchCJK, []any{q.cjk}
	case q.cjk != "":
		kind, args = searchBoth, []any{q.latin, q.cjk}
	}
	stmt, err := s.searchStmt(ctx, kind)
	if err != nil {
		return nil, err
	}
	rows, err := stmt.QueryContext(ctx, append(args, limit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []rankedArticle
	for rows.Next() {
		var a rankedArticle
		h := &a.hit
		if err := rows.Scan(&h.ArticleID, &h.Rank, &h.Title, &h.Publication, &h.Published, &a.body); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// The kinds of search statement: which of the two indexes a query needs.
const (
	searchLatin = iota
	searchCJK
	searchBoth
	searchKinds
)

// searchSQL ranks the matches of each kind and joins the best to their
// articles, best first. Ranking uses bm25() (BM25 with k1 = 1.2, b = 0 and
// titles weighing ten times the body: see migrateLeanIndexes) with SQLite's
// own top-k sorter, cheaper than FTS5's ORDER BY rank, which sorts every
// match. One statement reads one snapshot.
var searchSQL = [searchKinds]string{
	searchLatin: `SELECT a.id, h.r, a.title, a.publication, a.published, a.body FROM
		(SELECT rowid AS id, bm25(articles_fts, 2.5, 0.25) AS r FROM articles_fts
			WHERE articles_fts MATCH ? ORDER BY r LIMIT ?) h
		JOIN articles a ON a.id = h.id ORDER BY h.r`,
	searchCJK: `SELECT a.id, h.r, a.title, a.publication, a.published, a.body FROM
		(SELECT rowid AS id, bm25(articles_cjk, 0.25) AS r FROM articles_cjk
			WHERE articles_cjk MATCH ? ORDER BY r LIMIT ?) h
		JOIN articles a ON a.id = h.id ORDER BY h.r`,
	searchBoth: `SELECT a.id, h.r, a.title, a.publication, a.published, a.body FROM
		(SELECT f.rowid AS id, bm25(articles_fts, 2.5, 0.25) + bm25(articles_cjk, 0.25) AS r
			FROM articles_fts f JOIN articles_cjk c ON c.rowid = f.rowid
			WHERE articles_fts MATCH ? AND articles_cjk MATCH ? ORDER BY r LIMIT ?) h
		JOIN articles a ON a.id = h.id ORDER BY h.r`,
}

// searchStmt returns the prepared statement of a kind, preparing it on first
// use (database/sql then keeps it prepared on each reader connection).
func (s *Store) searchStmt(ctx context.Context, kind int) (*sql.Stmt, error) {
	s.stmtMu.Lock()
	defer s.stmtMu.Unlock()
	if st := s.search[kind]; st != nil {
		return st, nil
	}
	st, err := s.r.PrepareContext(ctx, searchSQL[kind])
	if err != nil {
		return nil, err
	}
	s.search[kind] = st
	return st, nil
}

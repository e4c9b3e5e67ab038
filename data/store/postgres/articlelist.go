package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/internal/textsearch"
	"github.com/attache-app/attache/data/store/internal/undolabel"
)

// Articles lists articles (without bodies) matching f.
func (s *Store) Articles(ctx context.Context, f store.ArticleFilter) ([]store.ArticleSummary, error) {
	var out []store.ArticleSummary
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		q, args, ok, err := articleListQuery(ctx, tx, summaryCols, f)
		if err != nil || !ok {
			return err
		}
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var a store.ArticleSummary
			if err := scanSummary(rows, &a); err != nil {
				return err
			}
			out = append(out, a)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, s.queryError("list articles", err)
	}
	return out, nil
}

// ArticleIDs lists the ids of the articles f selects, in f's order (f.Limit
// and f.Offset apply as in Articles).
func (s *Store) ArticleIDs(ctx context.Context, f store.ArticleFilter) ([]int64, error) {
	var ids []int64
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		q, args, ok, err := articleListQuery(ctx, tx, "id", f)
		if err != nil || !ok {
			return err
		}
		ids, err = queryIDs(ctx, tx, q, args...)
		return err
	})
	if err != nil {
		return nil, s.queryError("list article ids", err)
	}
	return ids, nil
}

// summaryCols are the columns scanSummary reads.
const summaryCols = `id, title, publication, author, url, published, dateline, language, source_path, source_pos, runes`

func scanSummary(rows *sql.Rows, a *store.ArticleSummary) error {
	return rows.Scan(&a.ID, &a.Title, &a.Publication, &a.Author, &a.URL, &a.Published, &a.Dateline,
		&a.Language, &a.SourcePath, &a.SourcePos, &a.Runes)
}

// articleListQuery builds the query listing cols of the articles f selects,
// in f's order. A text filter is run as a search first (the same matching
// as Search); ok is false when nothing can match.
func articleListQuery(ctx context.Context, tx *sql.Tx, cols string, f store.ArticleFilter) (q string, args []any, ok bool, err error) {
	var conds []string
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	if strings.TrimSpace(f.Text) != "" {
		ids, ok, err := matchingIDs(ctx, tx, f.Text)
		if err != nil || !ok {
			return "", nil, false, err
		}
		conds = append(conds, `id = ANY(`+arg(ids)+`)`)
	}
	if f.Publication != "" {
		conds = append(conds, `nocase(publication) = nocase(`+arg(f.Publication)+`)`)
	}
	if f.From != "" {
		conds = append(conds, `published <> '' AND substr(published, 1, 10) COLLATE "C" >= `+arg(f.From))
	}
	if f.To != "" {
		conds = append(conds, `published <> '' AND substr(published, 1, 10) COLLATE "C" <= `+arg(f.To))
	}
	where := "true"
	if len(conds) > 0 {
		where = strings.Join(conds, " AND ")
	}
	dir := ""
	if f.Desc {
		dir = " DESC"
	}
	var order string
	switch f.Sort {
	case store.ByDate:
		order = ` ORDER BY (published = ''), published COLLATE "C"` + dir + `, nocase(title), id`
	case store.ByTitle:
		order = ` ORDER BY nocase(title)` + dir + `, id` + dir
	default:
		order = ` ORDER BY source_path` + dir + `, source_pos` + dir + `, id` + dir
	}
	q = `SELECT ` + cols + ` FROM articles WHERE ` + where + order
	if f.Limit > 0 {
		q += fmt.Sprintf(` LIMIT %d OFFSET %d`, f.Limit, max(f.Offset, 0))
	}
	return q, args, true, nil
}

// matchingIDs returns the ids of every article a text query matches.
func matchingIDs(ctx context.Context, tx *sql.Tx, text string) ([]int64, bool, error) {
	q := textsearch.Parse(text)
	if q.Empty() {
		return nil, false, nil
	}
	terms, _, err := termPostings(ctx, tx, q)
	if err != nil {
		return nil, false, err
	}
	var all postings
	for i, t := range terms {
		all = intersect(all, t, i == 0)
	}
	ids := make([]int64, 0, len(all))
	for id := range all {
		ids = append(ids, id)
	}
	return ids, true, nil
}

// ArticleSummaries returns the summaries of the articles ids, in the order
// of ids; an id with no article (deleted since it was listed) gives a
// summary holding only that ID.
func (s *Store) ArticleSummaries(ctx context.Context, ids []int64) ([]store.ArticleSummary, error) {
	out := make([]store.ArticleSummary, len(ids))
	at := make(map[int64][]int, len(ids))
	for i, id := range ids {
		out[i].ID = id
		at[id] = append(at[id], i)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+summaryCols+` FROM articles WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, s.queryError("article summaries", err)
	}
	defer rows.Close()
	for rows.Next() {
		var a store.ArticleSummary
		if err := scanSummary(rows, &a); err != nil {
			return nil, s.queryError("article summaries", err)
		}
		for _, i := range at[a.ID] {
			out[i] = a
		}
	}
	if err := rows.Err(); err != nil {
		return nil, s.queryError("article summaries", err)
	}
	return out, nil
}

// ArticleTitles returns the titles of the articles ids that exist, by id.
func (s *Store) ArticleTitles(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	rows, err := s.db.QueryContext(ctx, `SELECT id, title FROM articles WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, s.queryError("article titles", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var title string
		if err := rows.Scan(&id, &title); err != nil {
			return nil, s.queryError("article titles", err)
		}
		out[id] = title
	}
	if err := rows.Err(); err != nil {
		return nil, s.queryError("article titles", err)
	}
	return out, nil
}

// Counts returns how many articles, entities, events, passages, tags and
// mentions the project holds.
func (s *Store) Counts(ctx context.Context) (store.Counts, error) {
	var c store.Counts
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles), (SELECT count(*) FROM entities), (SELECT count(*) FROM events),
		(SELECT count(*) FROM passages), (SELECT count(*) FROM tags), (SELECT count(*) FROM mentions)`).
		Scan(&c.Articles, &c.Entities, &c.Events, &c.Passages, &c.Tags, &c.Mentions)
	if err != nil {
		return store.Counts{}, s.queryError("count rows", err)
	}
	return c, nil
}

// UpdateArticleMeta replaces the metadata of an article (not its body).
func (s *Store) UpdateArticleMeta(ctx context.Context, id int64, m model.ArticleMeta) error {
	if err := model.ValidDate(m.Published); err != nil {
		return fmt.Errorf("postgres: edit article %d: published: %w", id, err)
	}
	return s.change(ctx, undolabel.EditArticle, func(c *changeTx) error {
		if err := exists(ctx, c.Tx, "articles", "article", id); err != nil {
			return err
		}
		if err := c.capture("articles", `id = $1`, id); err != nil {
			return err
		}
		if _, err := c.ExecContext(ctx, `UPDATE articles SET title = $1, publication = $2, author = $3, url = $4,
			published = $5, dateline = $6, language = $7 WHERE id = $8`,
			m.Title, m.Publication, m.Author, m.URL, m.Published, m.Dateline, m.Language, id); err != nil {
			return err
		}
		return reindexArticle(ctx, c.Tx, id)
	})
}

// DeleteArticle removes an article with its passages, mentions and events.
func (s *Store) DeleteArticle(ctx context.Context, id int64) error {
	return s.change(ctx, undolabel.DeleteArticle, func(c *changeTx) error {
		if err := exists(ctx, c.Tx, "articles", "article", id); err != nil {
			return err
		}
		for _, st := range []struct{ table, where string }{
			{"articles", `id = $1`},
			{"passages", `article_id = $1`},
			{"passage_tags", `passage_id IN (SELECT id FROM passages WHERE article_id = $1)`},
			{"mentions", `article_id = $1`},
			{"events", `article_id = $1`},
			{"event_entities", `event_id IN (SELECT id FROM events WHERE article_id = $1)`},
			{"event_tags", `event_id IN (SELECT id FROM events WHERE article_id = $1)`},
			{"dismissed", `article_id = $1`},
		} {
			if err := c.capture(st.table, st.where, id); err != nil {
				return err
			}
		}
		_, err := c.ExecContext(ctx, `DELETE FROM articles WHERE id = $1`, id)
		return err
	})
}

// reindexArticle brings an article's search terms in step with its title
// and body as they stand.
func reindexArticle(ctx context.Context, tx *sql.Tx, id int64) error {
	var title, body string
	err := tx.QueryRowContext(ctx, `SELECT title, body FROM articles WHERE id = $1`, id).Scan(&title, &body)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	for _, q := range []string{`DELETE FROM article_words WHERE article_id = $1`, `DELETE FROM article_grams WHERE article_id = $1`} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return err
		}
	}
	words, grams := textsearch.IndexWords(title, body), textsearch.IndexGrams(title, body)
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET has_grams = $1, word_count = $2, gram_count = $3 WHERE id = $4`,
		len(grams) > 0, wordCount(words), gramCount(grams), id); err != nil {
		return err
	}
	return indexArticle(ctx, tx, id, words, grams)
}

func queryIDs(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Articles lists articles (without bodies) matching f.
func (s *Store) Articles(ctx context.Context, f ArticleFilter) ([]ArticleSummary, error) {
	where, order, args, ok := articleListQuery(f)
	if !ok {
		return nil, nil
	}
	q := `SELECT ` + summaryCols + ` FROM articles WHERE ` + where + order
	if f.Limit > 0 {
		q += fmt.Sprintf(` LIMIT %d OFFSET %d`, f.Limit, max(f.Offset, 0))
	}
	out, err := queryRows(ctx, s.r, scanSummary, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list articles: %w", err)
	}
	return out, nil
}

// summaryCols are the columns scanSummary reads.
const summaryCols = `id, title, publication, author, url, published, dateline, language, source_path, source_pos, runes`

func scanSummary(rows *sql.Rows, a *ArticleSummary) error {
	return rows.Scan(&a.ID, &a.Title, &a.Publication, &a.Author, &a.URL, &a.Published, &a.Dateline,
		&a.Language, &a.SourcePath, &a.SourcePos, &a.Runes)
}

// articleListQuery is the WHERE condition, the ORDER BY clause and the
// arguments that list the articles f selects; ok is false when f's text
// query holds no searchable term (nothing matches).
func articleListQuery(f ArticleFilter) (where, order string, args []any, ok bool) {
	var c conds
	if strings.TrimSpace(f.Text) != "" {
		q := parseQuery(f.Text)
		if q.empty() {
			return "", "", nil, false
		}
		if q.latin != "" {
			c.add(`id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`, q.latin)
		}
		if q.cjk != "" {
			c.add(`id IN (SELECT rowid FROM articles_cjk WHERE articles_cjk MATCH ?)`, q.cjk)
		}
	}
	if f.Publication != "" {
		c.add(`publication = ? COLLATE NOCASE`, f.Publication)
	}
	if f.From != "" {
		c.add(`published <> '' AND substr(published, 1, 10) >= ?`, f.From)
	}
	if f.To != "" {
		c.add(`published <> '' AND substr(published, 1, 10) <= ?`, f.To)
	}
	dir := ""
	if f.Desc {
		dir = " DESC"
	}
	switch f.Sort {
	case ByDate:
		order = ` ORDER BY published = '', published` + dir + `, title COLLATE NOCASE, id`
	case ByTitle:
		order = ` ORDER BY title COLLATE NOCASE` + dir + `, id` + dir
	default:
		order = ` ORDER BY source_path` + dir + `, source_pos` + dir + `, id` + dir
	}
	return c.where(), order, c.args, true
}

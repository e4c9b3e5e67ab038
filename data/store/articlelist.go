package store

import (
	"context"
	"fmt"
	"strings"
)

// ArticleSummary is an article without its body, for lists.
type ArticleSummary struct {
	ID                              int64
	Title, Publication, Author, URL string
	Published, Dateline, Language   string
	SourcePath                      string
	SourcePos                       int
	Runes                           int // body length in runes
}

// ArticleSort orders an article list.
type ArticleSort int

// Orders of Articles.
const (
	ByImport ArticleSort = iota // source file and position, then id
	ByDate                      // published date (unknown dates last), then title
	ByTitle                     // title, case-insensitive
)

// ArticleFilter narrows Articles. Zero values do not filter.
type ArticleFilter struct {
	Text        string // full-text query, same syntax as Search
	Publication string // exact outlet name, case-insensitive
	From, To    string // inclusive published-date range, "2006-01-02"
	Sort        ArticleSort
	Desc        bool
	Limit       int // 0 = no limit
	Offset      int
}

// Articles lists articles (without bodies) matching f.
func (s *Store) Articles(ctx context.Context, f ArticleFilter) ([]ArticleSummary, error) {
	var where []string
	var args []any
	if strings.TrimSpace(f.Text) != "" {
		q := parseQuery(f.Text)
		if q.empty() {
			return nil, nil
		}
		if q.latin != "" {
			where = append(where, `id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`)
			args = append(args, q.latin)
		}
		if q.cjk != "" {
			where = append(where, `id IN (SELECT rowid FROM articles_cjk WHERE articles_cjk MATCH ?)`)
			args = append(args, q.cjk)
		}
	}
	if f.Publication != "" {
		where = append(where, `publication = ? COLLATE NOCASE`)
		args = append(args, f.Publication)
	}
	if f.From != "" {
		where = append(where, `published <> '' AND substr(published, 1, 10) >= ?`)
		args = append(args, f.From)
	}
	if f.To != "" {
		where = append(where, `published <> '' AND substr(published, 1, 10) <= ?`)
		args = append(args, f.To)
	}
	q := `SELECT id, title, publication, author, url, published, dateline, language, source_path, source_pos, runes FROM articles`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	dir := ""
	if f.Desc {
		dir = " DESC"
	}
	switch f.Sort {
	case ByDate:
		q += ` ORDER BY published = '', published` + dir + `, title COLLATE NOCASE, id`
	case ByTitle:
		q += ` ORDER BY title COLLATE NOCASE` + dir + `, id`
	default:
		q += ` ORDER BY source_path` + dir + `, source_pos` + dir + `, id` + dir
	}
	if f.Limit > 0 {
		q += fmt.Sprintf(` LIMIT %d OFFSET %d`, f.Limit, max(f.Offset, 0))
	}
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list articles: %w", err)
	}
	defer rows.Close()
	var out []ArticleSummary
	for rows.Next() {
		var a ArticleSummary
		if err := rows.Scan(&a.ID, &a.Title, &a.Publication, &a.Author, &a.URL, &a.Published, &a.Dateline,
			&a.Language, &a.SourcePath, &a.SourcePos, &a.Runes); err != nil {
			return nil, fmt.Errorf("store: list articles: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list articles: %w", err)
	}
	return out, nil
}

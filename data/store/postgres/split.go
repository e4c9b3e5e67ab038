package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/internal/suggest"
	"github.com/attache-app/attache/data/store/internal/undolabel"
)

// SplitArticle cuts an article in two at rune offset at: the article keeps
// the text before the cut, and a new article (returned) gets the text from
// the cut on, with the same metadata and a title taken from its first line
// when that line is short. Passages, mentions and events after the cut move
// to the new article with shifted offsets; one that spans the cut is refused.
func (s *Store) SplitArticle(ctx context.Context, id int64, at int) (int64, error) {
	var newID int64
	err := s.change(ctx, undolabel.SplitArticle, func(c *changeTx) error {
		a, err := s.articleIn(ctx, c.Tx, id)
		if err != nil {
			return err
		}
		rs := []rune(a.Body)
		if at <= 0 || at >= len(rs) {
			return fmt.Errorf("cannot split article %d at %d: cut must be inside the body (1–%d)", id, at, len(rs)-1)
		}
		head, tail := string(rs[:at]), string(rs[at:])
		if strings.TrimSpace(head) == "" || strings.TrimSpace(tail) == "" {
			return fmt.Errorf("cannot split article %d at %d: one part would be empty", id, at)
		}
		for _, t := range []string{"passages", "mentions", "events"} {
			var n int
			if err := c.QueryRowContext(ctx, `SELECT count(*) FROM `+t+` WHERE article_id = $1 AND start < $2 AND "end" > $2`, id, at).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return fmt.Errorf("cannot split article %d at %d: %d %s span the cut", id, at, n, t)
			}
		}
		if err := c.captureArticleTree(id); err != nil {
			return err
		}
		if err := setBody(c, id, head); err != nil {
			return err
		}
		title := a.Title
		if line := firstLine(tail); line != "" && utf8.RuneCountInString(line) <= 150 {
			title = line
		}
		if err := c.QueryRowContext(ctx, `INSERT INTO articles
			(title, publication, author, url, published, dateline, language, body, runes, hash, source_path, source_pos)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`, title, a.Publication, a.Author, a.URL, a.Published,
			a.Dateline, a.Language, tail, len(rs)-at, store.BodyHash(tail), a.SourcePath, a.SourcePos).Scan(&newID); err != nil {
			return bodyConflict(err, id)
		}
		c.created("articles", newID)
		if err := reindexArticle(ctx, c.Tx, newID); err != nil {
			return err
		}
		return c.moveItems(id, newID, at, -at)
	})
	return newID, err
}

// MergeArticleWithNext joins an article with the one after it in the same
// source file (by position, then id) — the inverse of SplitArticle.
func (s *Store) MergeArticleWithNext(ctx context.Context, id int64) error {
	return s.change(ctx, undolabel.MergeArticles, func(c *changeTx) error {
		a, err := s.articleIn(ctx, c.Tx, id)
		if err != nil {
			return err
		}
		var nextID int64
		err = c.QueryRowContext(ctx, `SELECT id FROM articles WHERE source_path = $1 AND (source_pos > $2 OR (source_pos = $2 AND id > $3))
			ORDER BY source_pos, id LIMIT 1`, a.SourcePath, a.SourcePos, a.ID).Scan(&nextID)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("article %d is the last of its source file: %w", id, store.ErrNotFound)
		}
		if err != nil {
			return err
		}
		b, err := s.articleIn(ctx, c.Tx, nextID)
		if err != nil {
			return err
		}
		sep := "\n\n"
		last, _ := utf8.DecodeLastRuneInString(a.Body)
		first, _ := utf8.DecodeRuneInString(b.Body)
		if unicode.IsSpace(last) || unicode.IsSpace(first) {
			sep = ""
		}
		if err := c.captureArticleTree(id); err != nil {
			return err
		}
		if err := c.captureArticleTree(nextID); err != nil {
			return err
		}
		if err := c.moveItems(nextID, id, 0, utf8.RuneCountInString(a.Body+sep)); err != nil {
			return err
		}
		if _, err := c.ExecContext(ctx, `DELETE FROM articles WHERE id = $1`, nextID); err != nil {
			return err
		}
		return setBody(c, id, a.Body+sep+b.Body)
	})
}

// articleIn reads an article inside a transaction.
func (s *Store) articleIn(ctx context.Context, tx *sql.Tx, id int64) (model.Article, error) {
	var a model.Article
	err := tx.QueryRowContext(ctx, `SELECT `+articleCols+` FROM articles WHERE id = $1`, id).Scan(
		&a.ID, &a.Title, &a.Publication, &a.Author, &a.URL, &a.Published, &a.Dateline,
		&a.Language, &a.Body, &a.Hash, &a.SourcePath, &a.SourcePos)
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("article %d: %w", id, store.ErrNotFound)
	}
	return a, err
}

// captureArticleTree records an article and every row that hangs off it.
func (c *changeTx) captureArticleTree(id int64) error {
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
	return nil
}

// setBody replaces the body of an article (only splitting and merging do)
// and brings its search terms in step.
func setBody(c *changeTx, id int64, body string) error {
	if _, err := c.ExecContext(c.ctx, `UPDATE articles SET body = $1, runes = $2, hash = $3 WHERE id = $4`,
		body, utf8.RuneCountInString(body), store.BodyHash(body), id); err != nil {
		return bodyConflict(err, id)
	}
	return reindexArticle(c.ctx, c.Tx, id)
}

func bodyConflict(err error, id int64) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23505" {
		return fmt.Errorf("article %d: the resulting text is already in the project as another article", id)
	}
	return err
}

// moveItems moves the passages, mentions, events and dismissed suggestions
// of article from that start at or after at to article to, shifting their
// offsets (and the spans inside their machine keys) by delta.
func (c *changeTx) moveItems(from, to int64, at, delta int) error {
	ctx := c.ctx
	if _, err := c.ExecContext(ctx, `UPDATE passages SET article_id = $1, start = start + $2, "end" = "end" + $2
		WHERE article_id = $3 AND start >= $4`, to, delta, from, at); err != nil {
		return err
	}
	for _, t := range []string{"mentions", "events", "dismissed"} {
		q := `SELECT id, start, coalesce(machine_key, '') FROM ` + t + ` WHERE article_id = $1 AND start >= $2`
		if t == "dismissed" {
			q = `SELECT id, 0, machine_key FROM dismissed WHERE article_id = $1 AND $2::int >= 0`
		}
		type item struct {
			id    int64
			start int
			key   string
		}
		var items []item
		rows, err := c.QueryContext(ctx, q, from, at)
		if err != nil {
			return err
		}
		for rows.Next() {
			var it item
			if err := rows.Scan(&it.id, &it.start, &it.key); err != nil {
				rows.Close()
				return err
			}
			items = append(items, it)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, it := range items {
			var err error
			switch t {
			case "dismissed":
				if start, _, ok := suggest.KeySpan(it.key); !ok || start < at {
					continue
				}
				_, err = c.ExecContext(ctx, `UPDATE dismissed SET article_id = $1, machine_key = $2 WHERE id = $3`,
					to, suggest.ShiftKey(it.key, delta), it.id)
			default:
				key := sql.NullString{String: it.key, Valid: it.key != ""}
				if key.Valid {
					key.String = suggest.ShiftKey(key.String, delta)
				}
				// An event without a span (0–0) keeps having none.
				_, err = c.ExecContext(ctx, `UPDATE `+t+` SET article_id = $1,
					start = CASE WHEN start = 0 AND "end" = 0 THEN 0 ELSE start + $2 END,
					"end" = CASE WHEN start = 0 AND "end" = 0 THEN 0 ELSE "end" + $2 END,
					machine_key = $3 WHERE id = $4`, to, delta, key, it.id)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

func firstLine(s string) string {
	for line := range strings.SplitSeq(s, "\n") {
		if l := strings.TrimSpace(line); l != "" {
			return l
		}
	}
	return ""
}

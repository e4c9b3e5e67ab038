package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

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
		a, err := getArticle(ctx, c, id)
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
			if err := c.QueryRowContext(ctx, `SELECT count(*) FROM `+t+` WHERE article_id = ? AND start < ? AND "end" > ?`, id, at, at).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return fmt.Errorf("cannot split article %d at %d: %d %s span the cut", id, at, n, t)
			}
		}
		if err := captureArticleTree(c, id); err != nil {
			return err
		}
		if err := setBody(c, id, a.Title, head); err != nil {
			return err
		}
		title := a.Title
		if line := firstLine(tail); line != "" && utf8.RuneCountInString(line) <= 150 {
			title = line
		}
		r, err := c.ExecContext(ctx, `INSERT INTO articles
			(title, publication, author, url, published, dateline, language, body, runes, hash, source_path, source_pos)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, title, a.Publication, a.Author, a.URL, a.Published,
			a.Dateline, a.Language, tail, len(rs)-at, store.BodyHash(tail), a.SourcePath, a.SourcePos)
		if err != nil {
			return bodyConflict(err, id)
		}
		if newID, err = r.LastInsertId(); err != nil {
			return err
		}
		c.created("articles", newID)
		if err := indexCJK(ctx, c, newID, title, tail); err != nil {
			return err
		}
		return moveItems(c, id, newID, at, -at)
	})
	return newID, err
}

// MergeArticleWithNext joins an article with the one after it in the same
// source file (by position, then id) — the inverse of SplitArticle. The
// bodies are joined with a blank line unless one side already has white
// space at the seam; the next article's items move over with shifted offsets
// and it is deleted.
func (s *Store) MergeArticleWithNext(ctx context.Context, id int64) error {
	return s.change(ctx, undolabel.MergeArticles, func(c *changeTx) error {
		a, err := getArticle(ctx, c, id)
		if err != nil {
			return err
		}
		var nextID int64
		err = c.QueryRowContext(ctx, `SELECT id FROM articles WHERE source_path = ? AND (source_pos > ? OR (source_pos = ? AND id > ?))
			ORDER BY source_pos, id LIMIT 1`, a.SourcePath, a.SourcePos, a.SourcePos, a.ID).Scan(&nextID)
		if err == sql.ErrNoRows {
			return fmt.Errorf("article %d is the last of its source file: %w", id, store.ErrNotFound)
		}
		if err != nil {
			return err
		}
		b, err := getArticle(ctx, c, nextID)
		if err != nil {
			return err
		}
		sep := "\n\n"
		last, _ := utf8.DecodeLastRuneInString(a.Body)
		first, _ := utf8.DecodeRuneInString(b.Body)
		if unicode.IsSpace(last) || unicode.IsSpace(first) {
			sep = ""
		}
		if err := captureArticleTree(c, id); err != nil {
			return err
		}
		if err := captureArticleTree(c, nextID); err != nil {
			return err
		}
		shift := utf8.RuneCountInString(a.Body + sep)
		if err := moveItems(c, nextID, id, 0, shift); err != nil {
			return err
		}
		if _, err := c.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, nextID); err != nil {
			return err
		}
		return setBody(c, id, a.Title, a.Body+sep+b.Body)
	})
}

// setBody replaces the body of an article (only splitting and merging do).
func setBody(c *changeTx, id int64, title, body string) error {
	if _, err := c.ExecContext(c.ctx, `UPDATE articles SET body = ?, runes = ?, hash = ? WHERE id = ?`,
		body, utf8.RuneCountInString(body), store.BodyHash(body), id); err != nil {
		return bodyConflict(err, id)
	}
	return indexCJK(c.ctx, c, id, title, body)
}

func bodyConflict(err error, id int64) error {
	if strings.Contains(err.Error(), "UNIQUE") {
		return fmt.Errorf("article %d: the resulting text is already in the project as another article", id)
	}
	return err
}

// moveItems moves the passages, mentions, events and dismissed suggestions of
// article from that start at or after at to article to, shifting their
// offsets (and the spans inside their machine keys) by delta.
func moveItems(c *changeTx, from, to int64, at, delta int) error {
	ctx := c.ctx
	type item struct {
		id    int64
		start int
		key   sql.NullString
	}
	for _, t := range []string{"passages", "mentions", "events", "dismissed"} {
		q := `SELECT id, start, machine_key FROM ` + t + ` WHERE article_id = ? AND start >= ?`
		switch t {
		case "passages":
			q = `SELECT id, start, NULL FROM passages WHERE article_id = ? AND start >= ?`
		case "dismissed":
			q = `SELECT id, 0, machine_key FROM dismissed WHERE article_id = ? AND ? >= 0`
		}
		items, err := queryRows(ctx, c, func(rows *sql.Rows, it *item) error {
			return rows.Scan(&it.id, &it.start, &it.key)
		}, q, from, at)
		if err != nil {
			return err
		}
		for _, it := range items {
			var err error
			switch t {
			case "passages":
				_, err = c.ExecContext(ctx, `UPDATE passages SET article_id = ?, start = start + ?, "end" = "end" + ? WHERE id = ?`,
					to, delta, delta, it.id)
			case "dismissed":
				if start, _, ok := suggest.KeySpan(it.key.String); !ok || start < at {
					continue
				}
				_, err = c.ExecContext(ctx, `UPDATE dismissed SET article_id = ?, machine_key = ? WHERE id = ?`,
					to, suggest.ShiftKey(it.key.String, delta), it.id)
			default:
				key := it.key
				if key.Valid {
					key.String = suggest.ShiftKey(key.String, delta)
				}
				// An event without a span (0–0) keeps having none.
				_, err = c.ExecContext(ctx, `UPDATE `+t+` SET article_id = ?,
					start = CASE WHEN start = 0 AND "end" = 0 THEN 0 ELSE start + ? END,
					"end" = CASE WHEN start = 0 AND "end" = 0 THEN 0 ELSE "end" + ? END,
					machine_key = ? WHERE id = ?`, to, delta, delta, key, it.id)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

func firstLine(s string) string {
	for _, line := range strings.Split(s, "\n") {
		if l := strings.TrimSpace(line); l != "" {
			return l
		}
	}
	return ""
}

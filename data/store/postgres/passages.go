package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/internal/refcheck"
	"github.com/attache-app/attache/data/store/internal/undolabel"
)

// CreatePassage adds a passage with its tags and note and returns its id.
func (s *Store) CreatePassage(ctx context.Context, p store.Passage) (int64, error) {
	var id int64
	err := s.change(ctx, undolabel.CreatePassage, func(c *changeTx) error {
		if err := checkSpan(ctx, c.Tx, p.ArticleID, p.Start, p.End); err != nil {
			return err
		}
		if err := c.QueryRowContext(ctx, `INSERT INTO passages(article_id, start, "end", note) VALUES ($1, $2, $3, $4) RETURNING id`,
			p.ArticleID, p.Start, p.End, p.Note).Scan(&id); err != nil {
			return err
		}
		c.created("passages", id)
		for _, t := range p.TagIDs {
			if err := addPassageTag(c, id, t); err != nil {
				return err
			}
		}
		return nil
	})
	return id, err
}

func addPassageTag(c *changeTx, passageID, tagID int64) error {
	if err := exists(c.ctx, c.Tx, "tags", "tag", tagID); err != nil {
		return err
	}
	var id int64
	err := c.QueryRowContext(c.ctx, `INSERT INTO passage_tags(passage_id, tag_id) VALUES ($1, $2)
		ON CONFLICT (passage_id, tag_id) DO NOTHING RETURNING id`, passageID, tagID).Scan(&id)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	c.created("passage_tags", id)
	return nil
}

// TagPassage adds a tag to a passage (no change if it already has it).
func (s *Store) TagPassage(ctx context.Context, passageID, tagID int64) error {
	return s.change(ctx, undolabel.TagPassage, func(c *changeTx) error {
		if err := exists(ctx, c.Tx, "passages", "passage", passageID); err != nil {
			return err
		}
		return addPassageTag(c, passageID, tagID)
	})
}

// UntagPassage removes a tag from a passage.
func (s *Store) UntagPassage(ctx context.Context, passageID, tagID int64) error {
	return s.change(ctx, undolabel.UntagPassage, func(c *changeTx) error {
		if err := exists(ctx, c.Tx, "passages", "passage", passageID); err != nil {
			return err
		}
		if err := c.capture("passage_tags", `passage_id = $1 AND tag_id = $2`, passageID, tagID); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `DELETE FROM passage_tags WHERE passage_id = $1 AND tag_id = $2`, passageID, tagID)
		return err
	})
}

// SetPassageNote replaces the note of a passage.
func (s *Store) SetPassageNote(ctx context.Context, passageID int64, note string) error {
	return s.change(ctx, undolabel.EditNote, func(c *changeTx) error {
		if err := exists(ctx, c.Tx, "passages", "passage", passageID); err != nil {
			return err
		}
		if err := c.capture("passages", `id = $1`, passageID); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `UPDATE passages SET note = $1, `+touched+` WHERE id = $2`, note, passageID)
		return err
	})
}

// DeletePassage removes a passage with its tags and note.
func (s *Store) DeletePassage(ctx context.Context, passageID int64) error {
	return s.change(ctx, undolabel.DeletePassage, func(c *changeTx) error {
		if err := exists(ctx, c.Tx, "passages", "passage", passageID); err != nil {
			return err
		}
		if err := c.capture("passages", `id = $1`, passageID); err != nil {
			return err
		}
		if err := c.capture("passage_tags", `passage_id = $1`, passageID); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `DELETE FROM passages WHERE id = $1`, passageID)
		return err
	})
}

// Passage returns one passage.
func (s *Store) Passage(ctx context.Context, id int64) (store.Passage, error) {
	ps, err := s.passages(ctx, `p.id = $1`, id)
	if err != nil {
		return store.Passage{}, err
	}
	if len(ps) == 0 {
		return store.Passage{}, fmt.Errorf("postgres: passage %d: %w", id, store.ErrNotFound)
	}
	return ps[0], nil
}

// Passages lists passages matching f, by article and position.
func (s *Store) Passages(ctx context.Context, f store.PassageFilter) ([]store.Passage, error) {
	return s.passages(ctx, `($1::bigint = 0 OR p.article_id = $1) AND ($2::bigint = 0 OR p.id IN (SELECT passage_id FROM passage_tags WHERE tag_id = $2))`,
		f.ArticleID, f.TagID)
}

func (s *Store) passages(ctx context.Context, where string, args ...any) ([]store.Passage, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.article_id, p.start, p."end", p.note, p.created_by, p.updated_by, p.`+versionCol+`,
		substr(a.body, p.start + 1, p."end" - p.start),
		coalesce((SELECT string_agg(tag_id::text, ',' ORDER BY tag_id) FROM passage_tags WHERE passage_id = p.id), '')
		FROM passages p JOIN articles a ON a.id = p.article_id
		WHERE `+where+` ORDER BY p.article_id, p.start, p.id`, args...)
	if err != nil {
		return nil, s.queryError("list passages", err)
	}
	defer rows.Close()
	var out []store.Passage
	for rows.Next() {
		var p store.Passage
		var tags string
		if err := rows.Scan(&p.ID, &p.ArticleID, &p.Start, &p.End, &p.Note, &p.CreatedBy, &p.ChangedBy, &p.Version, &p.Text, &tags); err != nil {
			return nil, s.queryError("list passages", err)
		}
		p.TagIDs = splitIDs(tags)
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, s.queryError("list passages", err)
	}
	return out, nil
}

// checkSpan refuses a span that is not within the article's body.
func checkSpan(ctx context.Context, tx *sql.Tx, articleID int64, start, end int) error {
	return refcheck.Span(ctx, lookup{tx}, articleID, start, end)
}

// lookup reads, in tx, what refcheck's checks need.
type lookup struct{ tx *sql.Tx }

func (l lookup) Runes(ctx context.Context, articleID int64) (int, error) {
	var n int
	err := l.tx.QueryRowContext(ctx, `SELECT runes FROM articles WHERE id = $1`, articleID).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("article %d: %w", articleID, store.ErrNotFound)
	}
	return n, err
}

func (l lookup) Exists(ctx context.Context, table, noun string, id int64) error {
	return exists(ctx, l.tx, table, noun, id)
}

// splitIDs parses a comma-separated id list.
func splitIDs(s string) []int64 {
	if s == "" {
		return nil
	}
	var ids []int64
	for p := range strings.SplitSeq(s, ",") {
		if id, err := strconv.ParseInt(p, 10, 64); err == nil {
			ids = append(ids, id)
		}
	}
	return ids
}

package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/attache-app/attache/data/store/internal/undolabel"
)

// CreatePassage adds a passage with its tags and note and returns its id.
func (s *Store) CreatePassage(ctx context.Context, p Passage) (int64, error) {
	var id int64
	err := s.change(ctx, undolabel.CreatePassage, func(c *changeTx) error {
		if err := checkSpan(ctx, c, p.ArticleID, p.Start, p.End); err != nil {
			return err
		}
		r, err := c.ExecContext(ctx, `INSERT INTO passages(article_id, start, "end", note) VALUES (?, ?, ?, ?)`,
			p.ArticleID, p.Start, p.End, p.Note)
		if err != nil {
			return err
		}
		if id, err = r.LastInsertId(); err != nil {
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
	if err := exists(c.ctx, c, "tags", "tag", tagID); err != nil {
		return err
	}
	r, err := c.ExecContext(c.ctx, `INSERT OR IGNORE INTO passage_tags(passage_id, tag_id) VALUES (?, ?)`, passageID, tagID)
	if err != nil {
		return err
	}
	if n, _ := r.RowsAffected(); n > 0 {
		id, err := r.LastInsertId()
		if err != nil {
			return err
		}
		c.created("passage_tags", id)
	}
	return nil
}

// TagPassage adds a tag to a passage (no change if it already has it).
func (s *Store) TagPassage(ctx context.Context, passageID, tagID int64) error {
	return s.change(ctx, undolabel.TagPassage, func(c *changeTx) error {
		if err := exists(ctx, c, "passages", "passage", passageID); err != nil {
			return err
		}
		return addPassageTag(c, passageID, tagID)
	})
}

// UntagPassage removes a tag from a passage.
func (s *Store) UntagPassage(ctx context.Context, passageID, tagID int64) error {
	return s.change(ctx, undolabel.UntagPassage, func(c *changeTx) error {
		if err := exists(ctx, c, "passages", "passage", passageID); err != nil {
			return err
		}
		if err := c.capture("passage_tags", `passage_id = ? AND tag_id = ?`, passageID, tagID); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `DELETE FROM passage_tags WHERE passage_id = ? AND tag_id = ?`, passageID, tagID)
		return err
	})
}

// SetPassageNote replaces the note of a passage.
func (s *Store) SetPassageNote(ctx context.Context, passageID int64, note string) error {
	return s.change(ctx, undolabel.EditNote, func(c *changeTx) error {
		if err := exists(ctx, c, "passages", "passage", passageID); err != nil {
			return err
		}
		if err := c.capture("passages", `id = ?`, passageID); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `UPDATE passages SET note = ? WHERE id = ?`, note, passageID)
		return err
	})
}

// DeletePassage removes a passage with its tags and note.
func (s *Store) DeletePassage(ctx context.Context, passageID int64) error {
	return s.change(ctx, undolabel.DeletePassage, func(c *changeTx) error {
		if err := exists(ctx, c, "passages", "passage", passageID); err != nil {
			return err
		}
		if err := c.capture("passages", `id = ?`, passageID); err != nil {
			return err
		}
		if err := c.capture("passage_tags", `passage_id = ?`, passageID); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `DELETE FROM passages WHERE id = ?`, passageID)
		return err
	})
}

// Passage returns one passage.
func (s *Store) Passage(ctx context.Context, id int64) (Passage, error) {
	ps, err := s.passages(ctx, `p.id = ?`, id)
	return one(ps, err, "passage", id)
}

// Passages lists passages matching f, by article and position.
func (s *Store) Passages(ctx context.Context, f PassageFilter) ([]Passage, error) {
	var c conds
	if f.ArticleID != 0 {
		c.add(`p.article_id = ?`, f.ArticleID)
	}
	if f.TagID != 0 {
		c.add(`p.id IN (SELECT passage_id FROM passage_tags WHERE tag_id = ?)`, f.TagID)
	}
	return s.passages(ctx, c.where(), c.args...)
}

func (s *Store) passages(ctx context.Context, where string, args ...any) ([]Passage, error) {
	out, err := queryRows(ctx, s.r, func(rows *sql.Rows, p *Passage) error {
		var tags sql.NullString
		if err := rows.Scan(&p.ID, &p.ArticleID, &p.Start, &p.End, &p.Note, &p.Text, &tags); err != nil {
			return err
		}
		p.TagIDs = splitIDs(tags.String)
		return nil
	}, `SELECT p.id, p.article_id, p.start, p."end", p.note,
		substr(a.body, p.start + 1, p."end" - p.start),
		(SELECT group_concat(tag_id, ',' ORDER BY tag_id) FROM passage_tags WHERE passage_id = p.id)
		FROM passages p JOIN articles a ON a.id = p.article_id
		WHERE `+where+` ORDER BY p.article_id, p.start, p.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list passages: %w", err)
	}
	return out, nil
}

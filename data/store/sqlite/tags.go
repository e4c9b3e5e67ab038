package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/attache-app/attache/data/store/internal/undolabel"
)

func checkTag(t *Tag) error {
	t.Normalize()
	return t.Validate()
}

// CreateTag adds a tag and returns its id.
func (s *Store) CreateTag(ctx context.Context, t Tag) (int64, error) {
	if err := checkTag(&t); err != nil {
		return 0, fmt.Errorf("store: create tag: %w", err)
	}
	var id int64
	err := s.change(ctx, undolabel.CreateTag, func(c *changeTx) error {
		if t.ParentID != 0 {
			if err := exists(ctx, c, "tags", "parent tag", t.ParentID); err != nil {
				return err
			}
		}
		r, err := c.ExecContext(ctx, `INSERT INTO tags(parent_id, name, colour, description) VALUES (?, ?, ?, ?)`,
			nullID(t.ParentID), t.Name, t.Colour, t.Description)
		if err != nil {
			return err
		}
		id, err = r.LastInsertId()
		c.created("tags", id)
		return err
	})
	return id, err
}

// Tags lists every tag with its usage counts, parents before children and
// siblings by name.
func (s *Store) Tags(ctx context.Context) ([]Tag, error) {
	out, err := queryRows(ctx, s.r, func(rows *sql.Rows, t *Tag) error {
		return rows.Scan(&t.ID, &t.ParentID, &t.Name, &t.Colour, &t.Description, &t.Passages, &t.Events)
	}, `
		WITH RECURSIVE tree(id, path) AS (
			SELECT id, lower(name) || char(1) || id FROM tags WHERE parent_id IS NULL
			UNION ALL
			SELECT t.id, tree.path || char(0) || lower(t.name) || char(1) || t.id FROM tags t JOIN tree ON t.parent_id = tree.id)
		SELECT t.id, coalesce(t.parent_id, 0), t.name, t.colour, t.description,
			(SELECT count(*) FROM passage_tags WHERE tag_id = t.id),
			(SELECT count(*) FROM event_tags WHERE tag_id = t.id)
		FROM tags t JOIN tree ON tree.id = t.id ORDER BY tree.path`)
	if err != nil {
		return nil, fmt.Errorf("store: list tags: %w", err)
	}
	return out, nil
}

// UpdateTag changes a tag's name, colour and description (not its parent:
// see MoveTag).
func (s *Store) UpdateTag(ctx context.Context, t Tag) error {
	if err := checkTag(&t); err != nil {
		return fmt.Errorf("store: edit tag %d: %w", t.ID, err)
	}
	return s.change(ctx, undolabel.EditTag, func(c *changeTx) error {
		if err := exists(ctx, c, "tags", "tag", t.ID); err != nil {
			return err
		}
		if err := c.capture("tags", `id = ?`, t.ID); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `UPDATE tags SET name = ?, colour = ?, description = ? WHERE id = ?`,
			t.Name, t.Colour, t.Description, t.ID)
		return err
	})
}

// MoveTag puts a tag under a new parent (0 = top level). Moving a tag under
// itself or one of its descendants is refused.
func (s *Store) MoveTag(ctx context.Context, id, parentID int64) error {
	return s.change(ctx, undolabel.MoveTag, func(c *changeTx) error {
		if err := exists(ctx, c, "tags", "tag", id); err != nil {
			return err
		}
		if parentID != 0 {
			if err := exists(ctx, c, "tags", "parent tag", parentID); err != nil {
				return err
			}
			var inside bool
			err := c.QueryRowContext(ctx, `WITH RECURSIVE sub(id) AS (
				SELECT ? UNION SELECT t.id FROM tags t JOIN sub ON t.parent_id = sub.id)
				SELECT EXISTS(SELECT 1 FROM sub WHERE id = ?)`, id, parentID).Scan(&inside)
			if err != nil {
				return err
			}
			if inside {
				return fmt.Errorf("cannot move tag %d under itself or its descendant %d", id, parentID)
			}
		}
		if err := c.capture("tags", `id = ?`, id); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `UPDATE tags SET parent_id = ? WHERE id = ?`, nullID(parentID), id)
		return err
	})
}

// DeleteTag removes a tag from the codebook and from every passage and event
// that carried it. Its children move up to its parent.
func (s *Store) DeleteTag(ctx context.Context, id int64) error {
	return s.change(ctx, undolabel.DeleteTag, func(c *changeTx) error {
		if err := exists(ctx, c, "tags", "tag", id); err != nil {
			return err
		}
		for _, st := range []struct{ table, where string }{
			{"tags", `id = ? OR parent_id = ?`},
			{"passage_tags", `tag_id = ? OR tag_id = ?`},
			{"event_tags", `tag_id = ? OR tag_id = ?`},
		} {
			if err := c.capture(st.table, st.where, id, id); err != nil {
				return err
			}
		}
		if _, err := c.ExecContext(ctx, `UPDATE tags SET parent_id = (SELECT parent_id FROM tags WHERE id = ?) WHERE parent_id = ?`, id, id); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `DELETE FROM tags WHERE id = ?`, id)
		return err
	})
}

// nullID maps the id 0 ("none") to SQL NULL.
func nullID(id int64) sql.NullInt64 {
	return sql.NullInt64{Int64: id, Valid: id != 0}
}

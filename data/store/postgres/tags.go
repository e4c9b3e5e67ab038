package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/internal/undolabel"
)

// CreateTag adds a tag and returns its id.
func (s *Store) CreateTag(ctx context.Context, t store.Tag) (int64, error) {
	t.Normalize()
	if err := t.Validate(); err != nil {
		return 0, fmt.Errorf("postgres: create tag: %w", err)
	}
	var id int64
	err := s.change(ctx, undolabel.CreateTag, func(c *changeTx) error {
		if t.ParentID != 0 {
			if err := exists(ctx, c.Tx, "tags", "parent tag", t.ParentID); err != nil {
				return err
			}
		}
		if err := c.QueryRowContext(ctx, `INSERT INTO tags(parent_id, name, colour, description) VALUES ($1, $2, $3, $4) RETURNING id`,
			nullID(t.ParentID), t.Name, t.Colour, t.Description).Scan(&id); err != nil {
			return err
		}
		c.created("tags", id)
		return nil
	})
	return id, err
}

// Tags lists every tag with its usage counts, parents before children and
// siblings by name.
func (s *Store) Tags(ctx context.Context) ([]store.Tag, error) {
	rows, err := s.db.QueryContext(ctx, `
WITH RECURSIVE tree(id, path) AS (
	SELECT id, ARRAY[nocase(name) || chr(1) || id] FROM tags WHERE parent_id IS NULL
	UNION ALL
	SELECT t.id, tree.path || (nocase(t.name) || chr(1) || t.id) FROM tags t JOIN tree ON t.parent_id = tree.id)
SELECT t.id, coalesce(t.parent_id, 0), t.name, t.colour, t.description, t.created_by, t.updated_by, t.`+versionCol+`,
	(SELECT count(*) FROM passage_tags WHERE tag_id = t.id),
	(SELECT count(*) FROM event_tags WHERE tag_id = t.id)
FROM tags t JOIN tree ON tree.id = t.id ORDER BY tree.path COLLATE "C"`)
	if err != nil {
		return nil, s.queryError("list tags", err)
	}
	defer rows.Close()
	var out []store.Tag
	for rows.Next() {
		var t store.Tag
		if err := rows.Scan(&t.ID, &t.ParentID, &t.Name, &t.Colour, &t.Description, &t.CreatedBy, &t.ChangedBy, &t.Version, &t.Passages, &t.Events); err != nil {
			return nil, s.queryError("list tags", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, s.queryError("list tags", err)
	}
	return out, nil
}

// UpdateTag changes a tag's name, colour and description (not its parent:
// see MoveTag).
func (s *Store) UpdateTag(ctx context.Context, t store.Tag) error {
	t.Normalize()
	if err := t.Validate(); err != nil {
		return fmt.Errorf("postgres: edit tag %d: %w", t.ID, err)
	}
	return s.change(ctx, undolabel.EditTag, func(c *changeTx) error {
		if err := checkVersion(ctx, c.Tx, "tags", "tag", t.ID, t.Version); err != nil {
			return err
		}
		if err := c.capture("tags", `id = $1`, t.ID); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `UPDATE tags SET name = $1, colour = $2, description = $3, `+touched+` WHERE id = $4`,
			t.Name, t.Colour, t.Description, t.ID)
		return err
	})
}

// MoveTag puts a tag under a new parent (0 = top level). Moving a tag under
// itself or one of its descendants is refused.
func (s *Store) MoveTag(ctx context.Context, id, parentID int64) error {
	return s.change(ctx, undolabel.MoveTag, func(c *changeTx) error {
		if err := exists(ctx, c.Tx, "tags", "tag", id); err != nil {
			return err
		}
		if parentID != 0 {
			if err := exists(ctx, c.Tx, "tags", "parent tag", parentID); err != nil {
				return err
			}
			var inside bool
			if err := c.QueryRowContext(ctx, `WITH RECURSIVE sub(id) AS (
				SELECT $1::bigint UNION SELECT t.id FROM tags t JOIN sub ON t.parent_id = sub.id)
				SELECT EXISTS(SELECT 1 FROM sub WHERE id = $2)`, id, parentID).Scan(&inside); err != nil {
				return err
			}
			if inside {
				return fmt.Errorf("cannot move tag %d under itself or its descendant %d", id, parentID)
			}
		}
		if err := c.capture("tags", `id = $1`, id); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `UPDATE tags SET parent_id = $1, `+touched+` WHERE id = $2`, nullID(parentID), id)
		return err
	})
}

// DeleteTag removes a tag from the codebook and from every passage and event
// that carried it. Its children move up to its parent.
func (s *Store) DeleteTag(ctx context.Context, id int64) error {
	return s.change(ctx, undolabel.DeleteTag, func(c *changeTx) error {
		if err := exists(ctx, c.Tx, "tags", "tag", id); err != nil {
			return err
		}
		for _, st := range []struct{ table, where string }{
			{"tags", `id = $1 OR parent_id = $1`},
			{"passage_tags", `tag_id = $1`},
			{"event_tags", `tag_id = $1`},
		} {
			if err := c.capture(st.table, st.where, id); err != nil {
				return err
			}
		}
		if _, err := c.ExecContext(ctx, `UPDATE tags SET parent_id = (SELECT parent_id FROM tags WHERE id = $1), `+touched+` WHERE parent_id = $1`, id); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `DELETE FROM tags WHERE id = $1`, id)
		return err
	})
}

// touched sets who last changed a row, and when.
const touched = `updated_by = current_user, updated_at = now()`

// exists fails with store.ErrNotFound (wrapped) when table has no row id.
func exists(ctx context.Context, tx *sql.Tx, table, what string, id int64) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM `+table+` WHERE id = $1`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s %d: %w", what, id, store.ErrNotFound)
	}
	return err
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/attache-app/attache/data/store"
)

// CreateTag adds a tag and returns its id.
func (s *Store) CreateTag(ctx context.Context, t store.Tag) (int64, error) {
	t.Name = strings.TrimSpace(t.Name)
	if t.Name == "" {
		return 0, fmt.Errorf("postgres: create tag: tag name is empty")
	}
	if t.Colour == "" {
		t.Colour = store.DefaultTagColour
	}
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `INSERT INTO tags(parent_id, name, colour, description) VALUES ($1, $2, $3, $4) RETURNING id`,
			nullID(t.ParentID), t.Name, t.Colour, t.Description).Scan(&id)
	})
	if err != nil {
		return 0, s.queryError("create tag", err)
	}
	return id, nil
}

// Tags lists every tag with its usage counts, parents before children and
// siblings by name.
func (s *Store) Tags(ctx context.Context) ([]store.Tag, error) {
	rows, err := s.db.QueryContext(ctx, `
WITH RECURSIVE tree(id, path) AS (
	SELECT id, ARRAY[lower(name) || chr(1) || id] FROM tags WHERE parent_id IS NULL
	UNION ALL
	SELECT t.id, tree.path || (lower(t.name) || chr(1) || t.id) FROM tags t JOIN tree ON t.parent_id = tree.id)
SELECT t.id, coalesce(t.parent_id, 0), t.name, t.colour, t.description,
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
		if err := rows.Scan(&t.ID, &t.ParentID, &t.Name, &t.Colour, &t.Description, &t.Passages, &t.Events); err != nil {
			return nil, s.queryError("list tags", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, s.queryError("list tags", err)
	}
	return out, nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

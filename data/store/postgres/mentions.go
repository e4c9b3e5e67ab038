package postgres

import (
	"context"
	"fmt"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/internal/undolabel"
)

// CreateMention records a mention marked by the analyst (status defaults to
// confirmed) and returns its id.
func (s *Store) CreateMention(ctx context.Context, m model.Mention) (int64, error) {
	if m.Status == "" {
		m.Status = model.StatusConfirmed
	}
	if err := m.Status.Valid(); err != nil {
		return 0, fmt.Errorf("postgres: create mention: %w", err)
	}
	var id int64
	err := s.change(ctx, undolabel.MarkMention, func(c *changeTx) error {
		if err := exists(ctx, c.Tx, "entities", "entity", m.EntityID); err != nil {
			return err
		}
		if err := checkSpan(ctx, c.Tx, m.ArticleID, m.Start, m.End); err != nil {
			return err
		}
		if err := c.QueryRowContext(ctx, `INSERT INTO mentions(entity_id, article_id, start, "end", status) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			m.EntityID, m.ArticleID, m.Start, m.End, m.Status).Scan(&id); err != nil {
			return err
		}
		c.created("mentions", id)
		return nil
	})
	return id, err
}

// Mentions lists mentions matching f, by article and position.
func (s *Store) Mentions(ctx context.Context, f store.MentionFilter) ([]model.Mention, error) {
	if f.Status != "" {
		if err := f.Status.Valid(); err != nil {
			return nil, fmt.Errorf("postgres: list mentions: %w", err)
		}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT m.id, m.entity_id, m.article_id, m.start, m."end", m.status,
		substr(a.body, m.start + 1, m."end" - m.start)
		FROM mentions m JOIN articles a ON a.id = m.article_id
		WHERE ($1::bigint = 0 OR m.article_id = $1) AND ($2::bigint = 0 OR m.entity_id = $2) AND ($3 = '' OR m.status = $3)
		ORDER BY m.article_id, m.start, m.id`, f.ArticleID, f.EntityID, string(f.Status))
	if err != nil {
		return nil, s.queryError("list mentions", err)
	}
	defer rows.Close()
	var out []model.Mention
	for rows.Next() {
		var m model.Mention
		if err := rows.Scan(&m.ID, &m.EntityID, &m.ArticleID, &m.Start, &m.End, &m.Status, &m.Text); err != nil {
			return nil, s.queryError("list mentions", err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, s.queryError("list mentions", err)
	}
	return out, nil
}

// SetMentionStatus confirms or rejects a mention.
func (s *Store) SetMentionStatus(ctx context.Context, id int64, status model.Status) error {
	if err := status.Valid(); err != nil {
		return fmt.Errorf("postgres: set status of mention %d: %w", id, err)
	}
	return s.change(ctx, undolabel.MentionStatus(status), func(c *changeTx) error {
		if err := exists(ctx, c.Tx, "mentions", "mention", id); err != nil {
			return err
		}
		if err := c.capture("mentions", `id = $1`, id); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `UPDATE mentions SET status = $1, updated_by = current_user WHERE id = $2`, status, id)
		return err
	})
}

// SetMentionEntity points a mention at another entity; this confirms it.
func (s *Store) SetMentionEntity(ctx context.Context, id, entityID int64) error {
	return s.change(ctx, undolabel.ChangeMentionEntity, func(c *changeTx) error {
		if err := exists(ctx, c.Tx, "mentions", "mention", id); err != nil {
			return err
		}
		if err := exists(ctx, c.Tx, "entities", "entity", entityID); err != nil {
			return err
		}
		if err := c.capture("mentions", `id = $1`, id); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `UPDATE mentions SET entity_id = $1, status = $2, updated_by = current_user WHERE id = $3`,
			entityID, model.StatusConfirmed, id)
		return err
	})
}

package sqlite

import (
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store/internal/undolabel"

	"context"
	"database/sql"
	"fmt"
)

// CreateMention records a mention marked by the analyst (status defaults to
// confirmed) and returns its id.
func (s *Store) CreateMention(ctx context.Context, m Mention) (int64, error) {
	if m.Status == "" {
		m.Status = StatusConfirmed
	}
	if err := m.Status.Valid(); err != nil {
		return 0, fmt.Errorf("store: create mention: %w", err)
	}
	var id int64
	err := s.change(ctx, undolabel.MarkMention, func(c *changeTx) error {
		if err := exists(ctx, c, "entities", "entity", m.EntityID); err != nil {
			return err
		}
		if err := checkSpan(ctx, c, m.ArticleID, m.Start, m.End); err != nil {
			return err
		}
		r, err := c.ExecContext(ctx, `INSERT INTO mentions(entity_id, article_id, start, "end", status) VALUES (?, ?, ?, ?, ?)`,
			m.EntityID, m.ArticleID, m.Start, m.End, m.Status)
		if err != nil {
			return err
		}
		id, err = r.LastInsertId()
		c.created("mentions", id)
		return err
	})
	return id, err
}

// Mentions lists mentions matching f, by article and position.
func (s *Store) Mentions(ctx context.Context, f MentionFilter) ([]Mention, error) {
	var c conds
	if f.ArticleID != 0 {
		c.add(`m.article_id = ?`, f.ArticleID)
	}
	if f.EntityID != 0 {
		c.add(`m.entity_id = ?`, f.EntityID)
	}
	if f.Status != "" {
		if err := f.Status.Valid(); err != nil {
			return nil, fmt.Errorf("store: list mentions: %w", err)
		}
		c.add(`m.status = ?`, f.Status)
	}
	out, err := queryRows(ctx, s.r, func(rows *sql.Rows, m *Mention) error {
		return rows.Scan(&m.ID, &m.EntityID, &m.ArticleID, &m.Start, &m.End, &m.Status, &m.Text)
	}, `SELECT m.id, m.entity_id, m.article_id, m.start, m."end", m.status,
		substr(a.body, m.start + 1, m."end" - m.start)
		FROM mentions m JOIN articles a ON a.id = m.article_id
		WHERE `+c.where()+` ORDER BY m.article_id, m.start, m.id`, c.args...)
	if err != nil {
		return nil, fmt.Errorf("store: list mentions: %w", err)
	}
	return out, nil
}

// SetMentionStatus confirms or rejects a mention.
func (s *Store) SetMentionStatus(ctx context.Context, id int64, status model.Status) error {
	if err := status.Valid(); err != nil {
		return fmt.Errorf("store: set status of mention %d: %w", id, err)
	}
	return s.change(ctx, undolabel.MentionStatus(status), func(c *changeTx) error {
		if err := exists(ctx, c, "mentions", "mention", id); err != nil {
			return err
		}
		if err := c.capture("mentions", `id = ?`, id); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `UPDATE mentions SET status = ? WHERE id = ?`, status, id)
		return err
	})
}

// SetMentionEntity points a mention at another entity; this confirms it.
func (s *Store) SetMentionEntity(ctx context.Context, id, entityID int64) error {
	return s.change(ctx, undolabel.ChangeMentionEntity, func(c *changeTx) error {
		if err := exists(ctx, c, "mentions", "mention", id); err != nil {
			return err
		}
		if err := exists(ctx, c, "entities", "entity", entityID); err != nil {
			return err
		}
		if err := c.capture("mentions", `id = ?`, id); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `UPDATE mentions SET entity_id = ?, status = ? WHERE id = ?`, entityID, StatusConfirmed, id)
		return err
	})
}

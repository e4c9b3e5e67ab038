package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/internal/refcheck"
	"github.com/attache-app/attache/data/store/internal/undolabel"
)

// checkEvent validates e and what it points at (see refcheck.Event).
func checkEvent(ctx context.Context, tx *sql.Tx, e *model.Event) error {
	return refcheck.Event(ctx, lookup{tx}, e)
}

// CreateEvent adds an event made by the analyst (status defaults to
// confirmed) and returns its id.
func (s *Store) CreateEvent(ctx context.Context, e model.Event) (int64, error) {
	var id int64
	err := s.change(ctx, undolabel.CreateEvent, func(c *changeTx) error {
		if err := checkEvent(ctx, c.Tx, &e); err != nil {
			return err
		}
		var err error
		if id, err = insertEvent(ctx, c.Tx, e, ""); err != nil {
			return err
		}
		c.created("events", id)
		return c.createdLinks(id)
	})
	return id, err
}

// createdLinks records an event's entity and tag rows as made by this change.
func (c *changeTx) createdLinks(eventID int64) error {
	for _, t := range []string{"event_entities", "event_tags"} {
		ids, err := queryIDs(c.ctx, c.Tx, `SELECT id FROM `+t+` WHERE event_id = $1`, eventID)
		if err != nil {
			return err
		}
		for _, id := range ids {
			c.created(t, id)
		}
	}
	return nil
}

// insertEvent writes a new event with its entities and tags.
func insertEvent(ctx context.Context, tx *sql.Tx, e model.Event, machineKey string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO events(type, mode, cameo, goldstein, date, end_date, precision,
		date_text, date_basis, location, summary, text, article_id, start, "end", status, note, machine_key)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
		e.Type, e.Mode, e.CAMEO, e.Goldstein, e.Date, e.EndDate, e.Precision, e.DateText, e.DateBasis,
		e.Location, e.Summary, e.Text, nullID(e.ArticleID), e.Start, e.End, e.Status, e.Note,
		sql.NullString{String: machineKey, Valid: machineKey != ""}).Scan(&id)
	if err != nil {
		return 0, err
	}
	return id, writeEventLinks(ctx, tx, id, e)
}

func writeEventLinks(ctx context.Context, tx *sql.Tx, id int64, e model.Event) error {
	for _, role := range []struct {
		name string
		ids  []int64
	}{{"actor", e.Actors}, {"recipient", e.Recipients}} {
		seen := map[int64]bool{}
		for pos, ent := range role.ids {
			if seen[ent] {
				continue
			}
			seen[ent] = true
			if _, err := tx.ExecContext(ctx, `INSERT INTO event_entities(event_id, entity_id, role, pos) VALUES ($1, $2, $3, $4)`,
				id, ent, role.name, pos); err != nil {
				return err
			}
		}
	}
	for _, t := range e.TagIDs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO event_tags(event_id, tag_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, id, t); err != nil {
			return err
		}
	}
	return nil
}

// UpdateEvent replaces every field of an event, including its actors,
// recipients, tags, note and status.
func (s *Store) UpdateEvent(ctx context.Context, e model.Event) error {
	return s.change(ctx, undolabel.EditEvent, func(c *changeTx) error {
		if err := checkVersion(ctx, c.Tx, "events", "event", e.ID, e.Version); err != nil {
			return err
		}
		if err := checkEvent(ctx, c.Tx, &e); err != nil {
			return err
		}
		for _, t := range []string{"event_entities", "event_tags"} {
			if err := c.capture(t, `event_id = $1`, e.ID); err != nil {
				return err
			}
		}
		if err := c.capture("events", `id = $1`, e.ID); err != nil {
			return err
		}
		if _, err := c.ExecContext(ctx, `UPDATE events SET type = $1, mode = $2, cameo = $3, goldstein = $4, date = $5,
			end_date = $6, precision = $7, date_text = $8, date_basis = $9, location = $10, summary = $11, text = $12,
			article_id = $13, start = $14, "end" = $15, status = $16, note = $17, `+touched+` WHERE id = $18`,
			e.Type, e.Mode, e.CAMEO, e.Goldstein, e.Date, e.EndDate, e.Precision, e.DateText, e.DateBasis,
			e.Location, e.Summary, e.Text, nullID(e.ArticleID), e.Start, e.End, e.Status, e.Note, e.ID); err != nil {
			return err
		}
		for _, t := range []string{"event_entities", "event_tags"} {
			if _, err := c.ExecContext(ctx, `DELETE FROM `+t+` WHERE event_id = $1`, e.ID); err != nil {
				return err
			}
		}
		if err := writeEventLinks(ctx, c.Tx, e.ID, e); err != nil {
			return err
		}
		return c.createdLinks(e.ID)
	})
}

// SetEventStatus confirms, rejects or resets one event.
func (s *Store) SetEventStatus(ctx context.Context, id int64, status model.Status) error {
	return s.SetEventsStatus(ctx, []int64{id}, status)
}

// SetEventsStatus sets the status of several events as one undoable change.
func (s *Store) SetEventsStatus(ctx context.Context, ids []int64, status model.Status) error {
	if err := status.Valid(); err != nil {
		return fmt.Errorf("postgres: set event status: %w", err)
	}
	return s.change(ctx, undolabel.EventsStatus(status, len(ids)), func(c *changeTx) error {
		for _, id := range ids {
			if err := exists(ctx, c.Tx, "events", "event", id); err != nil {
				return err
			}
			if err := c.capture("events", `id = $1`, id); err != nil {
				return err
			}
			if _, err := c.ExecContext(ctx, `UPDATE events SET status = $1, `+touched+` WHERE id = $2`, status, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// DeleteEvent removes an event; a machine suggestion is remembered as
// dismissed, so that extraction does not suggest it again.
func (s *Store) DeleteEvent(ctx context.Context, id int64) error {
	return s.change(ctx, undolabel.DeleteEvent, func(c *changeTx) error {
		if err := exists(ctx, c.Tx, "events", "event", id); err != nil {
			return err
		}
		for _, t := range []string{"event_entities", "event_tags"} {
			if err := c.capture(t, `event_id = $1`, id); err != nil {
				return err
			}
		}
		if err := c.capture("events", `id = $1`, id); err != nil {
			return err
		}
		if err := c.dismiss(`SELECT article_id, machine_key FROM events
			WHERE id = $1 AND machine_key IS NOT NULL AND article_id IS NOT NULL`, id); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `DELETE FROM events WHERE id = $1`, id)
		return err
	})
}

// Event returns one event.
func (s *Store) Event(ctx context.Context, id int64) (model.Event, error) {
	es, err := s.events(ctx, `e.id = $1`, id)
	if err != nil {
		return model.Event{}, err
	}
	if len(es) == 0 {
		return model.Event{}, fmt.Errorf("postgres: event %d: %w", id, store.ErrNotFound)
	}
	return es[0], nil
}

// Events lists events matching f, by date (undated last), then id.
func (s *Store) Events(ctx context.Context, f store.EventFilter) ([]model.Event, error) {
	var conds []string
	var args []any
	add := func(cond string, v any) {
		args = append(args, v)
		conds = append(conds, strings.ReplaceAll(cond, "?", fmt.Sprintf("$%d", len(args))))
	}
	if f.Status != "" {
		add(`e.status = ?`, f.Status)
	}
	if f.Type != "" {
		add(`e.type = ?`, model.ParseEventType(string(f.Type)))
	}
	if f.ActorID != 0 {
		add(`e.id IN (SELECT event_id FROM event_entities WHERE role = 'actor' AND entity_id = ?)`, f.ActorID)
	}
	if f.RecipientID != 0 {
		add(`e.id IN (SELECT event_id FROM event_entities WHERE role = 'recipient' AND entity_id = ?)`, f.RecipientID)
	}
	if f.TagID != 0 {
		add(`e.id IN (SELECT event_id FROM event_tags WHERE tag_id = ?)`, f.TagID)
	}
	if f.ArticleID != 0 {
		add(`e.article_id = ?`, f.ArticleID)
	}
	if f.From != "" {
		add(`e.date <> '' AND coalesce(nullif(e.end_date, ''), e.date) COLLATE "C" >= ?`, f.From)
	}
	if f.To != "" {
		add(`e.date <> '' AND e.date COLLATE "C" <= ?`, f.To)
	}
	where := "true"
	if len(conds) > 0 {
		where = strings.Join(conds, " AND ")
	}
	return s.events(ctx, where, args...)
}

// events lists the events matching where with their actors, recipients and
// tags, in one statement.
func (s *Store) events(ctx context.Context, where string, args ...any) ([]model.Event, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT e.id, e.type, e.mode, e.cameo, e.goldstein, e.date, e.end_date,
		e.precision, e.date_text, e.date_basis, e.location, e.summary, e.text, coalesce(e.article_id, 0),
		e.start, e."end", e.status, e.note, e.created_by, e.updated_by, e.`+versionCol+`,
		coalesce((SELECT string_agg(entity_id::text, ',' ORDER BY pos, id) FROM event_entities WHERE event_id = e.id AND role = 'actor'), ''),
		coalesce((SELECT string_agg(entity_id::text, ',' ORDER BY pos, id) FROM event_entities WHERE event_id = e.id AND role = 'recipient'), ''),
		coalesce((SELECT string_agg(tag_id::text, ',' ORDER BY tag_id) FROM event_tags WHERE event_id = e.id), '')
		FROM events e WHERE `+where+` ORDER BY (e.date = ''), e.date COLLATE "C", e.id`, args...)
	if err != nil {
		return nil, s.queryError("list events", err)
	}
	defer rows.Close()
	var out []model.Event
	for rows.Next() {
		var e model.Event
		var actors, recipients, tags string
		if err := rows.Scan(&e.ID, &e.Type, &e.Mode, &e.CAMEO, &e.Goldstein, &e.Date, &e.EndDate, &e.Precision,
			&e.DateText, &e.DateBasis, &e.Location, &e.Summary, &e.Text, &e.ArticleID, &e.Start, &e.End,
			&e.Status, &e.Note, &e.CreatedBy, &e.ChangedBy, &e.Version, &actors, &recipients, &tags); err != nil {
			return nil, s.queryError("list events", err)
		}
		e.Actors, e.Recipients, e.TagIDs = splitIDs(actors), splitIDs(recipients), splitIDs(tags)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, s.queryError("list events", err)
	}
	return out, nil
}

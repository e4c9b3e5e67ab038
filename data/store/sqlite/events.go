package sqlite

import (
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store/internal/refcheck"
	"github.com/attache-app/attache/data/store/internal/undolabel"

	"context"
	"database/sql"
	"fmt"
)

// checkEvent validates e and what it points at (see refcheck.Event).
func checkEvent(ctx context.Context, q txLike, e *Event) error {
	return refcheck.Event(ctx, lookup{q}, e)
}

// CreateEvent adds an event made by the analyst (status defaults to
// confirmed) and returns its id.
func (s *Store) CreateEvent(ctx context.Context, e Event) (int64, error) {
	var id int64
	err := s.change(ctx, undolabel.CreateEvent, func(c *changeTx) error {
		if err := checkEvent(ctx, c, &e); err != nil {
			return err
		}
		var err error
		if id, err = insertEvent(ctx, c, e, ""); err != nil {
			return err
		}
		c.created("events", id)
		for _, t := range []string{"event_entities", "event_tags"} {
			if err := c.createdWhere(t, `event_id = ?`, id); err != nil {
				return err
			}
		}
		return nil
	})
	return id, err
}

// insertEvent writes a new event with its entities and tags.
func insertEvent(ctx context.Context, tx txLike, e Event, machineKey string) (int64, error) {
	r, err := tx.ExecContext(ctx, `INSERT INTO events(type, mode, cameo, goldstein, date, end_date, precision,
		date_text, date_basis, location, summary, text, article_id, start, "end", status, note, machine_key)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.Type, e.Mode, e.CAMEO, e.Goldstein, e.Date, e.EndDate, e.Precision, e.DateText, e.DateBasis,
		e.Location, e.Summary, e.Text, nullID(e.ArticleID), e.Start, e.End, e.Status, e.Note,
		sql.NullString{String: machineKey, Valid: machineKey != ""})
	if err != nil {
		return 0, err
	}
	id, err := r.LastInsertId()
	if err != nil {
		return 0, err
	}
	return id, writeEventLinks(ctx, tx, id, e)
}

func writeEventLinks(ctx context.Context, tx txLike, id int64, e Event) error {
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
			if _, err := tx.ExecContext(ctx, `INSERT INTO event_entities(event_id, entity_id, role, pos) VALUES (?, ?, ?, ?)`,
				id, ent, role.name, pos); err != nil {
				return err
			}
		}
	}
	for _, t := range e.TagIDs {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO event_tags(event_id, tag_id) VALUES (?, ?)`, id, t); err != nil {
			return err
		}
	}
	return nil
}

// UpdateEvent replaces every field of an event, including its actors,
// recipients, tags, note and status.
func (s *Store) UpdateEvent(ctx context.Context, e Event) error {
	return s.change(ctx, undolabel.EditEvent, func(c *changeTx) error {
		if err := exists(ctx, c, "events", "event", e.ID); err != nil {
			return err
		}
		if err := checkEvent(ctx, c, &e); err != nil {
			return err
		}
		for _, t := range []string{"event_entities", "event_tags"} {
			if err := c.capture(t, `event_id = ?`, e.ID); err != nil {
				return err
			}
		}
		if err := c.capture("events", `id = ?`, e.ID); err != nil {
			return err
		}
		if _, err := c.ExecContext(ctx, `UPDATE events SET type = ?, mode = ?, cameo = ?, goldstein = ?, date = ?,
			end_date = ?, precision = ?, date_text = ?, date_basis = ?, location = ?, summary = ?, text = ?,
			article_id = ?, start = ?, "end" = ?, status = ?, note = ? WHERE id = ?`,
			e.Type, e.Mode, e.CAMEO, e.Goldstein, e.Date, e.EndDate, e.Precision, e.DateText, e.DateBasis,
			e.Location, e.Summary, e.Text, nullID(e.ArticleID), e.Start, e.End, e.Status, e.Note, e.ID); err != nil {
			return err
		}
		for _, t := range []string{"event_entities", "event_tags"} {
			if _, err := c.ExecContext(ctx, `DELETE FROM `+t+` WHERE event_id = ?`, e.ID); err != nil {
				return err
			}
		}
		if err := writeEventLinks(ctx, c, e.ID, e); err != nil {
			return err
		}
		for _, t := range []string{"event_entities", "event_tags"} {
			if err := c.createdWhere(t, `event_id = ?`, e.ID); err != nil {
				return err
			}
		}
		return nil
	})
}

// SetEventStatus confirms, rejects or resets one event.
func (s *Store) SetEventStatus(ctx context.Context, id int64, status model.Status) error {
	return s.SetEventsStatus(ctx, []int64{id}, status)
}

// SetEventsStatus sets the status of several events as one undoable change.
func (s *Store) SetEventsStatus(ctx context.Context, ids []int64, status model.Status) error {
	if err := status.Valid(); err != nil {
		return fmt.Errorf("store: set event status: %w", err)
	}
	return s.change(ctx, undolabel.EventsStatus(status, len(ids)), func(c *changeTx) error {
		for _, id := range ids {
			if err := exists(ctx, c, "events", "event", id); err != nil {
				return err
			}
			if err := c.capture("events", `id = ?`, id); err != nil {
				return err
			}
			if _, err := c.ExecContext(ctx, `UPDATE events SET status = ? WHERE id = ?`, status, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// DeleteEvent removes an event.
func (s *Store) DeleteEvent(ctx context.Context, id int64) error {
	return s.change(ctx, undolabel.DeleteEvent, func(c *changeTx) error {
		if err := exists(ctx, c, "events", "event", id); err != nil {
			return err
		}
		for _, t := range []string{"event_entities", "event_tags"} {
			if err := c.capture(t, `event_id = ?`, id); err != nil {
				return err
			}
		}
		if err := c.capture("events", `id = ?`, id); err != nil {
			return err
		}
		if err := dismiss(c, `SELECT article_id, machine_key FROM events
			WHERE id = ? AND machine_key IS NOT NULL AND article_id IS NOT NULL`, id); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `DELETE FROM events WHERE id = ?`, id)
		return err
	})
}

// Event returns one event.
func (s *Store) Event(ctx context.Context, id int64) (Event, error) {
	es, err := s.events(ctx, `e.id = ?`, id)
	return one(es, err, "event", id)
}

// Events lists events matching f, by date (undated last), then id.
func (s *Store) Events(ctx context.Context, f EventFilter) ([]Event, error) {
	var c conds
	if f.Status != "" {
		c.add(`e.status = ?`, f.Status)
	}
	if f.Type != "" {
		c.add(`e.type = ?`, model.ParseEventType(string(f.Type)))
	}
	if f.ActorID != 0 {
		c.add(`e.id IN (SELECT event_id FROM event_entities WHERE role = 'actor' AND entity_id = ?)`, f.ActorID)
	}
	if f.RecipientID != 0 {
		c.add(`e.id IN (SELECT event_id FROM event_entities WHERE role = 'recipient' AND entity_id = ?)`, f.RecipientID)
	}
	if f.TagID != 0 {
		c.add(`e.id IN (SELECT event_id FROM event_tags WHERE tag_id = ?)`, f.TagID)
	}
	if f.ArticleID != 0 {
		c.add(`e.article_id = ?`, f.ArticleID)
	}
	if f.From != "" {
		c.add(`e.date <> '' AND coalesce(nullif(e.end_date, ''), e.date) >= ?`, f.From)
	}
	if f.To != "" {
		c.add(`e.date <> '' AND e.date <= ?`, f.To)
	}
	return s.events(ctx, c.where(), c.args...)
}

// events lists the events matching where with their actors, recipients and
// tags, in one statement (one pass of the filter, one snapshot).
func (s *Store) events(ctx context.Context, where string, args ...any) ([]Event, error) {
	out, err := queryRows(ctx, s.r, func(rows *sql.Rows, e *Event) error {
		var actors, recipients, tags sql.NullString
		if err := rows.Scan(&e.ID, &e.Type, &e.Mode, &e.CAMEO, &e.Goldstein, &e.Date, &e.EndDate, &e.Precision,
			&e.DateText, &e.DateBasis, &e.Location, &e.Summary, &e.Text, &e.ArticleID, &e.Start, &e.End,
			&e.Status, &e.Note, &actors, &recipients, &tags); err != nil {
			return err
		}
		e.Actors, e.Recipients, e.TagIDs = splitIDs(actors.String), splitIDs(recipients.String), splitIDs(tags.String)
		return nil
	}, `SELECT e.id, e.type, e.mode, e.cameo, e.goldstein, e.date, e.end_date,
		e.precision, e.date_text, e.date_basis, e.location, e.summary, e.text, coalesce(e.article_id, 0),
		e.start, e."end", e.status, e.note,
		(SELECT group_concat(entity_id, ',' ORDER BY pos, id) FROM event_entities WHERE event_id = e.id AND role = 'actor'),
		(SELECT group_concat(entity_id, ',' ORDER BY pos, id) FROM event_entities WHERE event_id = e.id AND role = 'recipient'),
		(SELECT group_concat(tag_id, ',' ORDER BY tag_id) FROM event_tags WHERE event_id = e.id)
		FROM events e WHERE `+where+` ORDER BY e.date = '', e.date, e.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list events: %w", err)
	}
	return out, nil
}

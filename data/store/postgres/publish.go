package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/internal/exchangecheck"
)

var _ store.ProjectImporter = (*Store)(nil)

// ImportProject copies a whole project (typically an analyst's file) into
// this shared one in one transaction (all or nothing; not on the undo log):
// articles, tags and passages as ImportExchange takes them, then entities
// with their aliases, mentions and events, each matched to what is here
// already (see store.ProjectImporter) so that a second import adds nothing.
// What is added is recorded as created by the member importing. A mention
// or event whose article was refused (its text is here with other spacing)
// or not in the copy is left out.
func (s *Store) ImportProject(ctx context.Context, p store.Project) (store.ProjectResult, error) {
	if err := exchangecheck.Check(p.Exchange); err != nil {
		return store.ProjectResult{}, fmt.Errorf("postgres: import project: %w", err)
	}
	var res store.ProjectResult
	err := s.suggestTx(ctx, func(tx *sql.Tx) error {
		res = store.ProjectResult{}
		tagIDs, err := importExchange(ctx, tx, p.Exchange, &res.ExchangeResult)
		if err != nil {
			return err
		}
		m := idMaps{articles: map[int64]int64{}, tags: map[int64]int64{}, entities: map[int64]int64{}, keys: p.Keys}
		for i, a := range p.Articles {
			if id := res.ArticleIDs[i]; id != 0 {
				m.articles[a.Article.ID] = id
			}
		}
		for i, t := range p.Tags {
			m.tags[t.ID] = tagIDs[i]
		}
		for _, e := range p.Entities {
			if err := importEntity(ctx, tx, e, &m, &res); err != nil {
				return fmt.Errorf("entity %q: %w", e.Name, err)
			}
		}
		for _, mn := range p.Mentions {
			if err := importMention(ctx, tx, mn, &m, &res); err != nil {
				return fmt.Errorf("mention %d: %w", mn.ID, err)
			}
		}
		for _, e := range p.Events {
			if err := importEvent(ctx, tx, e, &m, &res); err != nil {
				return fmt.Errorf("event %d: %w", e.ID, err)
			}
		}
		for article, keys := range p.Keys.Dismissed {
			id, ok := m.articles[article]
			if !ok {
				continue
			}
			for _, k := range keys {
				if _, err := tx.ExecContext(ctx, `INSERT INTO dismissed(article_id, machine_key) VALUES ($1, $2) ON CONFLICT DO NOTHING`, id, k); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return store.ProjectResult{}, s.queryError("import project", err)
	}
	return res, nil
}

// idMaps map the copied project's ids to this project's.
type idMaps struct {
	articles, tags, entities map[int64]int64
	keys                     store.MachineKeys // the copy's suggestions, kept so that extraction here knows them
}

// mapIDs maps a list of ids, in order and without repeats (two entities of
// the copy may be one here), reporting false when one has no counterpart.
func mapIDs(from []int64, m map[int64]int64) ([]int64, bool) {
	out := make([]int64, 0, len(from))
	for _, id := range from {
		to, ok := m[id]
		if !ok {
			return nil, false
		}
		if !slices.Contains(out, to) {
			out = append(out, to)
		}
	}
	return out, true
}

// importEntity finds the entity of the same name (case folded) and kind, or
// creates it, and adds the aliases it lacks.
func importEntity(ctx context.Context, tx *sql.Tx, e model.Entity, m *idMaps, res *store.ProjectResult) error {
	e.Normalize()
	if err := e.Validate(); err != nil {
		return err
	}
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM entities WHERE nocase(name) = nocase($1) AND kind = $2 ORDER BY id LIMIT 1`,
		e.Name, e.Kind).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if err := tx.QueryRowContext(ctx, `INSERT INTO entities(name, kind, country, role, description) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			e.Name, e.Kind, e.Country, e.Role, e.Description).Scan(&id); err != nil {
			return err
		}
		res.EntitiesCreated++
	case err != nil:
		return err
	default:
		res.EntitiesReused++
	}
	m.entities[e.ID] = id
	for _, a := range e.Aliases {
		name := strings.TrimSpace(a.Name)
		if name == "" {
			continue
		}
		var known bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM aliases WHERE entity_id = $1 AND name = $2)`,
			id, name).Scan(&known); err != nil {
			return err
		}
		if known {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO aliases(entity_id, name, lang) VALUES ($1, $2, $3)`, id, name, a.Lang); err != nil {
			return err
		}
		res.Aliases++
	}
	return nil
}

// importMention adds a mention unless its entity already has one with the
// same span, or the suggestion it came from is here.
func importMention(ctx context.Context, tx *sql.Tx, mn model.Mention, m *idMaps, res *store.ProjectResult) error {
	article, ok := m.articles[mn.ArticleID]
	entity, ok2 := m.entities[mn.EntityID]
	if !ok || !ok2 {
		return nil
	}
	if err := mn.Status.Valid(); err != nil {
		return err
	}
	key := m.keys.Mentions[mn.ID]
	var known bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM mentions WHERE article_id = $1
		AND (entity_id = $2 AND start = $3 AND "end" = $4 OR machine_key = $5))`,
		article, entity, mn.Start, mn.End, key).Scan(&known); err != nil {
		return err
	}
	if known {
		res.MentionsKnown++
		return nil
	}
	if err := checkSpan(ctx, tx, article, mn.Start, mn.End); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO mentions(entity_id, article_id, start, "end", status, machine_key) VALUES ($1, $2, $3, $4, $5, $6)`,
		entity, article, mn.Start, mn.End, mn.Status, sql.NullString{String: key, Valid: key != ""}); err != nil {
		return err
	}
	res.Mentions++
	return nil
}

// importEvent adds an event unless one with the same source span, type,
// dates, parties and summary is here, or the suggestion it came from.
func importEvent(ctx context.Context, tx *sql.Tx, e model.Event, m *idMaps, res *store.ProjectResult) error {
	if e.ArticleID != 0 {
		id, ok := m.articles[e.ArticleID]
		if !ok {
			return nil
		}
		e.ArticleID = id
	}
	var ok bool
	if e.Actors, ok = mapIDs(e.Actors, m.entities); !ok {
		return nil
	}
	if e.Recipients, ok = mapIDs(e.Recipients, m.entities); !ok {
		return nil
	}
	if e.TagIDs, ok = mapIDs(e.TagIDs, m.tags); !ok {
		return nil
	}
	e.Normalize()
	if err := e.Validate(); err != nil {
		return err
	}
	key := m.keys.Events[e.ID]
	var known bool
	err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM events e
		WHERE coalesce(e.article_id, 0) = $1 AND (e.machine_key = $10 OR e.start = $2 AND e."end" = $3 AND e.type = $4
		AND e.date = $5 AND e.end_date = $6 AND e.summary = $7
		AND coalesce((SELECT string_agg(entity_id::text, ',' ORDER BY pos, id) FROM event_entities WHERE event_id = e.id AND role = 'actor'), '') = $8
		AND coalesce((SELECT string_agg(entity_id::text, ',' ORDER BY pos, id) FROM event_entities WHERE event_id = e.id AND role = 'recipient'), '') = $9))`,
		e.ArticleID, e.Start, e.End, e.Type, e.Date, e.EndDate, e.Summary, joinIDs(e.Actors), joinIDs(e.Recipients), key).Scan(&known)
	if err != nil {
		return err
	}
	if known {
		res.EventsKnown++
		return nil
	}
	if err := checkEvent(ctx, tx, &e); err != nil {
		return err
	}
	if _, err := insertEvent(ctx, tx, e, key); err != nil {
		return err
	}
	res.Events++
	return nil
}

func joinIDs(ids []int64) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(s, ",")
}

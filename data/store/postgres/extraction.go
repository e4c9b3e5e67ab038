package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/internal/suggest"
)

// SaveExtraction stores machine suggestions for one article: entities are
// matched to existing ones by name or alias (ASCII case ignored, as a
// project file compares them) and kind, else created; mentions and events
// are stored with status "suggested". It never changes anything an analyst
// has confirmed, edited, merged, rejected or deleted, and re-running it
// with the same input adds nothing. It is machine work, not on the undo log.
func (s *Store) SaveExtraction(ctx context.Context, articleID int64, x store.Extraction) error {
	err := s.suggestTx(ctx, func(tx *sql.Tx) error {
		return newSuggestionSaver(tx).save(ctx, articleID, -1, x)
	})
	if err != nil {
		return s.queryError(fmt.Sprintf("save extraction for article %d", articleID), err)
	}
	return nil
}

// SaveExtractions saves the extractions of several articles as
// SaveExtraction does, in one transaction: all are saved or none.
func (s *Store) SaveExtractions(ctx context.Context, batch []store.ArticleExtraction) error {
	err := s.suggestTx(ctx, func(tx *sql.Tx) error {
		sv := newSuggestionSaver(tx)
		for _, b := range batch {
			if err := sv.save(ctx, b.ArticleID, -1, b.Extraction); err != nil {
				return fmt.Errorf("article %d: %w", b.ArticleID, err)
			}
		}
		return nil
	})
	if err != nil {
		return s.queryError(fmt.Sprintf("save extraction for %d articles", len(batch)), err)
	}
	return nil
}

// suggestTx runs machine work in one transaction that holds the import
// lock: suggestions and imports, which create entities by name, queue, so
// that two of them never make the same entity twice.
func (s *Store) suggestTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1, $2)`, lockSpace, lockImport); err != nil {
			return err
		}
		return fn(tx)
	})
}

// suggestionSaver saves machine suggestions inside one transaction,
// remembering the entities it has resolved.
type suggestionSaver struct {
	tx     *sql.Tx
	byName map[suggest.Name]int64 // every name of the project, once loaded
	loaded bool
}

func newSuggestionSaver(tx *sql.Tx) *suggestionSaver {
	return &suggestionSaver{tx: tx, byName: map[suggest.Name]int64{}}
}

// save stores one article's suggestions. runes is the length of the body,
// or -1 to read it (and check the article exists). Everything is checked
// before anything is written, so a refused extraction writes nothing.
func (sv *suggestionSaver) save(ctx context.Context, articleID int64, runes int, x store.Extraction) error {
	if runes < 0 {
		if err := sv.tx.QueryRowContext(ctx, `SELECT runes FROM articles WHERE id = $1`, articleID).Scan(&runes); err == sql.ErrNoRows {
			return fmt.Errorf("article %d: %w", articleID, store.ErrNotFound)
		} else if err != nil {
			return err
		}
	}
	events, err := suggest.CheckExtraction(x, articleID, runes)
	if err != nil {
		return refusedSuggestions{err}
	}
	keys, spans, err := sv.existing(ctx, articleID)
	if err != nil {
		return err
	}
	ids := make([]int64, len(x.Entities))
	entity := func(i int) (int64, error) {
		if ids[i] == 0 {
			id, err := sv.resolve(ctx, x.Entities[i])
			if err != nil {
				return 0, fmt.Errorf("entity %q: %w", x.Entities[i].Name, err)
			}
			ids[i] = id
		}
		return ids[i], nil
	}
	var mEntity []int64
	var mStart, mEnd []int32
	var mKey []string
	for i, se := range x.Entities {
		for _, sp := range se.Mentions {
			key := suggest.MachineKey("mention", sp.Start, sp.End, "")
			if keys[key] || spans[sp] {
				continue
			}
			keys[key], spans[sp] = true, true
			id, err := entity(i)
			if err != nil {
				return err
			}
			mEntity, mStart, mEnd, mKey = append(mEntity, id), append(mStart, int32(sp.Start)), append(mEnd, int32(sp.End)), append(mKey, key)
		}
	}
	if len(mEntity) > 0 {
		if _, err := sv.tx.ExecContext(ctx, `INSERT INTO mentions(entity_id, article_id, start, "end", status, machine_key)
			SELECT e, $1, s, x, '`+string(model.StatusSuggested)+`', k FROM unnest($2::bigint[], $3::int[], $4::int[], $5::text[]) WITH ORDINALITY AS m(e, s, x, k, n) ORDER BY n`,
			articleID, mEntity, mStart, mEnd, mKey); err != nil {
			return err
		}
	}
	for k, se := range x.Events {
		key := suggest.MachineKey("event", se.Start, se.End, suggest.EventFingerprint(x, se))
		if keys[key] {
			continue
		}
		keys[key] = true
		e := events[k]
		for _, role := range []struct {
			idx []int
			out *[]int64
		}{{se.Actors, &e.Actors}, {se.Recipients, &e.Recipients}} {
			for _, i := range role.idx {
				id, err := entity(i)
				if err != nil {
					return fmt.Errorf("event %d: %w", k, err)
				}
				*role.out = append(*role.out, id)
			}
		}
		if _, err := insertEvent(ctx, sv.tx, e, key); err != nil {
			return fmt.Errorf("event %d: %w", k, err)
		}
	}
	return nil
}

// existing reads what an article already has that a suggestion must not
// repeat: the machine keys of its mentions, events and dismissed
// suggestions, and the spans of its mentions.
func (sv *suggestionSaver) existing(ctx context.Context, articleID int64) (map[string]bool, map[model.Span]bool, error) {
	keys, spans := map[string]bool{}, map[model.Span]bool{}
	rows, err := sv.tx.QueryContext(ctx, `SELECT machine_key, -1, -1 FROM events WHERE article_id = $1 AND machine_key IS NOT NULL
		UNION ALL SELECT machine_key, -1, -1 FROM dismissed WHERE article_id = $1
		UNION ALL SELECT coalesce(machine_key, ''), start, "end" FROM mentions WHERE article_id = $1`, articleID)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var sp model.Span
		if err := rows.Scan(&k, &sp.Start, &sp.End); err != nil {
			return nil, nil, err
		}
		if k != "" {
			keys[k] = true
		}
		if sp.Start >= 0 {
			spans[sp] = true
		}
	}
	return keys, spans, rows.Err()
}

// resolve finds the entity a suggested entity stands for: the oldest entity
// of its kind that has one of its names as a name or alias (the names tried
// in order), else a new one.
func (sv *suggestionSaver) resolve(ctx context.Context, se store.SuggestedEntity) (int64, error) {
	if !sv.loaded {
		if err := sv.load(ctx); err != nil {
			return 0, err
		}
	}
	names := suggest.Names(se)
	for _, key := range names {
		if id, ok := sv.byName[key]; ok {
			return id, nil
		}
	}
	e := model.Entity{Name: se.Name, Kind: suggest.Kind(se), Country: se.Country, Role: se.Role, Description: se.Description, Aliases: se.Aliases}
	e.Normalize()
	if err := e.Validate(); err != nil {
		return 0, err
	}
	var id int64
	if err := sv.tx.QueryRowContext(ctx, `INSERT INTO entities(name, kind, country, role, description) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		e.Name, e.Kind, e.Country, e.Role, e.Description).Scan(&id); err != nil {
		return 0, err
	}
	for _, a := range e.Aliases {
		name := strings.TrimSpace(a.Name)
		if name == "" {
			continue
		}
		if _, err := sv.tx.ExecContext(ctx, `INSERT INTO aliases(entity_id, name, lang) VALUES ($1, $2, $3)`, id, name, a.Lang); err != nil {
			return 0, err
		}
	}
	for _, key := range names {
		if _, ok := sv.byName[key]; !ok {
			sv.byName[key] = id
		}
	}
	return id, nil
}

// load reads every name and alias of the project's entities.
func (sv *suggestionSaver) load(ctx context.Context) error {
	if err := suggest.LoadNames(ctx, sv.tx, sv.byName); err != nil {
		return err
	}
	sv.loaded = true
	return nil
}

// refusedSuggestions is an extraction that failed its checks; nothing of it
// was written.
type refusedSuggestions struct{ err error }

func (r refusedSuggestions) Error() string { return r.err.Error() }
func (r refusedSuggestions) Unwrap() error { return r.err }

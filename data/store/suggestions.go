package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// suggestionSaver saves machine suggestions inside one write transaction. It
// keeps its prepared statements and the entities it has resolved for the
// life of the transaction: an import with extraction resolves the same few
// thousand names over and over, and nothing else writes meanwhile.
type suggestionSaver struct {
	q        *stmtCache
	resolved map[entityName]int64
}

// entityName is an entity's kind and one of its names as the extractor
// wrote it (trimmed).
type entityName struct{ kind, name string }

func newSuggestionSaver(tx *sql.Tx) *suggestionSaver {
	return &suggestionSaver{q: newStmtCache(tx), resolved: map[entityName]int64{}}
}

func (sv *suggestionSaver) close() { sv.q.close() }

// save stores one article's suggestions. runes is the length of the body,
// or -1 to read it (and check the article exists); an article imported in
// this same transaction (newArticle) has no suggestions, mentions or
// dismissals yet, so nothing is looked up for it. Everything is checked
// before anything is written, so a refused extraction writes nothing.
func (sv *suggestionSaver) save(ctx context.Context, articleID int64, runes int, x Extraction) error {
	newArticle := runes >= 0
	if !newArticle {
		n, err := articleRunes(ctx, sv.q, articleID)
		if err != nil {
			return err
		}
		runes = n
	}
	events, err := checkExtraction(x, articleID, runes)
	if err != nil {
		return refusedSuggestions{err}
	}
	seen := newSuggestionSet()
	if !newArticle {
		if err := seen.load(ctx, sv.q, articleID); err != nil {
			return err
		}
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
	for i, se := range x.Entities {
		for _, sp := range se.Mentions {
			key := machineKey("mention", sp.Start, sp.End, "")
			if seen.keys[key] || seen.spans[sp] {
				continue
			}
			seen.keys[key], seen.spans[sp] = true, true
			id, err := entity(i)
			if err != nil {
				return err
			}
			if _, err := sv.q.ExecContext(ctx, `INSERT INTO mentions(entity_id, article_id, start, "end", status, machine_key)
				VALUES (?, ?, ?, ?, 'suggested', ?)`, id, articleID, sp.Start, sp.End, key); err != nil {
				return err
			}
		}
	}
	for k, se := range x.Events {
		key := machineKey("event", se.Start, se.End, eventFingerprint(x, se))
		if seen.keys[key] {
			continue
		}
		seen.keys[key] = true
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
		if _, err := insertEvent(ctx, sv.q, e, key); err != nil {
			return fmt.Errorf("event %d: %w", k, err)
		}
	}
	return nil
}

// refusedSuggestions is an extraction that failed its checks; nothing of it
// was written.
type refusedSuggestions struct{ err error }

func (r refusedSuggestions) Error() string { return r.err.Error() }
func (r refusedSuggestions) Unwrap() error { return r.err }

// checkExtraction validates an extraction for an article of runes runes
// without looking at the project, and returns its events ready to insert
// (without their entities).
func checkExtraction(x Extraction, articleID int64, runes int) ([]Event, error) {
	for _, se := range x.Entities {
		kind := se.Kind
		if kind == "" {
			kind = "other"
		}
		if err := checkEntity(&Entity{Name: se.Name, Kind: kind}); err != nil {
			return nil, fmt.Errorf("entity %q: %w", se.Name, err)
		}
		for _, sp := range se.Mentions {
			if sp.Start < 0 || sp.Start >= sp.End || sp.End > runes {
				return nil, fmt.Errorf("mention of %q: span %d–%d is not within article %d (0–%d)", se.Name, sp.Start, sp.End, articleID, runes)
			}
		}
	}
	events := make([]Event, len(x.Events))
	for k, sv := range x.Events {
		for _, idx := range [][]int{sv.Actors, sv.Recipients} {
			for _, i := range idx {
				if i < 0 || i >= len(x.Entities) {
					return nil, fmt.Errorf("event %d: entity index %d out of range (%d entities)", k, i, len(x.Entities))
				}
			}
		}
		e := Event{Type: sv.Type, Mode: sv.Mode, CAMEO: sv.CAMEO, Goldstein: sv.Goldstein, Date: sv.Date,
			EndDate: sv.EndDate, Precision: sv.Precision, DateText: sv.DateText, DateBasis: sv.DateBasis,
			Location: sv.Location, Summary: sv.Summary, Text: sv.Text, ArticleID: articleID,
			Start: sv.Start, End: sv.End, Status: StatusSuggested}
		if err := checkEventFields(&e); err != nil {
			return nil, fmt.Errorf("event %d: %w", k, err)
		}
		if !(e.Start == 0 && e.End == 0) && (e.Start < 0 || e.Start >= e.End || e.End > runes) {
			return nil, fmt.Errorf("event %d: span %d–%d is not within article %d (0–%d, start before end)", k, e.Start, e.End, articleID, runes)
		}
		events[k] = e
	}
	return events, nil
}

// suggestionSet is what an article already has that a suggestion must not
// repeat: the machine keys of its mentions, events and dismissed
// suggestions, and the spans of its mentions.
type suggestionSet struct {
	keys  map[string]bool
	spans map[Span]bool
}

func newSuggestionSet() suggestionSet {
	return suggestionSet{keys: map[string]bool{}, spans: map[Span]bool{}}
}

// load reads the article's machine keys and mention spans.
func (s suggestionSet) load(ctx context.Context, q txLike, articleID int64) error {
	keys, err := queryRows(ctx, q, func(rows *sql.Rows, k *string) error { return rows.Scan(k) },
		`SELECT machine_key FROM mentions WHERE article_id = ?1 AND machine_key IS NOT NULL
		UNION ALL SELECT machine_key FROM events WHERE article_id = ?1 AND machine_key IS NOT NULL
		UNION ALL SELECT machine_key FROM dismissed WHERE article_id = ?1`, articleID)
	if err != nil {
		return err
	}
	for _, k := range keys {
		s.keys[k] = true
	}
	spans, err := queryRows(ctx, q, func(rows *sql.Rows, sp *Span) error { return rows.Scan(&sp.Start, &sp.End) },
		`SELECT start, "end" FROM mentions WHERE article_id = ?`, articleID)
	for _, sp := range spans {
		s.spans[sp] = true
	}
	return err
}

// resolve returns the entity a suggestion stands for: the oldest entity of
// its kind with its name or one of its aliases as a name or alias (compared
// as SQLite's NOCASE does), tried in that order, else a new entity.
func (sv *suggestionSaver) resolve(ctx context.Context, se SuggestedEntity) (int64, error) {
	kind := se.Kind
	if kind == "" {
		kind = "other"
	}
	names := make([]string, 0, 1+len(se.Aliases))
	names = append(names, strings.TrimSpace(se.Name))
	for _, a := range se.Aliases {
		names = append(names, strings.TrimSpace(a.Name))
	}
	for _, name := range names {
		if name == "" {
			continue
		}
		key := entityName{kind, name}
		if id, ok := sv.resolved[key]; ok {
			return id, nil
		}
		// Entities only gain larger ids while the transaction runs, so the
		// oldest match found now stays the answer for this name.
		var id sql.NullInt64
		if err := sv.q.QueryRowContext(ctx, `SELECT min(id) FROM (
			SELECT id FROM entities WHERE name = ?1 COLLATE NOCASE AND kind = ?2
			UNION ALL
			SELECT a.entity_id FROM aliases a JOIN entities e ON e.id = a.entity_id
				WHERE a.name = ?1 COLLATE NOCASE AND e.kind = ?2)`, name, kind).Scan(&id); err != nil {
			return 0, err
		}
		if id.Valid {
			sv.resolved[key] = id.Int64
			return id.Int64, nil
		}
	}
	e := Entity{Name: se.Name, Kind: kind, Country: se.Country, Role: se.Role, Description: se.Description, Aliases: se.Aliases}
	if err := checkEntity(&e); err != nil {
		return 0, err
	}
	id, err := insertEntity(ctx, sv.q, e)
	if err != nil {
		return 0, err
	}
	for _, name := range names {
		if name != "" {
			sv.resolved[entityName{kind, name}] = id
		}
	}
	return id, nil
}

package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/attache-app/attache/data/store/internal/suggest"
)

// suggestionSaver saves machine suggestions inside one write transaction. It
// keeps its prepared statements and the entities it has resolved for the
// life of the transaction: an import with extraction resolves the same few
// thousand names over and over, and nothing else writes meanwhile.
type suggestionSaver struct {
	q        *stmtCache
	entities entityResolver
	mentions []mentionRow // the article's new mentions, written together
}

// mentionRow is a suggested mention about to be inserted.
type mentionRow struct {
	entity     int64
	start, end int
	key        string
}

func newSuggestionSaver(tx *sql.Tx) *suggestionSaver {
	q := newStmtCache(tx)
	return &suggestionSaver{q: q, entities: newEntityResolver(q)}
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
	events, err := suggest.CheckExtraction(x, articleID, runes)
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
			id, err := sv.entities.resolve(ctx, x.Entities[i])
			if err != nil {
				return 0, fmt.Errorf("entity %q: %w", x.Entities[i].Name, err)
			}
			ids[i] = id
		}
		return ids[i], nil
	}
	sv.mentions = sv.mentions[:0]
	for i, se := range x.Entities {
		for _, sp := range se.Mentions {
			key := suggest.MachineKey("mention", sp.Start, sp.End, "")
			if seen.keys[key] || seen.spans[sp] {
				continue
			}
			seen.keys[key], seen.spans[sp] = true, true
			id, err := entity(i)
			if err != nil {
				return err
			}
			sv.mentions = append(sv.mentions, mentionRow{id, sp.Start, sp.End, key})
		}
	}
	if err := sv.insertMentions(ctx, articleID); err != nil {
		return err
	}
	for k, se := range x.Events {
		key := suggest.MachineKey("event", se.Start, se.End, suggest.EventFingerprint(x, se))
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

// mentionsPerInsert is the most rows one INSERT into mentions adds: one
// statement per article rather than per mention saves most of the cost of
// running a statement.
const mentionsPerInsert = 16

// insertMentionSQL[n] inserts n suggested mentions.
var insertMentionSQL = func() []string {
	out := make([]string, mentionsPerInsert+1)
	for n := 1; n <= mentionsPerInsert; n++ {
		out[n] = `INSERT INTO mentions(entity_id, article_id, start, "end", status, machine_key) VALUES ` +
			strings.TrimSuffix(strings.Repeat(`(?, ?, ?, ?, '`+string(StatusSuggested)+`', ?), `, n), ", ")
	}
	return out
}()

// insertMentions writes sv.mentions, in order, for the article.
func (sv *suggestionSaver) insertMentions(ctx context.Context, articleID int64) error {
	args := make([]any, 0, 5*mentionsPerInsert)
	for rest := sv.mentions; len(rest) > 0; {
		n := min(len(rest), mentionsPerInsert)
		args = args[:0]
		for _, m := range rest[:n] {
			args = append(args, m.entity, articleID, m.start, m.end, m.key)
		}
		if _, err := sv.q.ExecContext(ctx, insertMentionSQL[n], args...); err != nil {
			return err
		}
		rest = rest[n:]
	}
	return nil
}

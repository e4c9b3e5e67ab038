package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
)

// Extraction is what the extractor suggests for one article.
type Extraction struct {
	Entities []SuggestedEntity
	Events   []SuggestedEvent
}

// SuggestedEntity is an entity found in an article with its mentions.
type SuggestedEntity struct {
	Name, Kind, Country, Role, Description string
	Aliases                                []Alias
	Mentions                               []Span // rune spans in the article body
}

// SuggestedEvent is an event found in an article.
type SuggestedEvent struct {
	Actors, Recipients                                                     []int // indexes into Extraction.Entities
	Type, Mode, CAMEO                                                      string
	Goldstein                                                              float64
	Date, EndDate, Precision, DateText, DateBasis, Location, Summary, Text string
	Start, End                                                             int
}

// SaveExtraction stores machine suggestions for one article: entities are
// matched to existing ones by name or alias (case-insensitive) and kind, else
// created; mentions and events are stored with status "suggested". It never
// changes anything an analyst has confirmed, edited, merged, rejected or
// deleted, and re-running it with the same input adds nothing. It is machine
// work and not on the undo log.
func (s *Store) SaveExtraction(ctx context.Context, articleID int64, x Extraction) error {
	return s.write(ctx, fmt.Sprintf("save extraction for article %d", articleID), func(tx *sql.Tx) error {
		q := newStmtCache(tx)
		defer q.close()
		return saveExtraction(ctx, q, articleID, x)
	})
}

// ArticleExtraction is the extraction of one article, for SaveExtractions.
type ArticleExtraction struct {
	ArticleID  int64
	Extraction Extraction
}

// SaveExtractions saves the extractions of several articles as SaveExtraction
// does, in one transaction: all are saved or none. Batching matters after a
// large import, where one transaction (and one sync to disk) per article would
// cost more than the extraction itself.
func (s *Store) SaveExtractions(ctx context.Context, batch []ArticleExtraction) error {
	return s.write(ctx, fmt.Sprintf("save extraction for %d articles", len(batch)), func(tx *sql.Tx) error {
		q := newStmtCache(tx)
		defer q.close()
		for _, b := range batch {
			if err := saveExtraction(ctx, q, b.ArticleID, b.Extraction); err != nil {
				return fmt.Errorf("article %d: %w", b.ArticleID, err)
			}
		}
		return nil
	})
}

// saveExtraction stores one article's suggestions inside tx.
func saveExtraction(ctx context.Context, tx txLike, articleID int64, x Extraction) error {
	n, err := articleRunes(ctx, tx, articleID)
	if err != nil {
		return err
	}
	ids := make([]int64, len(x.Entities))
	entity := func(i int) (int64, error) {
		if i < 0 || i >= len(x.Entities) {
			return 0, fmt.Errorf("entity index %d out of range (%d entities)", i, len(x.Entities))
		}
		if ids[i] == 0 {
			id, err := matchOrCreateEntity(ctx, tx, x.Entities[i])
			if err != nil {
				return 0, fmt.Errorf("entity %q: %w", x.Entities[i].Name, err)
			}
			ids[i] = id
		}
		return ids[i], nil
	}
	for i, se := range x.Entities {
		for _, sp := range se.Mentions {
			if sp.Start < 0 || sp.Start >= sp.End || sp.End > n {
				return fmt.Errorf("mention of %q: span %d–%d is not within article %d (0–%d)", se.Name, sp.Start, sp.End, articleID, n)
			}
			key := machineKey("mention", sp.Start, sp.End, "")
			if fresh, err := isFresh(ctx, tx, articleID, key, `SELECT EXISTS(SELECT 1 FROM mentions WHERE article_id = ? AND start = ? AND "end" = ?)`, articleID, sp.Start, sp.End); err != nil || !fresh {
				if err != nil {
					return err
				}
				continue
			}
			id, err := entity(i)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO mentions(entity_id, article_id, start, "end", status, machine_key)
					VALUES (?, ?, ?, ?, 'suggested', ?)`, id, articleID, sp.Start, sp.End, key); err != nil {
				return err
			}
		}
	}
	for k, sv := range x.Events {
		key := machineKey("event", sv.Start, sv.End, eventFingerprint(x, sv))
		fresh, err := isFresh(ctx, tx, articleID, key, `SELECT 0`)
		if err != nil {
			return err
		}
		if !fresh {
			continue
		}
		e := Event{Type: sv.Type, Mode: sv.Mode, CAMEO: sv.CAMEO, Goldstein: sv.Goldstein, Date: sv.Date,
			EndDate: sv.EndDate, Precision: sv.Precision, DateText: sv.DateText, DateBasis: sv.DateBasis,
			Location: sv.Location, Summary: sv.Summary, Text: sv.Text, ArticleID: articleID,
			Start: sv.Start, End: sv.End, Status: StatusSuggested}
		for _, role := range []struct {
			idx []int
			out *[]int64
		}{{sv.Actors, &e.Actors}, {sv.Recipients, &e.Recipients}} {
			for _, i := range role.idx {
				id, err := entity(i)
				if err != nil {
					return fmt.Errorf("event %d: %w", k, err)
				}
				*role.out = append(*role.out, id)
			}
		}
		if err := checkEvent(ctx, tx, &e); err != nil {
			return fmt.Errorf("event %d: %w", k, err)
		}
		if _, err := insertEvent(ctx, tx, e, key); err != nil {
			return fmt.Errorf("event %d: %w", k, err)
		}
	}
	return nil
}

// isFresh reports whether a suggestion with key has never been stored for the
// article (nor dismissed), and the extra existence query finds nothing.
func isFresh(ctx context.Context, tx txLike, articleID int64, key, extra string, args ...any) (bool, error) {
	var seen bool
	err := tx.QueryRowContext(ctx, `SELECT EXISTS(SELECT 1 FROM mentions WHERE article_id = ?1 AND machine_key = ?2)
		OR EXISTS(SELECT 1 FROM events WHERE article_id = ?1 AND machine_key = ?2)
		OR EXISTS(SELECT 1 FROM dismissed WHERE article_id = ?1 AND machine_key = ?2)`, articleID, key).Scan(&seen)
	if err != nil || seen {
		return false, err
	}
	if err := tx.QueryRowContext(ctx, extra, args...).Scan(&seen); err != nil {
		return false, err
	}
	return !seen, nil
}

func matchOrCreateEntity(ctx context.Context, tx txLike, se SuggestedEntity) (int64, error) {
	kind := se.Kind
	if kind == "" {
		kind = "other"
	}
	if err := checkKind(kind); err != nil {
		return 0, err
	}
	names := []string{strings.TrimSpace(se.Name)}
	for _, a := range se.Aliases {
		names = append(names, strings.TrimSpace(a.Name))
	}
	for _, name := range names {
		if name == "" {
			continue
		}
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM entities WHERE kind = ?1 AND (name = ?2 COLLATE NOCASE
			OR id IN (SELECT entity_id FROM aliases WHERE name = ?2 COLLATE NOCASE)) ORDER BY id LIMIT 1`, kind, name).Scan(&id)
		if err == nil {
			return id, nil
		}
		if err != sql.ErrNoRows {
			return 0, err
		}
	}
	e := Entity{Name: se.Name, Kind: kind, Country: se.Country, Role: se.Role, Description: se.Description, Aliases: se.Aliases}
	if err := checkEntity(&e); err != nil {
		return 0, err
	}
	return insertEntity(ctx, tx, e)
}

// eventFingerprint identifies a suggested event apart from its span.
func eventFingerprint(x Extraction, sv SuggestedEvent) string {
	var b strings.Builder
	for _, idx := range [][]int{sv.Actors, sv.Recipients} {
		for _, i := range idx {
			if i >= 0 && i < len(x.Entities) {
				b.WriteString(strings.ToLower(x.Entities[i].Name))
			}
			b.WriteByte(0)
		}
		b.WriteByte(1)
	}
	for _, f := range []string{sv.Type, sv.Mode, sv.CAMEO, sv.Date, sv.EndDate, sv.DateText, sv.Location} {
		b.WriteString(f)
		b.WriteByte(0)
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:8])
}

// machineKey is "kind:start:end:rest"; the span is kept in the key so that
// splitting and merging articles can shift it.
func machineKey(kind string, start, end int, rest string) string {
	return kind + ":" + strconv.Itoa(start) + ":" + strconv.Itoa(end) + ":" + rest
}

// shiftKey moves the span inside a machine key by delta.
func shiftKey(key string, delta int) string {
	parts := strings.SplitN(key, ":", 4)
	if len(parts) != 4 {
		return key
	}
	start, err1 := strconv.Atoi(parts[1])
	end, err2 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil {
		return key
	}
	return machineKey(parts[0], start+delta, end+delta, parts[3])
}

// keySpan returns the span inside a machine key.
func keySpan(key string) (int, int, bool) {
	parts := strings.SplitN(key, ":", 4)
	if len(parts) != 4 {
		return 0, 0, false
	}
	start, err1 := strconv.Atoi(parts[1])
	end, err2 := strconv.Atoi(parts[2])
	return start, end, err1 == nil && err2 == nil
}

// dismiss remembers the machine keys selected by query (article_id,
// machine_key pairs) so that SaveExtraction will not suggest them again.
func dismiss(c *changeTx, query string, args ...any) error {
	var last int64
	if err := c.QueryRowContext(c.ctx, `SELECT coalesce(max(id), 0) FROM dismissed`).Scan(&last); err != nil {
		return err
	}
	if _, err := c.ExecContext(c.ctx, `INSERT OR IGNORE INTO dismissed(article_id, machine_key) `+query, args...); err != nil {
		return err
	}
	return c.createdWhere("dismissed", `id > ?`, last)
}

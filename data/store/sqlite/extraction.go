package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
)

// SaveExtraction stores machine suggestions for one article: entities are
// matched to existing ones by name or alias (case-insensitive) and kind, else
// created; mentions and events are stored with status "suggested". It never
// changes anything an analyst has confirmed, edited, merged, rejected or
// deleted, and re-running it with the same input adds nothing. It is machine
// work and not on the undo log.
func (s *Store) SaveExtraction(ctx context.Context, articleID int64, x Extraction) error {
	return s.write(ctx, fmt.Sprintf("save extraction for article %d", articleID), func(tx *sql.Tx) error {
		sv := newSuggestionSaver(tx)
		defer sv.close()
		return sv.save(ctx, articleID, -1, x)
	})
}

// SaveExtractions saves the extractions of several articles as SaveExtraction
// does, in one transaction: all are saved or none. Batching matters after a
// large import, where one transaction (and one sync to disk) per article would
// cost more than the extraction itself.
func (s *Store) SaveExtractions(ctx context.Context, batch []ArticleExtraction) error {
	return s.write(ctx, fmt.Sprintf("save extraction for %d articles", len(batch)), func(tx *sql.Tx) error {
		sv := newSuggestionSaver(tx)
		defer sv.close()
		for _, b := range batch {
			if err := sv.save(ctx, b.ArticleID, -1, b.Extraction); err != nil {
				return fmt.Errorf("article %d: %w", b.ArticleID, err)
			}
		}
		return nil
	})
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
	for _, f := range []string{string(sv.Type), sv.Mode, sv.CAMEO, sv.Date, sv.EndDate, sv.DateText, sv.Location} {
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

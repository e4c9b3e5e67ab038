package sqlite

import (
	"context"
	"database/sql"
	"fmt"
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

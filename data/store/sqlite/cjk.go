package sqlite

import (
	"context"
	"database/sql"

	"github.com/attache-app/attache/data/store/internal/textsearch"
)

// indexCJK brings the bigrams of one article in step with its text; the
// triggers of article_grams update the articles_cjk index.
func indexCJK(ctx context.Context, tx txLike, id int64, title, body string) error {
	grams := textsearch.Grams(title, body)
	var old string
	switch err := tx.QueryRowContext(ctx, `SELECT grams FROM article_grams WHERE id = ?`, id).Scan(&old); {
	case err == sql.ErrNoRows:
		if grams == "" {
			return nil
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO article_grams(id, grams) VALUES (?, ?)`, id, grams)
		return err
	case err != nil:
		return err
	case old == grams:
		return nil
	case grams == "":
		_, err = tx.ExecContext(ctx, `DELETE FROM article_grams WHERE id = ?`, id)
		return err
	default:
		_, err = tx.ExecContext(ctx, `UPDATE article_grams SET grams = ? WHERE id = ?`, grams, id)
		return err
	}
}

// reindexCJK is indexCJK for an article as it stands in the database.
func reindexCJK(ctx context.Context, tx txLike, id int64) error {
	var title, body string
	if err := tx.QueryRowContext(ctx, `SELECT title, body FROM articles WHERE id = ?`, id).Scan(&title, &body); err != nil {
		return err
	}
	return indexCJK(ctx, tx, id, title, body)
}

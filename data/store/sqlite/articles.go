package sqlite

import (
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store/internal/refcheck"
	"github.com/attache-app/attache/data/store/internal/undolabel"

	"context"
	"database/sql"
	"fmt"
)

// ImportArticles inserts the articles of one source file in a single
// transaction (all or nothing). An article whose whitespace-normalised body is
// already in the project, or earlier in the same call, is skipped as a
// duplicate: its entry in IDs is 0. An article without text is refused (and
// with it the whole call); one whose published date is malformed is imported
// with the date unknown and listed in ImportResult.Cleared, so that one bad
// date in a feed loses no article. Imports are not on the undo log.
func (s *Store) ImportArticles(ctx context.Context, arts []Article) (ImportResult, error) {
	// Validation needs no lock, so a bad article is refused before the write
	// transaction starts.
	for i, a := range arts {
		if err := checkBody(a); err != nil {
			return ImportResult{}, fmt.Errorf("store: import articles: article %d (%q): %w", i, a.Title, err)
		}
	}
	i := 0
	return s.ImportArticlesFrom(ctx, func() (Article, bool, error) {
		if i == len(arts) {
			return Article{}, false, nil
		}
		i++
		return arts[i-1], true, nil
	})
}

// ImportArticlesFrom is ImportArticles for articles produced one at a time,
// so that a reader can go on parsing a file while the first articles are
// being inserted: next returns the next article, false when there are no
// more, or an error that rolls the whole import back (and is returned
// wrapped). IDs[i] is the id of the i-th article next returned. next is
// called from a goroutine of the import's own, one call at a time, and
// never after ImportArticlesFrom has returned.
func (s *Store) ImportArticlesFrom(ctx context.Context, next func() (Article, bool, error)) (ImportResult, error) {
	return s.ImportFrom(ctx, func() (ImportItem, bool, error) {
		a, ok, err := next()
		return ImportItem{Article: a}, ok, err
	})
}

// ImportFrom is ImportArticlesFrom for articles that come with their
// extraction: the suggestions of each new article are saved with it, in the
// same transaction, as SaveExtraction would save them right after the import
// (a duplicate's are dropped). Suggestions that SaveExtraction would refuse
// (a span outside the body, an unknown event type) do not stop the import:
// the article is imported without them and the reason is in
// ImportResult.Unsaved.
func (s *Store) ImportFrom(ctx context.Context, next func() (ImportItem, bool, error)) (ImportResult, error) {
	var res ImportResult
	rebuilt := false
	direct, err := s.writeDirectIfEmpty(ctx)
	if err != nil {
		return ImportResult{}, fmt.Errorf("store: import articles: %w", err)
	}
	err = s.write(ctx, "import articles", func(tx *sql.Tx) error {
		// A large import touches more pages than the writer's 2 MB cache
		// holds; with a larger cache for the transaction SQLite spills and
		// rereads far fewer pages.
		if _, err := tx.ExecContext(ctx, `PRAGMA cache_size = -`+importCacheKiB); err != nil {
			return err
		}
		index, err := deferIndexing(ctx, tx)
		if err != nil {
			return err
		}
		defer index.close()
		imp, err := newImporter(ctx, tx)
		if err != nil {
			return err
		}
		defer imp.close()
		chunks, stop := prepareChunks(next)
		defer stop()
		for {
			c, ok, err := index.nextChunk(ctx, tx, chunks)
			if err != nil {
				return err
			}
			if !ok {
				break
			}
			if c.err != nil {
				return c.err
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			added, err := imp.add(ctx, c, &res)
			if err != nil {
				return err
			}
			if err := index.added(ctx, tx, added); err != nil {
				return err
			}
		}
		rebuilt = index.rebuiltIndex()
		return index.finish(ctx, tx)
	})
	if rerr := s.afterImport(direct, rebuilt); rerr != nil && err == nil {
		err = fmt.Errorf("store: import articles: %w", rerr)
	}
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// checkBody refuses an article without text or with invalid UTF-8.
func checkBody(a Article) error { return model.ValidBody(a.Body) }

const articleCols = `id, title, publication, author, url, published, dateline, language, body, hash, source_path, source_pos`

func scanArticle(row interface{ Scan(...any) error }) (Article, error) {
	var a Article
	err := row.Scan(&a.ID, &a.Title, &a.Publication, &a.Author, &a.URL, &a.Published, &a.Dateline,
		&a.Language, &a.Body, &a.Hash, &a.SourcePath, &a.SourcePos)
	return a, err
}

// Article returns one article with its body.
func (s *Store) Article(ctx context.Context, id int64) (Article, error) {
	a, err := getArticle(ctx, s.r, id)
	if err != nil {
		return Article{}, fmt.Errorf("store: %w", err)
	}
	return a, nil
}

func getArticle(ctx context.Context, q txLike, id int64) (Article, error) {
	a, err := scanArticle(q.QueryRowContext(ctx, `SELECT `+articleCols+` FROM articles WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return Article{}, notFound("article", id)
	}
	if err != nil {
		return Article{}, fmt.Errorf("read article %d: %w", id, err)
	}
	return a, nil
}

// UpdateArticleMeta replaces the metadata of an article (not its body).
func (s *Store) UpdateArticleMeta(ctx context.Context, id int64, m ArticleMeta) error {
	if err := model.ValidDate(m.Published); err != nil {
		return fmt.Errorf("store: edit article %d: published: %w", id, err)
	}
	return s.change(ctx, undolabel.EditArticle, func(c *changeTx) error {
		if err := exists(ctx, c, "articles", "article", id); err != nil {
			return err
		}
		if err := c.capture("articles", `id = ?`, id); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `UPDATE articles SET title = ?, publication = ?, author = ?, url = ?,
			published = ?, dateline = ?, language = ? WHERE id = ?`,
			m.Title, m.Publication, m.Author, m.URL, m.Published, m.Dateline, m.Language, id)
		if err != nil {
			return err
		}
		return reindexCJK(ctx, c, id)
	})
}

// DeleteArticle removes an article with its passages, mentions and events.
func (s *Store) DeleteArticle(ctx context.Context, id int64) error {
	return s.change(ctx, undolabel.DeleteArticle, func(c *changeTx) error {
		if err := exists(ctx, c, "articles", "article", id); err != nil {
			return err
		}
		if err := captureArticleTree(c, id); err != nil {
			return err
		}
		// The article's bigrams go with it (article_grams cascades).
		_, err := c.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, id)
		return err
	})
}

// captureArticleTree records an article and every row that hangs off it.
func captureArticleTree(c *changeTx, id int64) error {
	steps := []struct{ table, where string }{
		{"articles", `id = ?`},
		{"passages", `article_id = ?`},
		{"passage_tags", `passage_id IN (SELECT id FROM passages WHERE article_id = ?)`},
		{"mentions", `article_id = ?`},
		{"events", `article_id = ?`},
		{"event_entities", `event_id IN (SELECT id FROM events WHERE article_id = ?)`},
		{"event_tags", `event_id IN (SELECT id FROM events WHERE article_id = ?)`},
		{"dismissed", `article_id = ?`},
	}
	for _, st := range steps {
		if err := c.capture(st.table, st.where, id); err != nil {
			return err
		}
	}
	return nil
}

// articleRunes returns the body length of an article in runes.
func articleRunes(ctx context.Context, q txLike, id int64) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT runes FROM articles WHERE id = ?`, id).Scan(&n)
	if err == sql.ErrNoRows {
		return 0, notFound("article", id)
	}
	return n, err
}

// checkSpan validates a rune span against an article body.
func checkSpan(ctx context.Context, q txLike, articleID int64, start, end int) error {
	return refcheck.Span(ctx, lookup{q}, articleID, start, end)
}

// lookup reads, in q, what refcheck's checks need.
type lookup struct{ q txLike }

func (l lookup) Runes(ctx context.Context, articleID int64) (int, error) {
	return articleRunes(ctx, l.q, articleID)
}

func (l lookup) Exists(ctx context.Context, table, noun string, id int64) error {
	return exists(ctx, l.q, table, noun, id)
}

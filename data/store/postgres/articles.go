package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/internal/textsearch"
)

// ImportArticles inserts the articles of one source file in a single
// transaction (all or nothing). An article whose whitespace-normalised body
// is already in the project (imported by anyone, or earlier in the same
// call) is skipped as a duplicate: its entry in IDs is 0. An article
// without text is refused (and with it the whole call); one whose published
// date is malformed is imported with the date unknown and listed in
// ImportResult.Cleared. Two members importing at once queue.
func (s *Store) ImportArticles(ctx context.Context, arts []store.Article) (store.ImportResult, error) {
	for i, a := range arts {
		if err := model.ValidBody(a.Body); err != nil {
			return store.ImportResult{}, fmt.Errorf("postgres: import articles: article %d (%q): %w", i, a.Title, err)
		}
	}
	i := 0
	return s.ImportArticlesFrom(ctx, func() (store.Article, bool, error) {
		if i == len(arts) {
			return store.Article{}, false, nil
		}
		i++
		return arts[i-1], true, nil
	})
}

// ImportArticlesFrom is ImportArticles for articles produced one at a time:
// next returns the next article, false when there are no more, or an error
// that rolls the whole import back.
func (s *Store) ImportArticlesFrom(ctx context.Context, next func() (store.Article, bool, error)) (store.ImportResult, error) {
	return s.ImportFrom(ctx, func() (store.ImportItem, bool, error) {
		a, ok, err := next()
		return store.ImportItem{Article: a}, ok, err
	})
}

// ImportFrom is ImportArticlesFrom for articles that come with their
// extraction: the suggestions of each new article are saved with it, in the
// same transaction, as SaveExtraction would save them (a duplicate's are
// dropped). Suggestions SaveExtraction would refuse do not stop the import:
// the article comes in without them and the reason is in
// ImportResult.Unsaved.
func (s *Store) ImportFrom(ctx context.Context, next func() (store.ImportItem, bool, error)) (store.ImportResult, error) {
	var res store.ImportResult
	err := s.suggestTx(ctx, func(tx *sql.Tx) error {
		// Imports queue (suggestTx holds the import lock), one file at a
		// time, as on a project file: two files sharing articles in
		// different orders could otherwise each wait for the other's
		// uncommitted copy (a deadlock).
		res = store.ImportResult{}
		sv := newSuggestionSaver(tx)
		for pos := 0; ; pos++ {
			it, ok, err := next()
			if err != nil {
				return err
			}
			if !ok {
				return nil
			}
			a := it.Article
			if err := model.ValidBody(a.Body); err != nil {
				return fmt.Errorf("article %d (%q): %w", pos, a.Title, err)
			}
			var cleared error
			if err := model.ValidDate(a.Published); err != nil {
				cleared = fmt.Errorf("article %d (%q): published: %w; imported with the date unknown", pos, a.Title, err)
				a.Published = ""
			}
			id, err := insertArticle(ctx, tx, a)
			if err != nil {
				return fmt.Errorf("article %d (%q): %w", pos, a.Title, err)
			}
			res.IDs = append(res.IDs, id)
			if id == 0 {
				res.Duplicates++
				continue
			}
			if cleared != nil {
				res.Cleared = append(res.Cleared, cleared)
			}
			if it.Extraction == nil {
				continue
			}
			// save checks everything before it writes: a refused
			// extraction leaves nothing behind.
			err = sv.save(ctx, id, utf8.RuneCountInString(a.Body), *it.Extraction)
			var bad refusedSuggestions
			switch {
			case errors.As(err, &bad):
				res.Unsaved = append(res.Unsaved, fmt.Errorf("article %d (%q): suggestions not saved: %w", pos, a.Title, bad.err))
			case err != nil:
				return fmt.Errorf("article %d (%q): %w", pos, a.Title, err)
			}
		}
	})
	if err != nil {
		return store.ImportResult{}, s.queryError("import articles", err)
	}
	return res, nil
}

// insertArticle adds one article and its search terms, or returns 0 when
// its body is already in the project.
func insertArticle(ctx context.Context, tx *sql.Tx, a store.Article) (int64, error) {
	hash := store.BodyHash(a.Body)
	// Looking first keeps the ids without gaps, as in a project file: an
	// INSERT that meets a conflict still takes a number from the sequence.
	// ON CONFLICT covers another member importing the same body meanwhile.
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE hash = $1`, hash).Scan(&id)
	if err == nil {
		return 0, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	words := textsearch.IndexWords(a.Title, a.Body)
	grams := textsearch.IndexGrams(a.Title, a.Body)
	err = tx.QueryRowContext(ctx, `
INSERT INTO articles(title, publication, author, url, published, dateline, language, body, runes, hash, source_path, source_pos, has_grams, word_count, gram_count)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
ON CONFLICT (hash) DO NOTHING RETURNING id`,
		a.Title, a.Publication, a.Author, a.URL, a.Published, a.Dateline, a.Language, a.Body,
		utf8.RuneCountInString(a.Body), hash, a.SourcePath, a.SourcePos, len(grams) > 0, wordCount(words), gramCount(grams)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return id, indexArticle(ctx, tx, id, words, grams)
}

// indexArticle writes an article's words and CJK tokens into the search
// index, one statement each.
func indexArticle(ctx context.Context, tx *sql.Tx, id int64, words []textsearch.IndexWord, grams []textsearch.IndexGram) error {
	if len(words) > 0 {
		w, t, b := make([]string, len(words)), make([]int32, len(words)), make([]int32, len(words))
		for i, x := range words {
			w[i], t[i], b[i] = x.Word, int32(x.Title), int32(x.Body)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO article_words(word, article_id, title_tf, body_tf)
			SELECT w, $1, t, b FROM unnest($2::text[], $3::int[], $4::int[]) AS x(w, t, b)`, id, w, t, b); err != nil {
			return err
		}
	}
	if len(grams) > 0 {
		g, n := make([]string, len(grams)), make([]int32, len(grams))
		for i, x := range grams {
			g[i], n[i] = x.Gram, int32(x.Count)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO article_grams(gram, article_id, tf)
			SELECT g, $1, n FROM unnest($2::text[], $3::int[]) AS x(g, n)`, id, g, n); err != nil {
			return err
		}
	}
	return nil
}

const articleCols = `id, title, publication, author, url, published, dateline, language, body, hash, source_path, source_pos`

// Article returns one article with its body.
func (s *Store) Article(ctx context.Context, id int64) (store.Article, error) {
	var a store.Article
	err := s.db.QueryRowContext(ctx, `SELECT `+articleCols+` FROM articles WHERE id = $1`, id).Scan(
		&a.ID, &a.Title, &a.Publication, &a.Author, &a.URL, &a.Published, &a.Dateline,
		&a.Language, &a.Body, &a.Hash, &a.SourcePath, &a.SourcePos)
	if errors.Is(err, sql.ErrNoRows) {
		return store.Article{}, fmt.Errorf("postgres: article %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return store.Article{}, s.queryError(fmt.Sprintf("article %d", id), err)
	}
	return a, nil
}

func wordCount(words []textsearch.IndexWord) int {
	n := 0
	for _, w := range words {
		n += w.Title + w.Body
	}
	return n
}

func gramCount(grams []textsearch.IndexGram) int {
	n := 0
	for _, g := range grams {
		n += g.Count
	}
	return n
}

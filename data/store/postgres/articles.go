package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
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
		var chunk []store.ImportItem
		var cleared []error
		flush := func(first int) error {
			if len(chunk) == 0 {
				return nil
			}
			arts := make([]store.Article, len(chunk))
			for i, it := range chunk {
				arts[i] = it.Article
			}
			ids, err := insertArticles(ctx, tx, arts)
			if err != nil {
				return err
			}
			for i, id := range ids {
				res.IDs = append(res.IDs, id)
				if id == 0 {
					res.Duplicates++
					continue
				}
				if cleared[i] != nil {
					res.Cleared = append(res.Cleared, cleared[i])
				}
				if chunk[i].Extraction == nil {
					continue
				}
				// save checks everything before it writes: a refused
				// extraction leaves nothing behind.
				err := sv.save(ctx, id, utf8.RuneCountInString(arts[i].Body), *chunk[i].Extraction)
				var bad refusedSuggestions
				switch {
				case errors.As(err, &bad):
					res.Unsaved = append(res.Unsaved, fmt.Errorf("article %d (%q): suggestions not saved: %w", first+i, arts[i].Title, bad.err))
				case err != nil:
					return fmt.Errorf("article %d (%q): %w", first+i, arts[i].Title, err)
				}
			}
			chunk, cleared = chunk[:0], cleared[:0]
			return nil
		}
		first := 0
		for pos := 0; ; pos++ {
			it, ok, err := next()
			if err != nil {
				return err
			}
			if !ok {
				return flush(first)
			}
			a := &it.Article
			if err := model.ValidBody(a.Body); err != nil {
				return fmt.Errorf("article %d (%q): %w", pos, a.Title, err)
			}
			var why error
			if err := model.ValidDate(a.Published); err != nil {
				why = fmt.Errorf("article %d (%q): published: %w; imported with the date unknown", pos, a.Title, err)
				a.Published = ""
			}
			chunk, cleared = append(chunk, it), append(cleared, why)
			if len(chunk) == importChunk {
				if err := flush(first); err != nil {
					return err
				}
				first = pos + 1
			}
		}
	})
	if err != nil {
		return store.ImportResult{}, s.queryError("import articles", err)
	}
	return res, nil
}

// importChunk is how many articles one round of statements imports: a few
// statements per chunk rather than per article keeps an import from
// waiting on the server's answers.
const importChunk = 500

// insertArticles adds articles and their search terms in a few statements
// and returns their ids, 0 for one whose body is already in the project or
// earlier in arts. Looking first keeps the ids without gaps, as in a
// project file (an INSERT that meets a conflict still takes a number from
// the sequence); ON CONFLICT covers a split article meanwhile.
func insertArticles(ctx context.Context, tx *sql.Tx, arts []store.Article) ([]int64, error) {
	hashes := make([]string, len(arts))
	for i, a := range arts {
		for _, f := range []string{a.Title, a.Body, a.Publication, a.Author, a.URL, a.Dateline, a.Language, a.SourcePath} {
			if strings.IndexByte(f, 0) >= 0 {
				return nil, fmt.Errorf("article %q holds a NUL character, which a PostgreSQL project cannot store", a.Title)
			}
		}
		hashes[i] = store.BodyHash(a.Body)
	}
	taken := map[string]bool{}
	rows, err := tx.QueryContext(ctx, `SELECT hash FROM articles WHERE hash = ANY($1)`, hashes)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			rows.Close()
			return nil, err
		}
		taken[h] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var (
		fresh                                              []int // index in arts
		title, pub, author, url, published, dateline, lang []string
		body, hash, source                                 []string
		runes, pos, wordN, gramN                           []int32
		hasGrams                                           []bool
		words                                              [][]textsearch.IndexWord
		grams                                              [][]textsearch.IndexGram
	)
	for i, a := range arts {
		if taken[hashes[i]] {
			continue
		}
		taken[hashes[i]] = true
		w, g := textsearch.IndexWords(a.Title, a.Body), textsearch.IndexGrams(a.Title, a.Body)
		fresh, words, grams = append(fresh, i), append(words, w), append(grams, g)
		title, pub, author, url = append(title, a.Title), append(pub, a.Publication), append(author, a.Author), append(url, a.URL)
		published, dateline, lang = append(published, a.Published), append(dateline, a.Dateline), append(lang, a.Language)
		body, hash, source = append(body, a.Body), append(hash, hashes[i]), append(source, a.SourcePath)
		runes, pos = append(runes, int32(utf8.RuneCountInString(a.Body))), append(pos, int32(a.SourcePos))
		wordN, gramN, hasGrams = append(wordN, int32(wordCount(w))), append(gramN, int32(gramCount(g))), append(hasGrams, len(g) > 0)
	}
	ids := make([]int64, len(arts))
	if len(fresh) == 0 {
		return ids, nil
	}
	rows, err = tx.QueryContext(ctx, `
INSERT INTO articles(title, publication, author, url, published, dateline, language, body, runes, hash, source_path, source_pos, has_grams, word_count, gram_count)
SELECT t, p, au, u, pd, d, l, b, r, h, sp, so, hg, wn, gn
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
	$9::int[], $10::text[], $11::text[], $12::int[], $13::bool[], $14::int[], $15::int[])
	WITH ORDINALITY AS x(t, p, au, u, pd, d, l, b, r, h, sp, so, hg, wn, gn, n)
ORDER BY n
ON CONFLICT (hash) DO NOTHING RETURNING id, hash`,
		title, pub, author, url, published, dateline, lang, body, runes, hash, source, pos, hasGrams, wordN, gramN)
	if err != nil {
		return nil, err
	}
	byHash := map[string]int64{}
	for rows.Next() {
		var id int64
		var h string
		if err := rows.Scan(&id, &h); err != nil {
			rows.Close()
			return nil, err
		}
		byHash[h] = id
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var wWord []string
	var wID []int64
	var wTitle, wBody []int32
	var gGram []string
	var gID []int64
	var gN []int32
	for k, i := range fresh {
		id := byHash[hashes[i]]
		ids[i] = id
		if id == 0 {
			continue
		}
		for _, w := range words[k] {
			wWord, wID, wTitle, wBody = append(wWord, w.Word), append(wID, id), append(wTitle, int32(w.Title)), append(wBody, int32(w.Body))
		}
		for _, g := range grams[k] {
			gGram, gID, gN = append(gGram, g.Gram), append(gID, id), append(gN, int32(g.Count))
		}
	}
	if len(wWord) > 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO article_words(word, article_id, title_tf, body_tf)
			SELECT * FROM unnest($1::text[], $2::bigint[], $3::int[], $4::int[])`, wWord, wID, wTitle, wBody); err != nil {
			return nil, err
		}
	}
	if len(gGram) > 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO article_grams(gram, article_id, tf)
			SELECT * FROM unnest($1::text[], $2::bigint[], $3::int[])`, gGram, gID, gN); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// insertArticle adds one article and its search terms, or returns 0 when
// its body is already in the project.
func insertArticle(ctx context.Context, tx *sql.Tx, a store.Article) (int64, error) {
	ids, err := insertArticles(ctx, tx, []store.Article{a})
	if err != nil {
		return 0, err
	}
	return ids[0], nil
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

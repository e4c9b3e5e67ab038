package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"unicode"
)

// isCJK reports whether r belongs to a script written without spaces between
// words (Han, Hiragana, Katakana) or one whose words are short (Hangul): such
// runs are indexed as overlapping bigrams.
func isCJK(r rune) bool {
	if r < 0x1100 { // below Hangul Jamo, the first of these scripts
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// cjkRuns returns the maximal runs of CJK characters in s.
func cjkRuns(s string) []string {
	var runs []string
	start := -1
	for i, r := range s {
		switch {
		case isCJK(r) && start < 0:
			start = i
		case !isCJK(r) && start >= 0:
			runs = append(runs, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		runs = append(runs, s[start:])
	}
	return runs
}

// bigrams returns the overlapping two-character tokens of a CJK run.
func bigrams(run string) []string {
	rs := []rune(run)
	if len(rs) < 2 {
		return []string{run}
	}
	out := make([]string, 0, len(rs)-1)
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	return out
}

// cjkGrams turns the CJK runs of a text into the document indexed in
// articles_cjk: each run's bigrams followed by its last character alone, so
// that every character starts some token (a one-character query is a prefix
// query) and no bigram phrase can match across two runs.
func cjkGrams(texts ...string) string {
	var b strings.Builder
	for _, t := range texts {
		for _, run := range cjkRuns(t) {
			rs := []rune(run)
			for i := 0; i+1 < len(rs); i++ {
				b.WriteString(string(rs[i : i+2]))
				b.WriteByte(' ')
			}
			b.WriteString(string(rs[len(rs)-1]))
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// indexCJK brings the bigrams of one article in step with its text; the
// triggers of article_grams update the articles_cjk index.
func indexCJK(ctx context.Context, tx txLike, id int64, title, body string) error {
	grams := cjkGrams(title, body)
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

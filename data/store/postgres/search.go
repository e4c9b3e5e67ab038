package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"unicode/utf8"

	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/internal/textsearch"
)

// Search runs a full-text query over titles and bodies and returns up to
// limit hits, best first, as a project file does: the same query syntax,
// the same words (the project file's tokeniser fills the index), and the
// same ranking, BM25 with k1 = 1.2, no length normalisation and a title
// word worth ten body words; CJK text is found by any two characters.
// Ties are broken by article id. Rank is negative, lower is better, with
// the values a project file gives.
//
// The index (article_words, article_grams) gives each term's postings;
// phrases and CJK runs longer than two characters are confirmed, and
// counted, in the text of the articles that hold all their words.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]store.SearchHit, error) {
	if limit <= 0 {
		limit = 50
	}
	q := textsearch.Parse(query)
	if q.Empty() {
		return nil, nil
	}
	var hits []store.SearchHit
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		hits, err = search(ctx, tx, q, limit)
		return err
	})
	if err != nil {
		return nil, s.queryError(fmt.Sprintf("search %q", query), err)
	}
	return hits, nil
}

// readTx runs fn in a read-only transaction that sees one snapshot.
func (s *Store) readTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// postings maps an article to a term's weighted frequency in it.
type postings map[int64]float64

func search(ctx context.Context, tx *sql.Tx, q textsearch.Query, limit int) ([]store.SearchHit, error) {
	terms, in, err := termPostings(ctx, tx, q)
	if err != nil {
		return nil, err
	}
	ranked := rank(terms, in)
	if len(ranked) > limit {
		ranked = ranked[:limit]
	}
	return hitsOf(ctx, tx, ranked, q)
}

// termPostings reads the postings of every term of q, with the index each
// term is counted in.
func termPostings(ctx context.Context, tx *sql.Tx, q textsearch.Query) ([]postings, []collection, error) {
	var words, grams collection
	if err := tx.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(word_count), 0),
		count(*) FILTER (WHERE has_grams), coalesce(sum(gram_count), 0) FROM articles`).Scan(&words.docs, &words.tokens, &grams.docs, &grams.tokens); err != nil {
		return nil, nil, err
	}
	words.columns, grams.columns = 2, 1
	var terms []postings
	var in []collection
	for _, t := range q.Terms {
		if t.CJK {
			continue
		}
		ps, err := phrasePostings(ctx, tx, t)
		if err != nil {
			return nil, nil, err
		}
		terms, in = append(terms, ps), append(in, words)
	}
	// The CJK index's ranking comes after the word index's, as in the
	// project file, whose bm25() sums add the word part first.
	for _, t := range q.Terms {
		if !t.CJK {
			continue
		}
		ps, err := cjkPostings(ctx, tx, t)
		if err != nil {
			return nil, nil, err
		}
		terms, in = append(terms, ps), append(in, grams)
	}
	return terms, in, nil
}

type scored struct {
	id   int64
	rank float64
}

// collection describes one of the project file's two full-text indexes
// (words, CJK tokens) as bm25() sees it.
type collection struct {
	docs, tokens int64 // rows, and tokens in all of them
	columns      int   // indexed columns
}

// The project file's bm25() column weights: title and body in the word
// index, the one column of the CJK index (see the store's migrateLeanIndexes).
const (
	titleColumnWeight = 2.5
	bodyColumnWeight  = 0.25
)

// rank scores the articles that hold every term as the project file's
// bm25() does: for each term IDF × w·(k1+1) / (w + k1·(1 − b + b·D/avgdl)),
// with k1 = 1.2, b = 0.75, w the term's weighted frequency (2.5 per title
// hit, 0.25 per body or CJK hit) and IDF = ln((N−n+0.5)/(n+0.5)), at least
// 1e-6. The file's index keeps no row sizes, so D is −1 per column for
// every row: what is left of the length normalisation is a constant per
// index, through avgdl = tokens/N. The rank is minus the score, best first.
func rank(terms []postings, in []collection) []scored {
	if len(terms) == 0 {
		return nil
	}
	smallest := 0
	for i, t := range terms {
		if len(t) < len(terms[smallest]) {
			smallest = i
		}
	}
	const k1, b = 1.2, 0.75
	idf := make([]float64, len(terms))
	norm := make([]float64, len(terms))
	for i, t := range terms {
		n, total := float64(len(t)), float64(in[i].docs)
		idf[i] = ftsLog((total - n + 0.5) / (n + 0.5))
		if idf[i] <= 0 {
			idf[i] = 1e-6
		}
		avgdl := float64(in[i].tokens) / total
		norm[i] = k1 * (1 - b + b*float64(-in[i].columns)/avgdl)
	}
	var out []scored
next:
	for id := range terms[smallest] {
		// Each index's score is summed on its own, in the query's order,
		// with the operations in bm25()'s order, so that the floating-point
		// result is the file's to the last bit; the two are then added.
		var words, grams float64
		for i, t := range terms {
			f, ok := t[id]
			if !ok {
				continue next
			}
			term := idf[i] * ((f * (k1 + 1.0)) / (f + norm[i]))
			if in[i].columns == 1 {
				grams += term
			} else {
				words += term
			}
		}
		out = append(out, scored{id, -words + -grams})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].rank != out[j].rank {
			return out[i].rank < out[j].rank
		}
		return out[i].id < out[j].id
	})
	return out
}

// phrasePostings finds the articles holding a phrase and its weighted
// frequency in each.
func phrasePostings(ctx context.Context, tx *sql.Tx, p textsearch.Term) (postings, error) {
	words := p.Words()
	if len(words) == 1 {
		return wordPostings(ctx, tx, words[0], p.Prefix)
	}
	// Articles holding every word, then the phrase counted in their text.
	var cands postings
	for i, w := range words {
		ps, err := wordPostings(ctx, tx, w, p.Prefix && i == len(words)-1)
		if err != nil {
			return nil, err
		}
		cands = intersect(cands, ps, i == 0)
	}
	out := postings{}
	err := eachText(ctx, tx, cands, func(id int64, title, body string) {
		if t, b := p.Count(title), p.Count(body); t+b > 0 {
			out[id] = titleColumnWeight*float64(t) + bodyColumnWeight*float64(b)
		}
	})
	return out, err
}

// wordPostings reads one word's (or prefix's) postings from the index.
func wordPostings(ctx context.Context, tx *sql.Tx, word string, prefix bool) (postings, error) {
	q, args := `SELECT article_id, sum(title_tf), sum(body_tf) FROM article_words WHERE word = $1 GROUP BY article_id`, []any{word}
	if prefix {
		q, args = `SELECT article_id, sum(title_tf), sum(body_tf) FROM article_words WHERE word >= $1 AND word < $2 GROUP BY article_id`, []any{word, prefixEnd(word)}
	}
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := postings{}
	for rows.Next() {
		var id, t, b int64
		if err := rows.Scan(&id, &t, &b); err != nil {
			return nil, err
		}
		out[id] = titleColumnWeight*float64(t) + bodyColumnWeight*float64(b)
	}
	return out, rows.Err()
}

// cjkPostings finds the articles holding a CJK run and how often it occurs
// in each, title and body alike (the CJK index has one column).
func cjkPostings(ctx context.Context, tx *sql.Tx, t textsearch.Term) (postings, error) {
	run := t.Text
	if t.Runes() == 1 {
		// Any token starting with the character: a pair, or a run's end.
		return gramPostings(ctx, tx, `gram >= $1 AND gram < $2`, run, prefixEnd(run))
	}
	rs := []rune(run)
	var cands postings
	for i := 0; i+1 < len(rs); i++ {
		ps, err := gramPostings(ctx, tx, `gram = $1`, string(rs[i:i+2]))
		if err != nil {
			return nil, err
		}
		cands = intersect(cands, ps, i == 0)
	}
	if len(rs) == 2 {
		return cands, nil
	}
	out := postings{}
	err := eachText(ctx, tx, cands, func(id int64, title, body string) {
		if n := t.Count(title) + t.Count(body); n > 0 {
			out[id] = bodyColumnWeight * float64(n)
		}
	})
	return out, err
}

func gramPostings(ctx context.Context, tx *sql.Tx, where string, args ...any) (postings, error) {
	rows, err := tx.QueryContext(ctx, `SELECT article_id, sum(tf) FROM article_grams WHERE `+where+` GROUP BY article_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := postings{}
	for rows.Next() {
		var id, n int64
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = bodyColumnWeight * float64(n)
	}
	return out, rows.Err()
}

// intersect keeps the articles of acc that are also in ps (acc is ps
// itself when first).
func intersect(acc, ps postings, first bool) postings {
	if first {
		return ps
	}
	for id := range acc {
		if _, ok := ps[id]; !ok {
			delete(acc, id)
		}
	}
	return acc
}

// eachText calls fn with the title and body of each article in ids.
func eachText(ctx context.Context, tx *sql.Tx, ids postings, fn func(id int64, title, body string)) error {
	if len(ids) == 0 {
		return nil
	}
	list := make([]int64, 0, len(ids))
	for id := range ids {
		list = append(list, id)
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, title, body FROM articles WHERE id = ANY($1)`, list)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var title, body string
		if err := rows.Scan(&id, &title, &body); err != nil {
			return err
		}
		fn(id, title, body)
	}
	return rows.Err()
}

// prefixEnd returns the least string greater than every string starting
// with p, byte-wise (the index's collation): p with its last character
// incremented.
func prefixEnd(p string) string {
	r, size := utf8.DecodeLastRuneInString(p)
	next := r + 1
	if next == 0xD800 { // skip the surrogates, which are not characters
		next = 0xE000
	}
	if next > utf8.MaxRune {
		return p + string(utf8.MaxRune)
	}
	return p[:len(p)-size] + string(next)
}

// hitsOf reads the found articles and cuts their snippets.
func hitsOf(ctx context.Context, tx *sql.Tx, ranked []scored, q textsearch.Query) ([]store.SearchHit, error) {
	if len(ranked) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(ranked))
	at := make(map[int64]int, len(ranked))
	for i, r := range ranked {
		ids[i], at[r.id] = r.id, i
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, title, publication, published, body FROM articles WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	hits := make([]store.SearchHit, len(ranked))
	for rows.Next() {
		var h store.SearchHit
		var body string
		if err := rows.Scan(&h.ArticleID, &h.Title, &h.Publication, &h.Published, &body); err != nil {
			return nil, err
		}
		i := at[h.ArticleID]
		h.Rank = ranked[i].rank
		h.FirstHit, h.Snippet = q.Locate(body)
		hits[i] = h
	}
	return hits, rows.Err()
}

package sqlite

import (
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/internal/exchangecheck"

	"context"
	"database/sql"
	"fmt"
	"strings"
)

// ExchangeSnapshot reads every article with its body, the tag tree and every
// passage, and the events that have a source span and are not rejected, all
// from one consistent snapshot of the project. Tags come parents first.
func (s *Store) ExchangeSnapshot(ctx context.Context) (Exchange, error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return Exchange{}, fmt.Errorf("store: read project for exchange: %w", err)
	}
	defer tx.Rollback()
	var x Exchange
	if err := readExchange(ctx, tx, &x); err != nil {
		return Exchange{}, fmt.Errorf("store: read project for exchange: %w", err)
	}
	return x, nil
}

func readExchange(ctx context.Context, tx *sql.Tx, x *Exchange) error {
	tags, err := queryRows(ctx, tx, func(rows *sql.Rows, t *Tag) error {
		return rows.Scan(&t.ID, &t.ParentID, &t.Name, &t.Colour, &t.Description)
	}, `WITH RECURSIVE tree(id, depth) AS (
			SELECT id, 0 FROM tags WHERE parent_id IS NULL
			UNION ALL SELECT t.id, tree.depth + 1 FROM tags t JOIN tree ON t.parent_id = tree.id)
		SELECT t.id, coalesce(t.parent_id, 0), t.name, t.colour, t.description
		FROM tags t JOIN tree ON tree.id = t.id ORDER BY tree.depth, t.id`)
	if err != nil {
		return err
	}
	tagIndex := make(map[int64]int, len(tags))
	for _, t := range tags {
		parent := -1
		if t.ParentID != 0 {
			parent = tagIndex[t.ParentID]
		}
		tagIndex[t.ID] = len(x.Tags)
		x.Tags = append(x.Tags, ExchangeTag{ID: t.ID, Parent: parent, Name: t.Name, Colour: t.Colour, Description: t.Description})
	}
	arts, err := queryRows(ctx, tx, func(rows *sql.Rows, a *ExchangeArticle) error {
		var err error
		a.Article, err = scanArticle(rows)
		return err
	}, `SELECT `+articleCols+` FROM articles ORDER BY id`)
	if err != nil {
		return err
	}
	artIndex := make(map[int64]int, len(arts))
	for i, a := range arts {
		artIndex[a.Article.ID] = i
	}
	type row struct {
		article int64
		p       ExchangePassage
		tags    sql.NullString
	}
	ps, err := queryRows(ctx, tx, func(rows *sql.Rows, r *row) error {
		return rows.Scan(&r.p.ID, &r.article, &r.p.Start, &r.p.End, &r.p.Note, &r.tags)
	}, `SELECT id, article_id, start, "end", note,
			(SELECT group_concat(tag_id, ',' ORDER BY tag_id) FROM passage_tags WHERE passage_id = passages.id)
		FROM passages ORDER BY article_id, start, "end", id`)
	if err != nil {
		return err
	}
	for _, r := range ps {
		for _, id := range splitIDs(r.tags.String) {
			r.p.Tags = append(r.p.Tags, tagIndex[id])
		}
		a := &arts[artIndex[r.article]]
		a.Passages = append(a.Passages, r.p)
	}
	x.Articles = arts
	x.Events, err = queryRows(ctx, tx, func(rows *sql.Rows, e *Event) error {
		return rows.Scan(&e.ID, &e.Type, &e.ArticleID, &e.Start, &e.End, &e.Status, &e.Summary, &e.Note)
	}, `SELECT id, type, article_id, start, "end", status, summary, note FROM events
		WHERE article_id IS NOT NULL AND "end" > start AND status <> ?
		ORDER BY article_id, start, id`, StatusRejected)
	return err
}

// ImportExchange adds an exchange to the project in one transaction (all or
// nothing; not on the undo log):
//
//   - a tag whose name and parent match a tag of the project is reused (its
//     colour and description stay the project's); others are created;
//   - an article whose body is already in the project, byte for byte, is
//     reused; one whose whitespace-normalised body matches an article with
//     different spacing is refused (its passages' offsets would not fit) and
//     listed in Refused; others are added;
//   - a passage with the same span as one already on its article gets the new
//     tags, and its note when it had none (a different note is appended);
//     others are created.
//
// Spans must lie within their article body and tag indexes must point to
// earlier tags: anything else is an error and nothing is imported.
func (s *Store) ImportExchange(ctx context.Context, x Exchange) (ExchangeResult, error) {
	if err := exchangecheck.Check(x); err != nil {
		return ExchangeResult{}, fmt.Errorf("store: import exchange: %w", err)
	}
	var res ExchangeResult
	err := s.write(ctx, "import exchange", func(tx *sql.Tx) error {
		tagIDs, err := importExchangeTags(ctx, tx, x.Tags, &res)
		if err != nil {
			return err
		}
		if err := importExchangeArticles(ctx, tx, x.Articles, &res); err != nil {
			return err
		}
		q := newStmtCache(tx)
		defer q.close()
		for i, a := range x.Articles {
			id := res.ArticleIDs[i]
			if id == 0 {
				continue
			}
			for _, p := range a.Passages {
				if err := importExchangePassage(ctx, q, id, p, tagIDs, &res); err != nil {
					return fmt.Errorf("article %q: %w", a.Article.Title, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return ExchangeResult{}, err
	}
	return res, nil
}

// importExchangeTags finds or creates each tag and returns their ids.
func importExchangeTags(ctx context.Context, tx *sql.Tx, tags []ExchangeTag, res *ExchangeResult) ([]int64, error) {
	ids := make([]int64, len(tags))
	q := newStmtCache(tx)
	defer q.close()
	for i, t := range tags {
		name := strings.TrimSpace(t.Name)
		var parent int64
		if t.Parent >= 0 {
			parent = ids[t.Parent]
		}
		err := q.QueryRowContext(ctx, `SELECT id FROM tags WHERE name = ? AND coalesce(parent_id, 0) = ? ORDER BY id LIMIT 1`,
			name, parent).Scan(&ids[i])
		if err == nil {
			res.TagsReused++
			continue
		}
		if err != sql.ErrNoRows {
			return nil, err
		}
		colour := t.Colour
		if colour == "" {
			colour = DefaultTagColour
		}
		r, err := q.ExecContext(ctx, `INSERT INTO tags(parent_id, name, colour, description) VALUES (?, ?, ?, ?)`,
			nullID(parent), name, strings.ToLower(colour), t.Description)
		if err != nil {
			return nil, fmt.Errorf("tag %q: %w", name, err)
		}
		if ids[i], err = r.LastInsertId(); err != nil {
			return nil, err
		}
		res.TagsCreated++
	}
	return ids, nil
}

// importExchangeArticles finds or inserts each article, filling
// res.ArticleIDs (0 for a refused one), res.NewArticles and res.Refused.
func importExchangeArticles(ctx context.Context, tx *sql.Tx, arts []ExchangeArticle, res *ExchangeResult) error {
	res.ArticleIDs = make([]int64, len(arts))
	byHash := map[string]int{} // hash → first article of this import with it
	var fresh []Article
	var freshIdx []int
	for i, a := range arts {
		h := store.BodyHash(a.Article.Body)
		if j, ok := byHash[h]; ok {
			if arts[j].Article.Body != a.Article.Body {
				res.Refused = append(res.Refused, i)
				res.ArticleIDs[i] = -1
			} else {
				res.ArticleIDs[i] = -2 - int64(j) // resolved once j has its id
			}
			continue
		}
		byHash[h] = i
		var id int64
		var body string
		err := tx.QueryRowContext(ctx, `SELECT id, body FROM articles WHERE hash = ?`, h).Scan(&id, &body)
		switch {
		case err == sql.ErrNoRows:
			fresh = append(fresh, a.Article)
			freshIdx = append(freshIdx, i)
		case err != nil:
			return err
		case body == a.Article.Body:
			res.ArticleIDs[i] = id
		default:
			res.Refused = append(res.Refused, i)
			res.ArticleIDs[i] = -1
		}
	}
	imp, err := newImporter(ctx, tx)
	if err != nil {
		return err
	}
	defer imp.close()
	var ir ImportResult
	for start := 0; start < len(fresh); start += importChunk {
		c := preparedChunk{first: start}
		for _, a := range fresh[start:min(start+importChunk, len(fresh))] {
			if err := c.push(ImportItem{Article: a}); err != nil {
				return fmt.Errorf("article %q: %w", a.Title, err)
			}
		}
		if _, err := imp.add(ctx, c, &ir); err != nil {
			return err
		}
	}
	for k, id := range ir.IDs {
		if id == 0 {
			return fmt.Errorf("article %q: inserted twice", fresh[k].Title)
		}
		res.ArticleIDs[freshIdx[k]] = id
		res.NewArticles = append(res.NewArticles, id)
	}
	for i, id := range res.ArticleIDs {
		switch {
		case id == -1:
			res.ArticleIDs[i] = 0
		case id < -1:
			res.ArticleIDs[i] = res.ArticleIDs[-2-id]
			if res.ArticleIDs[i] == 0 {
				res.Refused = append(res.Refused, i)
			}
		}
	}
	return nil
}

// importExchangePassage creates a passage on article id, or merges it into
// one with the same span.
func importExchangePassage(ctx context.Context, q txLike, article int64, p ExchangePassage, tagIDs []int64, res *ExchangeResult) error {
	var id int64
	var note string
	err := q.QueryRowContext(ctx, `SELECT id, note FROM passages WHERE article_id = ? AND start = ? AND "end" = ? ORDER BY id LIMIT 1`,
		article, p.Start, p.End).Scan(&id, &note)
	switch {
	case err == sql.ErrNoRows:
		r, err := q.ExecContext(ctx, `INSERT INTO passages(article_id, start, "end", note) VALUES (?, ?, ?, ?)`,
			article, p.Start, p.End, p.Note)
		if err != nil {
			return err
		}
		if id, err = r.LastInsertId(); err != nil {
			return err
		}
		res.Passages++
	case err != nil:
		return err
	default:
		merged := exchangecheck.MergeNote(note, p.Note)
		if merged != note {
			if _, err := q.ExecContext(ctx, `UPDATE passages SET note = ? WHERE id = ?`, merged, id); err != nil {
				return err
			}
		}
		res.PassagesMerged++
	}
	for _, t := range p.Tags {
		if _, err := q.ExecContext(ctx, `INSERT OR IGNORE INTO passage_tags(passage_id, tag_id) VALUES (?, ?)`, id, tagIDs[t]); err != nil {
			return err
		}
	}
	return nil
}

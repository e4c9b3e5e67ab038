package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/internal/exchangecheck"
)

// ExchangeSnapshot reads every article with its body, the tag tree and
// every passage, and the events that have a source span and are not
// rejected, all from one snapshot. Tags come parents first.
func (s *Store) ExchangeSnapshot(ctx context.Context) (store.Exchange, error) {
	var x store.Exchange
	err := s.readTx(ctx, func(tx *sql.Tx) error { return readExchange(ctx, tx, &x) })
	if err != nil {
		return store.Exchange{}, s.queryError("read project for exchange", err)
	}
	return x, nil
}

func readExchange(ctx context.Context, tx *sql.Tx, x *store.Exchange) error {
	rows, err := tx.QueryContext(ctx, `WITH RECURSIVE tree(id, depth) AS (
			SELECT id, 0 FROM tags WHERE parent_id IS NULL
			UNION ALL SELECT t.id, tree.depth + 1 FROM tags t JOIN tree ON t.parent_id = tree.id)
		SELECT t.id, coalesce(t.parent_id, 0), t.name, t.colour, t.description
		FROM tags t JOIN tree ON tree.id = t.id ORDER BY tree.depth, t.id`)
	if err != nil {
		return err
	}
	tagIndex := map[int64]int{}
	for rows.Next() {
		var t model.Tag
		if err := rows.Scan(&t.ID, &t.ParentID, &t.Name, &t.Colour, &t.Description); err != nil {
			rows.Close()
			return err
		}
		parent := -1
		if t.ParentID != 0 {
			parent = tagIndex[t.ParentID]
		}
		tagIndex[t.ID] = len(x.Tags)
		x.Tags = append(x.Tags, store.ExchangeTag{ID: t.ID, Parent: parent, Name: t.Name, Colour: t.Colour, Description: t.Description})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = tx.QueryContext(ctx, `SELECT `+articleCols+` FROM articles ORDER BY id`)
	if err != nil {
		return err
	}
	artIndex := map[int64]int{}
	for rows.Next() {
		var a model.Article
		if err := rows.Scan(&a.ID, &a.Title, &a.Publication, &a.Author, &a.URL, &a.Published, &a.Dateline,
			&a.Language, &a.Body, &a.Hash, &a.SourcePath, &a.SourcePos); err != nil {
			rows.Close()
			return err
		}
		artIndex[a.ID] = len(x.Articles)
		x.Articles = append(x.Articles, store.ExchangeArticle{Article: a})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = tx.QueryContext(ctx, `SELECT id, article_id, start, "end", note, created_by, updated_by,
			coalesce((SELECT string_agg(tag_id::text, ',' ORDER BY tag_id) FROM passage_tags WHERE passage_id = passages.id), '')
		FROM passages ORDER BY article_id, start, "end", id`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var p store.ExchangePassage
		var article int64
		var tags string
		if err := rows.Scan(&p.ID, &article, &p.Start, &p.End, &p.Note, &p.CreatedBy, &p.ChangedBy, &tags); err != nil {
			rows.Close()
			return err
		}
		for _, id := range splitIDs(tags) {
			p.Tags = append(p.Tags, tagIndex[id])
		}
		a := &x.Articles[artIndex[article]]
		a.Passages = append(a.Passages, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = tx.QueryContext(ctx, `SELECT id, type, article_id, start, "end", status, summary, note, created_by, updated_by FROM events
		WHERE article_id IS NOT NULL AND "end" > start AND status <> $1
		ORDER BY article_id, start, id`, model.StatusRejected)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var e model.Event
		if err := rows.Scan(&e.ID, &e.Type, &e.ArticleID, &e.Start, &e.End, &e.Status, &e.Summary, &e.Note, &e.CreatedBy, &e.ChangedBy); err != nil {
			return err
		}
		x.Events = append(x.Events, e)
	}
	return rows.Err()
}

// ImportExchange adds an exchange to the project in one transaction (all or
// nothing; not on the undo log), as a project file does: matching tags and
// identical articles are reused, an article whose text differs only in
// spacing from one already here is refused (listed in Refused), a passage
// with the same span as an existing one gets its tags and note merged in.
func (s *Store) ImportExchange(ctx context.Context, x store.Exchange) (store.ExchangeResult, error) {
	if err := exchangecheck.Check(x); err != nil {
		return store.ExchangeResult{}, fmt.Errorf("postgres: import exchange: %w", err)
	}
	var res store.ExchangeResult
	err := s.suggestTx(ctx, func(tx *sql.Tx) error {
		res = store.ExchangeResult{}
		_, err := importExchange(ctx, tx, x, &res)
		return err
	})
	if err != nil {
		return store.ExchangeResult{}, s.queryError("import exchange", err)
	}
	return res, nil
}

// importExchange imports x inside tx and returns the project's id of each
// of x's tags.
func importExchange(ctx context.Context, tx *sql.Tx, x store.Exchange, res *store.ExchangeResult) ([]int64, error) {
	tagIDs, err := importExchangeTags(ctx, tx, x.Tags, res)
	if err != nil {
		return nil, err
	}
	if err := importExchangeArticles(ctx, tx, x.Articles, res); err != nil {
		return nil, err
	}
	for i, a := range x.Articles {
		id := res.ArticleIDs[i]
		if id == 0 {
			continue
		}
		for _, p := range a.Passages {
			if err := importExchangePassage(ctx, tx, id, p, tagIDs, res); err != nil {
				return nil, fmt.Errorf("article %q: %w", a.Article.Title, err)
			}
		}
	}
	return tagIDs, nil
}

// importExchangeTags finds or creates each tag and returns their ids.
func importExchangeTags(ctx context.Context, tx *sql.Tx, tags []store.ExchangeTag, res *store.ExchangeResult) ([]int64, error) {
	ids := make([]int64, len(tags))
	for i, t := range tags {
		name := strings.TrimSpace(t.Name)
		var parent int64
		if t.Parent >= 0 {
			parent = ids[t.Parent]
		}
		err := tx.QueryRowContext(ctx, `SELECT id FROM tags WHERE name = $1 AND coalesce(parent_id, 0) = $2 ORDER BY id LIMIT 1`,
			name, parent).Scan(&ids[i])
		if err == nil {
			res.TagsReused++
			continue
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		colour := t.Colour
		if colour == "" {
			colour = model.DefaultTagColour
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO tags(parent_id, name, colour, description) VALUES ($1, $2, $3, $4) RETURNING id`,
			nullID(parent), name, strings.ToLower(colour), t.Description).Scan(&ids[i]); err != nil {
			return nil, fmt.Errorf("tag %q: %w", name, err)
		}
		res.TagsCreated++
	}
	return ids, nil
}

// importExchangeArticles finds or inserts each article, filling
// res.ArticleIDs (0 for a refused one), res.NewArticles and res.Refused.
func importExchangeArticles(ctx context.Context, tx *sql.Tx, arts []store.ExchangeArticle, res *store.ExchangeResult) error {
	res.ArticleIDs = make([]int64, len(arts))
	byHash := map[string]int{} // hash → first article of this import with it
	for i, a := range arts {
		h := store.BodyHash(a.Article.Body)
		if j, ok := byHash[h]; ok {
			if arts[j].Article.Body != a.Article.Body || res.ArticleIDs[j] == 0 {
				res.Refused = append(res.Refused, i)
			} else {
				res.ArticleIDs[i] = res.ArticleIDs[j]
			}
			continue
		}
		byHash[h] = i
		var id int64
		var body string
		err := tx.QueryRowContext(ctx, `SELECT id, body FROM articles WHERE hash = $1`, h).Scan(&id, &body)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			a := a.Article
			if err := model.ValidDate(a.Published); err != nil {
				a.Published = ""
			}
			if id, err = insertArticle(ctx, tx, a); err != nil {
				return fmt.Errorf("article %q: %w", a.Title, err)
			}
			res.ArticleIDs[i] = id
			res.NewArticles = append(res.NewArticles, id)
		case err != nil:
			return err
		case body == a.Article.Body:
			res.ArticleIDs[i] = id
		default:
			res.Refused = append(res.Refused, i)
		}
	}
	return nil
}

// importExchangePassage creates a passage on article id, or merges it into
// one with the same span.
func importExchangePassage(ctx context.Context, tx *sql.Tx, article int64, p store.ExchangePassage, tagIDs []int64, res *store.ExchangeResult) error {
	var id int64
	var note string
	err := tx.QueryRowContext(ctx, `SELECT id, note FROM passages WHERE article_id = $1 AND start = $2 AND "end" = $3 ORDER BY id LIMIT 1`,
		article, p.Start, p.End).Scan(&id, &note)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if err := tx.QueryRowContext(ctx, `INSERT INTO passages(article_id, start, "end", note) VALUES ($1, $2, $3, $4) RETURNING id`,
			article, p.Start, p.End, p.Note).Scan(&id); err != nil {
			return err
		}
		res.Passages++
	case err != nil:
		return err
	default:
		merged := exchangecheck.MergeNote(note, p.Note)
		if merged != note {
			if _, err := tx.ExecContext(ctx, `UPDATE passages SET note = $1, `+touched+` WHERE id = $2`, merged, id); err != nil {
				return err
			}
		}
		res.PassagesMerged++
	}
	for _, t := range p.Tags {
		if _, err := tx.ExecContext(ctx, `INSERT INTO passage_tags(passage_id, tag_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, id, tagIDs[t]); err != nil {
			return err
		}
	}
	return nil
}

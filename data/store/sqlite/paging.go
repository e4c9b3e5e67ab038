package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// ArticleIDs lists the ids of the articles f selects, in f's order (f.Limit
// and f.Offset apply as in Articles). With ArticleSummaries it lets a list of
// a million articles hold eight bytes per article and fetch the summaries of
// the rows in view only.
func (s *Store) ArticleIDs(ctx context.Context, f ArticleFilter) ([]int64, error) {
	where, order, args, ok := articleListQuery(f)
	if !ok {
		return nil, nil
	}
	q := `SELECT id FROM articles WHERE ` + where + order
	if f.Limit > 0 {
		q += fmt.Sprintf(` LIMIT %d OFFSET %d`, f.Limit, max(f.Offset, 0))
	}
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list article ids: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: list article ids: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list article ids: %w", err)
	}
	return ids, nil
}

// maxParams bounds the placeholders of one statement; longer id lists are
// read in several statements.
const maxParams = 500

// ArticleSummaries returns the summaries of the articles ids, in the order
// of ids; an id with no article (deleted since it was listed) gives a
// summary holding only that ID.
func (s *Store) ArticleSummaries(ctx context.Context, ids []int64) ([]ArticleSummary, error) {
	out := make([]ArticleSummary, len(ids))
	at := make(map[int64][]int, len(ids))
	for i, id := range ids {
		out[i].ID = id
		at[id] = append(at[id], i)
	}
	err := forChunks(ids, func(chunk []any, marks string) error {
		got, err := queryRows(ctx, s.r, scanSummary, `SELECT `+summaryCols+` FROM articles WHERE id IN (`+marks+`)`, chunk...)
		for _, a := range got {
			for _, i := range at[a.ID] {
				out[i] = a
			}
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: article summaries: %w", err)
	}
	return out, nil
}

// ArticleTitles returns the titles of the articles ids that exist, by id.
func (s *Store) ArticleTitles(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	err := forChunks(ids, func(chunk []any, marks string) error {
		_, err := queryRows(ctx, s.r, func(rows *sql.Rows, _ *struct{}) error {
			var id int64
			var title string
			err := rows.Scan(&id, &title)
			out[id] = title
			return err
		}, `SELECT id, title FROM articles WHERE id IN (`+marks+`)`, chunk...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: article titles: %w", err)
	}
	return out, nil
}

// EntitiesByID returns the entities ids that exist, by id, without their
// aliases and mention counts: what it takes to name the parties of a list
// of events without reading every entity of the project.
func (s *Store) EntitiesByID(ctx context.Context, ids []int64) (map[int64]Entity, error) {
	out := make(map[int64]Entity, len(ids))
	err := forChunks(ids, func(chunk []any, marks string) error {
		got, err := queryRows(ctx, s.r, func(rows *sql.Rows, e *Entity) error {
			return rows.Scan(&e.ID, &e.Name, &e.Kind, &e.Country, &e.Role, &e.Description)
		}, `SELECT id, name, kind, country, role, description FROM entities WHERE id IN (`+marks+`)`, chunk...)
		for _, e := range got {
			out[e.ID] = e
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: entities by id: %w", err)
	}
	return out, nil
}

// forChunks calls fn with the ids maxParams at a time, as arguments and
// the matching "?,?,…" placeholders.
func forChunks(ids []int64, fn func(args []any, marks string) error) error {
	for len(ids) > 0 {
		n := min(len(ids), maxParams)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		if err := fn(args, strings.TrimSuffix(strings.Repeat("?,", n), ",")); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

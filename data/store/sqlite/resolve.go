package sqlite

import (
	"context"
	"database/sql"

	"github.com/attache-app/attache/data/store/internal/suggest"
)

// entityResolver finds the entity a suggested entity stands for, within one
// write transaction: the oldest entity of its kind that has its name or one
// of its aliases as a name or alias, compared as SQLite's NOCASE does (ASCII
// letters without case), the names tried in order; else a new entity.
//
// It remembers every answer. Entities only gain larger ids while the
// transaction runs, so the oldest match of a name stays the answer. After
// preloadAfter lookups in the database it reads every name of the project
// once, and from then on answers from memory alone: a large import with
// extraction meets thousands of names no entity has yet.
type entityResolver struct {
	q       txLike
	byName  map[suggest.Name]int64 // complete once loaded
	lookups int
	loaded  bool
}

// preloadAfter is how many names are looked up one by one before all the
// project's names are read at once.
const preloadAfter = 1000

func newEntityResolver(q txLike) entityResolver {
	return entityResolver{q: q, byName: map[suggest.Name]int64{}}
}

func (r *entityResolver) resolve(ctx context.Context, se SuggestedEntity) (int64, error) {
	keys := suggest.Names(se)
	for _, key := range keys {
		id, err := r.lookup(ctx, key)
		if err != nil || id != 0 {
			return id, err
		}
	}
	e := Entity{Name: se.Name, Kind: suggest.Kind(se), Country: se.Country, Role: se.Role, Description: se.Description, Aliases: se.Aliases}
	if err := checkEntity(&e); err != nil {
		return 0, err
	}
	id, err := insertEntity(ctx, r.q, e)
	if err != nil {
		return 0, err
	}
	for _, key := range keys {
		if _, ok := r.byName[key]; !ok {
			r.byName[key] = id
		}
	}
	return id, nil
}

// lookup returns the oldest entity with the name key, or 0.
func (r *entityResolver) lookup(ctx context.Context, key suggest.Name) (int64, error) {
	if id, ok := r.byName[key]; ok || r.loaded {
		return id, nil
	}
	if r.lookups++; r.lookups > preloadAfter {
		if err := r.load(ctx); err != nil {
			return 0, err
		}
		return r.byName[key], nil
	}
	var id sql.NullInt64
	if err := r.q.QueryRowContext(ctx, `SELECT min(id) FROM (
		SELECT id FROM entities WHERE name = ?1 COLLATE NOCASE AND kind = ?2
		UNION ALL
		SELECT a.entity_id FROM aliases a JOIN entities e ON e.id = a.entity_id
			WHERE a.name = ?1 COLLATE NOCASE AND e.kind = ?2)`, key.Folded, key.Kind).Scan(&id); err != nil {
		return 0, err
	}
	if id.Valid {
		r.byName[key] = id.Int64
	}
	return id.Int64, nil
}

// load reads every name and alias of the project's entities.
func (r *entityResolver) load(ctx context.Context) error {
	if err := suggest.LoadNames(ctx, r.q, r.byName); err != nil {
		return err
	}
	r.loaded = true
	return nil
}

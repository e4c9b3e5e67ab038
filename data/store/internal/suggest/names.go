// Package suggest holds the rules for saving machine suggestions that do not
// depend on a store engine: what an extraction must satisfy, how a
// suggested entity is matched to the project's entities, and how a
// suggestion is keyed so that running extraction again adds nothing.
package suggest

import (
	"context"
	"database/sql"
	"strings"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// Name is what a suggested entity is matched by: an entity kind and a name
// folded as SQLite's NOCASE collation compares names (ASCII letters without
// case). The oldest entity of the project with the kind and the name (or an
// alias) of the same Name is the one a suggestion stands for; every engine
// matches so, and the same suggestions resolve to the same entities.
type Name struct {
	Kind   model.EntityKind
	Folded string
}

// NameOf is the Name of an entity of kind called name.
func NameOf(kind model.EntityKind, name string) Name { return Name{kind, FoldNoCase(name)} }

// Kind is the kind a suggested entity is stored with: other when the
// extractor did not say.
func Kind(se store.SuggestedEntity) model.EntityKind {
	if se.Kind == "" {
		return model.KindOther
	}
	return se.Kind
}

// Names lists the Names a suggested entity may be found under, in the order
// to try them: its name, then its aliases (blank ones left out).
func Names(se store.SuggestedEntity) []Name {
	kind := Kind(se)
	names := make([]Name, 0, 1+len(se.Aliases))
	for _, a := range append([]model.Alias{{Name: se.Name}}, se.Aliases...) {
		if n := strings.TrimSpace(a.Name); n != "" {
			names = append(names, NameOf(kind, n))
		}
	}
	return names
}

// FoldNoCase folds s as SQLite's NOCASE collation compares it: ASCII
// letters to lower case, everything else as it is.
func FoldNoCase(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// Querier runs a query in an engine's transaction or connection.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// LoadNames adds every name and alias of the project's entities to byName,
// each name keeping the oldest entity that bears it.
func LoadNames(ctx context.Context, q Querier, byName map[Name]int64) error {
	rows, err := q.QueryContext(ctx, `SELECT kind, name, id FROM entities
		UNION ALL SELECT e.kind, a.name, e.id FROM aliases a JOIN entities e ON e.id = a.entity_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var kind model.EntityKind
		var name string
		var id int64
		if err := rows.Scan(&kind, &name, &id); err != nil {
			return err
		}
		key := NameOf(kind, name)
		if old, ok := byName[key]; !ok || id < old {
			byName[key] = id
		}
	}
	return rows.Err()
}

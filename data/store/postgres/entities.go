package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/internal/undolabel"
)

// CreateEntity adds an entity with its aliases and returns its id.
func (s *Store) CreateEntity(ctx context.Context, e model.Entity) (int64, error) {
	e.Normalize()
	if err := e.Validate(); err != nil {
		return 0, fmt.Errorf("postgres: create entity: %w", err)
	}
	var id int64
	err := s.change(ctx, undolabel.CreateEntity, func(c *changeTx) error {
		if err := c.QueryRowContext(ctx, `INSERT INTO entities(name, kind, country, role, description) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			e.Name, e.Kind, e.Country, e.Role, e.Description).Scan(&id); err != nil {
			return err
		}
		c.created("entities", id)
		for _, a := range e.Aliases {
			if strings.TrimSpace(a.Name) == "" {
				continue
			}
			if err := c.insertAlias(id, strings.TrimSpace(a.Name), a.Lang); err != nil {
				return err
			}
		}
		return nil
	})
	return id, err
}

func (c *changeTx) insertAlias(entityID int64, name, lang string) error {
	var id int64
	if err := c.QueryRowContext(c.ctx, `INSERT INTO aliases(entity_id, name, lang) VALUES ($1, $2, $3) RETURNING id`, entityID, name, lang).Scan(&id); err != nil {
		return err
	}
	c.created("aliases", id)
	return nil
}

// Entity returns one entity with its aliases and mention count.
func (s *Store) Entity(ctx context.Context, id int64) (model.Entity, error) {
	es, err := s.entities(ctx, `e.id = $1`, id)
	if err != nil {
		return model.Entity{}, err
	}
	if len(es) == 0 {
		return model.Entity{}, fmt.Errorf("postgres: entity %d: %w", id, store.ErrNotFound)
	}
	return es[0], nil
}

// Entities lists entities matching f, by name.
func (s *Store) Entities(ctx context.Context, f store.EntityFilter) ([]model.Entity, error) {
	pat := ""
	if f.Name != "" {
		pat = "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(f.Name) + "%"
	}
	return s.entities(ctx, `($1 = '' OR e.kind = $1) AND ($2 = '' OR nocase(e.name) LIKE nocase($2) OR e.id IN (SELECT entity_id FROM aliases WHERE nocase(name) LIKE nocase($2)))`,
		string(f.Kind), pat)
}

// entities lists the entities matching where, then their aliases, in one
// snapshot.
func (s *Store) entities(ctx context.Context, where string, args ...any) ([]model.Entity, error) {
	var out []model.Entity
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT e.id, e.name, e.kind, e.country, e.role, e.description, e.created_by, e.updated_by, e.`+versionCol+`,
			(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id AND m.status <> '`+string(model.StatusRejected)+`')
			FROM entities e WHERE `+where+` ORDER BY nocase(e.name), e.id`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		index := map[int64]int{}
		for rows.Next() {
			var e model.Entity
			if err := rows.Scan(&e.ID, &e.Name, &e.Kind, &e.Country, &e.Role, &e.Description, &e.CreatedBy, &e.ChangedBy, &e.Version, &e.Mentions); err != nil {
				return err
			}
			index[e.ID] = len(out)
			out = append(out, e)
		}
		if err := rows.Err(); err != nil || len(out) == 0 {
			return err
		}
		arows, err := tx.QueryContext(ctx, `SELECT a.entity_id, a.name, a.lang FROM aliases a JOIN entities e ON e.id = a.entity_id
			WHERE `+where+` ORDER BY a.id`, args...)
		if err != nil {
			return err
		}
		defer arows.Close()
		for arows.Next() {
			var id int64
			var a model.Alias
			if err := arows.Scan(&id, &a.Name, &a.Lang); err != nil {
				return err
			}
			if i, ok := index[id]; ok {
				out[i].Aliases = append(out[i].Aliases, a)
			}
		}
		return arows.Err()
	})
	if err != nil {
		return nil, s.queryError("list entities", err)
	}
	return out, nil
}

// EntitiesByID returns the entities ids that exist, by id, without their
// aliases and mention counts.
func (s *Store) EntitiesByID(ctx context.Context, ids []int64) (map[int64]model.Entity, error) {
	out := make(map[int64]model.Entity, len(ids))
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, kind, country, role, description FROM entities WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, s.queryError("entities by id", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e model.Entity
		if err := rows.Scan(&e.ID, &e.Name, &e.Kind, &e.Country, &e.Role, &e.Description); err != nil {
			return nil, s.queryError("entities by id", err)
		}
		out[e.ID] = e
	}
	if err := rows.Err(); err != nil {
		return nil, s.queryError("entities by id", err)
	}
	return out, nil
}

// UpdateEntity changes an entity's name, kind, country, role and description
// (aliases are changed with AddAlias and RemoveAlias).
func (s *Store) UpdateEntity(ctx context.Context, e model.Entity) error {
	e.Normalize()
	if err := e.Validate(); err != nil {
		return fmt.Errorf("postgres: edit entity %d: %w", e.ID, err)
	}
	return s.change(ctx, undolabel.EditEntity, func(c *changeTx) error {
		if err := checkVersion(ctx, c.Tx, "entities", "entity", e.ID, e.Version); err != nil {
			return err
		}
		if err := c.capture("entities", `id = $1`, e.ID); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `UPDATE entities SET name = $1, kind = $2, country = $3, role = $4, description = $5, `+touched+` WHERE id = $6`,
			e.Name, e.Kind, e.Country, e.Role, e.Description, e.ID)
		return err
	})
}

// AddAlias gives an entity another name (no change if it already has it).
func (s *Store) AddAlias(ctx context.Context, entityID int64, a model.Alias) error {
	a.Name = strings.TrimSpace(a.Name)
	if a.Name == "" {
		return fmt.Errorf("postgres: add alias to entity %d: alias name is empty", entityID)
	}
	return s.change(ctx, undolabel.AddAlias, func(c *changeTx) error {
		if err := exists(ctx, c.Tx, "entities", "entity", entityID); err != nil {
			return err
		}
		var n int
		if err := c.QueryRowContext(ctx, `SELECT count(*) FROM aliases WHERE entity_id = $1 AND name = $2 AND lang = $3`,
			entityID, a.Name, a.Lang).Scan(&n); err != nil || n > 0 {
			return err
		}
		return c.insertAlias(entityID, a.Name, a.Lang)
	})
}

// RemoveAlias removes every alias of an entity with the given name.
func (s *Store) RemoveAlias(ctx context.Context, entityID int64, name string) error {
	return s.change(ctx, undolabel.RemoveAlias, func(c *changeTx) error {
		if err := exists(ctx, c.Tx, "entities", "entity", entityID); err != nil {
			return err
		}
		if err := c.capture("aliases", `entity_id = $1 AND name = $2`, entityID, name); err != nil {
			return err
		}
		r, err := c.ExecContext(ctx, `DELETE FROM aliases WHERE entity_id = $1 AND name = $2`, entityID, name)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return fmt.Errorf("entity %d has no alias %q: %w", entityID, name, store.ErrNotFound)
		}
		return nil
	})
}

// MergeEntities folds drop into keep: drop's name and aliases become aliases
// of keep, its mentions and event roles move to keep, and drop is deleted.
func (s *Store) MergeEntities(ctx context.Context, keep, drop int64) error {
	if keep == drop {
		return fmt.Errorf("postgres: merge entities: cannot merge entity %d into itself", keep)
	}
	return s.change(ctx, undolabel.MergeEntities, func(c *changeTx) error {
		if err := exists(ctx, c.Tx, "entities", "entity", keep); err != nil {
			return err
		}
		if err := exists(ctx, c.Tx, "entities", "entity", drop); err != nil {
			return err
		}
		for _, st := range []struct{ table, where string }{
			{"entities", `id = $1`},
			{"aliases", `entity_id = $1`},
			{"mentions", `entity_id = $1`},
			{"event_entities", `event_id IN (SELECT event_id FROM event_entities WHERE entity_id = $1)`},
		} {
			if err := c.capture(st.table, st.where, drop); err != nil {
				return err
			}
		}
		var name, keepName string
		if err := c.QueryRowContext(ctx, `SELECT (SELECT name FROM entities WHERE id = $1), (SELECT name FROM entities WHERE id = $2)`, drop, keep).Scan(&name, &keepName); err != nil {
			return err
		}
		for _, q := range []string{
			`UPDATE aliases SET entity_id = $1 WHERE entity_id = $2`,
			`UPDATE mentions SET entity_id = $1, updated_by = current_user WHERE entity_id = $2`,
			// An event where both were in the same role keeps keep once.
			`DELETE FROM event_entities d WHERE d.entity_id = $2 AND EXISTS (SELECT 1 FROM event_entities k
				WHERE k.event_id = d.event_id AND k.role = d.role AND k.entity_id = $1)`,
			`UPDATE event_entities SET entity_id = $1 WHERE entity_id = $2`,
		} {
			if _, err := c.ExecContext(ctx, q, keep, drop); err != nil {
				return err
			}
		}
		if _, err := c.ExecContext(ctx, `DELETE FROM entities WHERE id = $1`, drop); err != nil {
			return err
		}
		var has int
		if err := c.QueryRowContext(ctx, `SELECT count(*) FROM aliases WHERE entity_id = $1 AND nocase(name) = nocase($2)`, keep, name).Scan(&has); err != nil {
			return err
		}
		if has == 0 && !strings.EqualFold(keepName, name) {
			return c.insertAlias(keep, name, "")
		}
		return nil
	})
}

// DeleteEntity removes an entity with its aliases and mentions and takes it
// out of every event. Its machine-suggested mentions are remembered as
// dismissed, so that extraction does not suggest them again.
func (s *Store) DeleteEntity(ctx context.Context, id int64) error {
	return s.change(ctx, undolabel.DeleteEntity, func(c *changeTx) error {
		if err := exists(ctx, c.Tx, "entities", "entity", id); err != nil {
			return err
		}
		for _, t := range []string{"aliases", "mentions", "event_entities"} {
			if err := c.capture(t, `entity_id = $1`, id); err != nil {
				return err
			}
		}
		if err := c.capture("entities", `id = $1`, id); err != nil {
			return err
		}
		if err := c.dismiss(`SELECT article_id, machine_key FROM mentions WHERE entity_id = $1 AND machine_key IS NOT NULL`, id); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `DELETE FROM entities WHERE id = $1`, id)
		return err
	})
}

// dismiss remembers the (article_id, machine_key) pairs query selects as
// suggestions an analyst removed.
func (c *changeTx) dismiss(query string, args ...any) error {
	rows, err := c.QueryContext(c.ctx, `INSERT INTO dismissed(article_id, machine_key) `+query+`
		ON CONFLICT (article_id, machine_key) DO NOTHING RETURNING id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range ids {
		c.created("dismissed", id)
	}
	return nil
}

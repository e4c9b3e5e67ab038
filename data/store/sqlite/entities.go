package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/internal/undolabel"
)

func checkEntity(e *Entity) error {
	e.Normalize()
	return e.Validate()
}

// CreateEntity adds an entity with its aliases and returns its id.
func (s *Store) CreateEntity(ctx context.Context, e Entity) (int64, error) {
	if err := checkEntity(&e); err != nil {
		return 0, fmt.Errorf("store: create entity: %w", err)
	}
	var id int64
	err := s.change(ctx, undolabel.CreateEntity, func(c *changeTx) error {
		var err error
		id, err = insertEntity(ctx, c, e)
		if err != nil {
			return err
		}
		c.created("entities", id)
		return c.createdWhere("aliases", `entity_id = ?`, id)
	})
	return id, err
}

// insertEntity writes a new entity and its aliases.
func insertEntity(ctx context.Context, tx txLike, e Entity) (int64, error) {
	r, err := tx.ExecContext(ctx, `INSERT INTO entities(name, kind, country, role, description) VALUES (?, ?, ?, ?, ?)`,
		e.Name, e.Kind, e.Country, e.Role, e.Description)
	if err != nil {
		return 0, err
	}
	id, err := r.LastInsertId()
	if err != nil {
		return 0, err
	}
	for _, a := range e.Aliases {
		if strings.TrimSpace(a.Name) == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO aliases(entity_id, name, lang) VALUES (?, ?, ?)`, id, strings.TrimSpace(a.Name), a.Lang); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// Entity returns one entity with its aliases and mention count.
func (s *Store) Entity(ctx context.Context, id int64) (Entity, error) {
	es, err := s.entities(ctx, `e.id = ?`, id)
	return one(es, err, "entity", id)
}

// Entities lists entities matching f, by name.
func (s *Store) Entities(ctx context.Context, f EntityFilter) ([]Entity, error) {
	var c conds
	if f.Kind != "" {
		c.add(`e.kind = ?`, f.Kind)
	}
	if f.Name != "" {
		pat := "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(f.Name) + "%"
		c.add(`(e.name LIKE ? ESCAPE '\' OR e.id IN (SELECT entity_id FROM aliases WHERE name LIKE ? ESCAPE '\'))`, pat, pat)
	}
	return s.entities(ctx, c.where(), c.args...)
}

// entities lists the entities matching where, then their aliases.
func (s *Store) entities(ctx context.Context, where string, args ...any) ([]Entity, error) {
	out, err := queryRows(ctx, s.r, func(rows *sql.Rows, e *Entity) error {
		return rows.Scan(&e.ID, &e.Name, &e.Kind, &e.Country, &e.Role, &e.Description, &e.Mentions)
	}, `SELECT e.id, e.name, e.kind, e.country, e.role, e.description,
		(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id AND m.status <> '`+string(StatusRejected)+`')
		FROM entities e WHERE `+where+` ORDER BY e.name COLLATE NOCASE, e.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list entities: %w", err)
	}
	if len(out) == 0 {
		return nil, nil
	}
	index := make(map[int64]int, len(out))
	for i, e := range out {
		index[e.ID] = i
	}
	arows, err := s.r.QueryContext(ctx, `SELECT a.entity_id, a.name, a.lang FROM aliases a JOIN entities e ON e.id = a.entity_id
		WHERE `+where+` ORDER BY a.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list aliases: %w", err)
	}
	defer arows.Close()
	for arows.Next() {
		var id int64
		var a Alias
		if err := arows.Scan(&id, &a.Name, &a.Lang); err != nil {
			return nil, fmt.Errorf("store: list aliases: %w", err)
		}
		if i, ok := index[id]; ok {
			out[i].Aliases = append(out[i].Aliases, a)
		}
	}
	return out, arows.Err()
}

// UpdateEntity changes an entity's name, kind, country, role and description
// (aliases are changed with AddAlias and RemoveAlias).
func (s *Store) UpdateEntity(ctx context.Context, e Entity) error {
	if err := checkEntity(&e); err != nil {
		return fmt.Errorf("store: edit entity %d: %w", e.ID, err)
	}
	return s.change(ctx, undolabel.EditEntity, func(c *changeTx) error {
		if err := exists(ctx, c, "entities", "entity", e.ID); err != nil {
			return err
		}
		if err := c.capture("entities", `id = ?`, e.ID); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `UPDATE entities SET name = ?, kind = ?, country = ?, role = ?, description = ? WHERE id = ?`,
			e.Name, e.Kind, e.Country, e.Role, e.Description, e.ID)
		return err
	})
}

// AddAlias gives an entity another name (no change if it already has it).
func (s *Store) AddAlias(ctx context.Context, entityID int64, a Alias) error {
	a.Name = strings.TrimSpace(a.Name)
	if a.Name == "" {
		return fmt.Errorf("store: add alias to entity %d: alias name is empty", entityID)
	}
	return s.change(ctx, undolabel.AddAlias, func(c *changeTx) error {
		if err := exists(ctx, c, "entities", "entity", entityID); err != nil {
			return err
		}
		var n int
		if err := c.QueryRowContext(ctx, `SELECT count(*) FROM aliases WHERE entity_id = ? AND name = ? AND lang = ?`,
			entityID, a.Name, a.Lang).Scan(&n); err != nil || n > 0 {
			return err
		}
		r, err := c.ExecContext(ctx, `INSERT INTO aliases(entity_id, name, lang) VALUES (?, ?, ?)`, entityID, a.Name, a.Lang)
		if err != nil {
			return err
		}
		id, err := r.LastInsertId()
		c.created("aliases", id)
		return err
	})
}

// RemoveAlias removes every alias of an entity with the given name.
func (s *Store) RemoveAlias(ctx context.Context, entityID int64, name string) error {
	return s.change(ctx, undolabel.RemoveAlias, func(c *changeTx) error {
		if err := exists(ctx, c, "entities", "entity", entityID); err != nil {
			return err
		}
		if err := c.capture("aliases", `entity_id = ? AND name = ?`, entityID, name); err != nil {
			return err
		}
		r, err := c.ExecContext(ctx, `DELETE FROM aliases WHERE entity_id = ? AND name = ?`, entityID, name)
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
		return fmt.Errorf("store: merge entities: cannot merge entity %d into itself", keep)
	}
	return s.change(ctx, undolabel.MergeEntities, func(c *changeTx) error {
		if err := exists(ctx, c, "entities", "entity", keep); err != nil {
			return err
		}
		if err := exists(ctx, c, "entities", "entity", drop); err != nil {
			return err
		}
		for _, st := range []struct{ table, where string }{
			{"entities", `id = ?`},
			{"aliases", `entity_id = ?`},
			{"mentions", `entity_id = ?`},
			{"event_entities", `event_id IN (SELECT event_id FROM event_entities WHERE entity_id = ?)`},
		} {
			if err := c.capture(st.table, st.where, drop); err != nil {
				return err
			}
		}
		var name string
		if err := c.QueryRowContext(ctx, `SELECT name FROM entities WHERE id = ?`, drop).Scan(&name); err != nil {
			return err
		}
		stmts := []struct {
			q    string
			args []any
		}{
			{`UPDATE aliases SET entity_id = ? WHERE entity_id = ?`, []any{keep, drop}},
			{`UPDATE mentions SET entity_id = ? WHERE entity_id = ?`, []any{keep, drop}},
			// An event where both were in the same role keeps keep once.
			{`DELETE FROM event_entities WHERE entity_id = ? AND EXISTS (SELECT 1 FROM event_entities k
				WHERE k.event_id = event_entities.event_id AND k.role = event_entities.role AND k.entity_id = ?)`, []any{drop, keep}},
			{`UPDATE event_entities SET entity_id = ? WHERE entity_id = ?`, []any{keep, drop}},
			{`DELETE FROM entities WHERE id = ?`, []any{drop}},
		}
		for _, st := range stmts {
			if _, err := c.ExecContext(ctx, st.q, st.args...); err != nil {
				return err
			}
		}
		var has int
		if err := c.QueryRowContext(ctx, `SELECT count(*) FROM aliases WHERE entity_id = ? AND name = ? COLLATE NOCASE`, keep, name).Scan(&has); err != nil {
			return err
		}
		var keepName string
		if err := c.QueryRowContext(ctx, `SELECT name FROM entities WHERE id = ?`, keep).Scan(&keepName); err != nil {
			return err
		}
		if has == 0 && !strings.EqualFold(keepName, name) {
			r, err := c.ExecContext(ctx, `INSERT INTO aliases(entity_id, name, lang) VALUES (?, ?, '')`, keep, name)
			if err != nil {
				return err
			}
			id, err := r.LastInsertId()
			if err != nil {
				return err
			}
			c.created("aliases", id)
		}
		return nil
	})
}

// DeleteEntity removes an entity with its aliases and mentions and takes it
// out of every event.
func (s *Store) DeleteEntity(ctx context.Context, id int64) error {
	return s.change(ctx, undolabel.DeleteEntity, func(c *changeTx) error {
		if err := exists(ctx, c, "entities", "entity", id); err != nil {
			return err
		}
		for _, t := range []string{"aliases", "mentions", "event_entities"} {
			if err := c.capture(t, `entity_id = ?`, id); err != nil {
				return err
			}
		}
		if err := c.capture("entities", `id = ?`, id); err != nil {
			return err
		}
		if err := dismiss(c, `SELECT article_id, machine_key FROM mentions
			WHERE entity_id = ? AND machine_key IS NOT NULL`, id); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `DELETE FROM entities WHERE id = ?`, id)
		return err
	})
}

// splitIDs parses a comma-separated id list from group_concat.
func splitIDs(s string) []int64 {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	ids := make([]int64, 0, len(parts))
	for _, p := range parts {
		if id, err := strconv.ParseInt(p, 10, 64); err == nil {
			ids = append(ids, id)
		}
	}
	return ids
}

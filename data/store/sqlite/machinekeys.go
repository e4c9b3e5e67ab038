package sqlite

import (
	"context"
	"fmt"

	"github.com/attache-app/attache/data/store"
)

var _ store.MachineKeyReader = (*Store)(nil)

// MachineKeys returns the keys of the mentions and events extraction
// suggested (whatever the analyst did with them since), by id, and of the
// suggestions the analyst deleted, by article.
func (s *Store) MachineKeys(ctx context.Context) (store.MachineKeys, error) {
	k := store.MachineKeys{Mentions: map[int64]string{}, Events: map[int64]string{}, Dismissed: map[int64][]string{}}
	for _, t := range []struct {
		table string
		into  map[int64]string
	}{{"mentions", k.Mentions}, {"events", k.Events}} {
		rows, err := s.r.QueryContext(ctx, `SELECT id, machine_key FROM `+t.table+` WHERE machine_key IS NOT NULL`)
		if err != nil {
			return store.MachineKeys{}, fmt.Errorf("store: read %s keys: %w", t.table, err)
		}
		for rows.Next() {
			var id int64
			var key string
			if err := rows.Scan(&id, &key); err != nil {
				rows.Close()
				return store.MachineKeys{}, fmt.Errorf("store: read %s keys: %w", t.table, err)
			}
			t.into[id] = key
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return store.MachineKeys{}, fmt.Errorf("store: read %s keys: %w", t.table, err)
		}
	}
	rows, err := s.r.QueryContext(ctx, `SELECT article_id, machine_key FROM dismissed ORDER BY id`)
	if err != nil {
		return store.MachineKeys{}, fmt.Errorf("store: read dismissed suggestions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var article int64
		var key string
		if err := rows.Scan(&article, &key); err != nil {
			return store.MachineKeys{}, fmt.Errorf("store: read dismissed suggestions: %w", err)
		}
		k.Dismissed[article] = append(k.Dismissed[article], key)
	}
	if err := rows.Err(); err != nil {
		return store.MachineKeys{}, fmt.Errorf("store: read dismissed suggestions: %w", err)
	}
	return k, nil
}

package sqlite

import (
	"context"
	"fmt"

	"github.com/attache-app/attache/data/store"
)

var _ store.MachineKeyReader = (*Store)(nil)

// MachineKeys returns the keys of the mentions and events extraction
// suggested (whatever the analyst did with them since), by id.
func (s *Store) MachineKeys(ctx context.Context) (store.MachineKeys, error) {
	k := store.MachineKeys{Mentions: map[int64]string{}, Events: map[int64]string{}}
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
	return k, nil
}

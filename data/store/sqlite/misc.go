package sqlite

import (
	"context"
	"database/sql/driver"
	"fmt"
	"os"
	"path/filepath"
)

// Counts returns how many articles, entities, events, passages, tags and
// mentions the project holds.
func (s *Store) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.r.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles), (SELECT count(*) FROM entities), (SELECT count(*) FROM events),
		(SELECT count(*) FROM passages), (SELECT count(*) FROM tags), (SELECT count(*) FROM mentions)`).
		Scan(&c.Articles, &c.Entities, &c.Events, &c.Passages, &c.Tags, &c.Mentions)
	if err != nil {
		return Counts{}, fmt.Errorf("store: count rows: %w", err)
	}
	return c, nil
}

// SaveCopy writes a consistent copy of the open project to dest (replacing
// it if it exists) while the project stays open for reading and writing.
func (s *Store) SaveCopy(ctx context.Context, dest string) error {
	tmp, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return fmt.Errorf("store: save copy to %s: %w", dest, err)
	}
	name := tmp.Name()
	tmp.Close()
	os.Remove(name) // VACUUM INTO wants to create the file itself
	defer os.Remove(name)
	// A reader connection makes the copy so that writers are not held up;
	// VACUUM INTO counts as a write for query_only, so lift it meanwhile.
	conn, err := s.r.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: save copy to %s: %w", dest, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA query_only = 0`); err != nil {
		return fmt.Errorf("store: save copy to %s: %w", dest, err)
	}
	_, err = conn.ExecContext(ctx, `VACUUM INTO ?`, name)
	if _, err2 := conn.ExecContext(context.Background(), `PRAGMA query_only = 1`); err2 != nil {
		conn.Raw(func(any) error { return driver.ErrBadConn }) // drop the connection rather than reuse it writable
	}
	if err != nil {
		return fmt.Errorf("store: save copy to %s: %w", dest, err)
	}
	if err := os.Rename(name, dest); err != nil {
		return fmt.Errorf("store: save copy to %s: %w", dest, err)
	}
	return nil
}

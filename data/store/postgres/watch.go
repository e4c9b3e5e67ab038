package postgres

import (
	"context"
	"database/sql/driver"
	"fmt"

	"github.com/jackc/pgx/v5/stdlib"
)

// changesChannel is the NOTIFY channel a project's changes are told on.
const changesChannel = "attache_changes"

// Watch reports the tables (articles, tags, passages, entities, mentions,
// events and their links) that anyone's committed changes touch, as they
// commit, so that an open window can refresh what it shows. Each
// transaction reports a table once. The channel closes when ctx ends or
// the connection is lost; reports that find the channel full are dropped
// (the reader has a refresh pending already).
func (s *Store) Watch(ctx context.Context) (<-chan string, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, s.queryError("watch for changes", err)
	}
	if _, err := conn.ExecContext(ctx, `LISTEN `+changesChannel); err != nil {
		conn.Close()
		return nil, s.queryError("watch for changes", err)
	}
	out := make(chan string, 16)
	go func() {
		defer close(out)
		err := conn.Raw(func(dc any) error {
			c, ok := dc.(*stdlib.Conn)
			if !ok {
				return fmt.Errorf("unexpected driver connection %T", dc)
			}
			for {
				n, err := c.Conn().WaitForNotification(ctx)
				if err != nil {
					return err
				}
				select {
				case out <- n.Payload:
				default: // the reader is behind: it will refresh anyway
				}
			}
		})
		_ = err // ctx ended or the connection was lost: either way, stop
		// A connection left listening must not go back to the pool.
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		conn.Close()
	}()
	return out, nil
}

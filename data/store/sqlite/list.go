package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// conds collects the conditions of a WHERE clause and their arguments.
type conds struct {
	list []string
	args []any
}

// add appends a condition with the arguments of its placeholders.
func (c *conds) add(cond string, args ...any) {
	c.list = append(c.list, cond)
	c.args = append(c.args, args...)
}

// where returns the conditions joined with AND ("1" when there are none).
func (c *conds) where() string {
	if len(c.list) == 0 {
		return "1"
	}
	return strings.Join(c.list, " AND ")
}

// queryRows runs query and reads each row into a new T with scan.
func queryRows[T any](ctx context.Context, q txLike, scan func(rows *sql.Rows, v *T) error, query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := scan(rows, &v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// one returns the only item of a list fetched by id, or store.ErrNotFound.
func one[T any](list []T, err error, what string, id int64) (T, error) {
	var zero T
	if err != nil {
		return zero, err
	}
	if len(list) == 0 {
		return zero, fmt.Errorf("store: %w", notFound(what, id))
	}
	return list[0], nil
}

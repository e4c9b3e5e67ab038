package project

import (
	"context"

	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/postgres"
)

// IsDatabaseURL reports whether a project location names a PostgreSQL
// database (a team's shared project:
// postgres://USER[:PASSWORD]@HOST:PORT/DB?sslmode=…) rather than a project
// file.
func IsDatabaseURL(location string) bool { return postgres.IsURL(location) }

// openDatabase opens a team's project kept in PostgreSQL, asking for the
// password through opts when the location, PGPASSWORD and ~/.pgpass give
// none.
func openDatabase(ctx context.Context, location string, opts Options) (store.Store, error) {
	st, err := postgres.Open(ctx, location, postgres.Options{Password: opts.Password})
	if err != nil {
		return nil, err
	}
	return st, nil
}

package project

import (
	"context"
	"fmt"

	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/postgres"
)

// IsDatabaseURL reports whether a project location names a PostgreSQL
// database (a team's shared project:
// postgres://USER[:PASSWORD]@HOST:PORT/DB?sslmode=…) rather than a project
// file.
func IsDatabaseURL(location string) bool { return postgres.IsURL(location) }

// openDatabase opens a team's project kept in PostgreSQL. The PostgreSQL
// engine (data/store/postgres) plugs in here; until it does, such a location
// is refused with a one-line reason.
func openDatabase(ctx context.Context, location string) (store.Store, error) {
	_ = ctx
	return nil, fmt.Errorf("project: open %s: this build has no PostgreSQL engine", Redact(location))
}

package project

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/attache-app/attache/data/store"
)

// IsDatabaseURL reports whether a project location names a PostgreSQL
// database (a team's shared project) rather than a project file.
func IsDatabaseURL(location string) bool {
	l := strings.ToLower(location)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// openDatabase opens a team's project kept in PostgreSQL. The PostgreSQL
// engine (data/store/postgres) plugs in here; until it does, such a location
// is refused with a one-line reason.
func openDatabase(ctx context.Context, location string) (store.Store, error) {
	_ = ctx
	return nil, fmt.Errorf("project: open %s: this build has no PostgreSQL engine", redact(location))
}

// redact hides the password of a database URL for messages.
func redact(location string) string {
	u, err := url.Parse(location)
	if err != nil {
		return "the database"
	}
	return u.Redacted()
}

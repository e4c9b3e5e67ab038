package project

import (
	"context"

	"github.com/attache-app/attache/data/store/postgres"
)

// Options tune opening a shared project.
type Options struct {
	// Password asks for the password of a shared project whose location,
	// PGPASSWORD and ~/.pgpass give none; it is shown the location without
	// a password. The command line reads the terminal, the app asks in a
	// dialog. Nil: connect without a password.
	Password func(redacted string) (string, error)
}

// Redact returns location as it may be shown, logged or kept in the list of
// recent projects: a server location loses its password, a file path is
// unchanged.
func Redact(location string) string { return postgres.Redact(location) }

// OpenShared opens the shared project at a postgres:// location.
func OpenShared(ctx context.Context, location string, opts Options) (*postgres.Store, error) {
	return postgres.Open(ctx, location, postgres.Options{Password: opts.Password})
}

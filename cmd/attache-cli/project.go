package main

import (
	"context"

	"github.com/attache-app/attache/data/project"
	"github.com/attache-app/attache/data/store"
)

// openProject opens the project chosen by --db, $ATTACHE_DB or the default,
// creating (and for the default project, seeding) it on first use.
func (e *env) openProject(ctx context.Context) (*store.Store, error) {
	st, _, err := project.Open(ctx, e.db)
	return st, err
}

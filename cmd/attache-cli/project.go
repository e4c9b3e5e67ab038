package main

import (
	"context"

	"github.com/attache-app/attache/data/project"
	"github.com/attache-app/attache/data/store"
)

// openProject opens the project chosen by --db, $ATTACHE_DB or the default,
// creating (and for the default project, seeding) it on first use.
func (e *env) openProject(ctx context.Context) (store.Store, error) {
	st, _, err := project.Open(ctx, e.db)
	return st, err
}

// withProject opens the project, hands it to f and closes it again. An error
// from either is the command's failure: it returns the exit code, 0 or 1.
func (e *env) withProject(ctx context.Context, f func(st store.Store) error) int {
	st, err := e.openProject(ctx)
	if err != nil {
		return e.fail(err)
	}
	defer st.Close()
	if err := f(st); err != nil {
		return e.fail(err)
	}
	return 0
}

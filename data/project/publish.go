package project

import (
	"context"
	"fmt"

	"github.com/attache-app/attache/data/store"
)

// Publish copies the open project src — articles, tags, passages with their
// notes, entities with their aliases, mentions and events — into the shared
// project at location (a postgres:// URL) in one transaction, as
// `attache-cli --db URL import FILE` does; publishing again adds nothing
// new. opts.Password is asked when the location and PGPASSWORD give no
// password. Errors name the shared project without its password.
func Publish(ctx context.Context, src store.Store, location string, opts Options) (store.ProjectResult, error) {
	if !IsDatabaseURL(location) {
		return store.ProjectResult{}, fmt.Errorf("project: publish: %q is not a shared project's address (postgres://USER@HOST:PORT/DATABASE)", Redact(location))
	}
	dst, err := OpenShared(ctx, location, opts)
	if err != nil {
		return store.ProjectResult{}, err
	}
	defer dst.Close()
	p, err := store.ReadProject(ctx, src)
	if err != nil {
		return store.ProjectResult{}, fmt.Errorf("project: publish %s: read %s: %w", dst.Location(), src.Location(), err)
	}
	return dst.ImportProject(ctx, p)
}

package main

import (
	"context"

	"github.com/attache-app/attache/data/store"
)

func (e *env) openProject(ctx context.Context) (*store.Store, error) { return store.Open(e.db) }

package main

import (
	"context"

	"github.com/attache-app/attache/data/extract"
	"github.com/attache-app/attache/data/store"
)

// extractImported runs entity and event extraction on freshly imported
// articles (import without --no-extract), storing suggestions.
func extractImported(ctx context.Context, st *store.Store, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	x, err := extract.New()
	if err != nil {
		return err
	}
	return extract.Run(ctx, st, x, ids)
}

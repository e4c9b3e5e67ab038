package main

import (
	"context"

	"github.com/attache-app/attache/data/store"
)

// extractImported runs entity and event extraction on freshly imported
// articles (import without --no-extract).
//
// TODO(lead): wire data/extract here; it does nothing yet.
func extractImported(ctx context.Context, st *store.Store, ids []int64) error {
	return nil
}

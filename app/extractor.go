package app

import (
	"context"
	"sync"

	"github.com/attache-app/attache/data/extract"
	"github.com/attache-app/attache/data/store"
)

// sharedExtractor loads the gazetteer and patterns once, on first use, off the
// UI goroutine (callers run inside load or apply).
var sharedExtractor = sync.OnceValues(extract.New)

// runExtraction codes the given articles and stores the suggestions; it never
// overwrites the analyst's work. It must not run on the UI goroutine.
func runExtraction(ctx context.Context, st store.Store, ids []int64) error {
	x, err := sharedExtractor()
	if err != nil {
		return err
	}
	return extract.Run(ctx, st, x, ids)
}

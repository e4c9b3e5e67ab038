package app

import (
	"context"
	"errors"
	"regexp"
	"sync"

	"github.com/attache-app/attache/data/extract"
	"github.com/attache-app/attache/data/store"
)

// sharedExtractor loads the gazetteer and patterns once, on first use, off the
// UI goroutine (callers run inside load or apply).
var sharedExtractor = sync.OnceValues(extract.New)

// runExtraction codes the given articles and stores the suggestions; it never
// overwrites the analyst's work. It must not run on the UI goroutine.
func runExtraction(ctx context.Context, st *store.Store, ids []int64) error {
	x, err := sharedExtractor()
	if err != nil {
		return err
	}
	return extract.Run(ctx, st, x, ids)
}

var errBadDate = errors.New("use YYYY-MM-DD, or leave empty when unknown")

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// validDateOrEmpty accepts "" (unknown) or a YYYY-MM-DD date.
func validDateOrEmpty(s string) error {
	if s == "" || isoDate.MatchString(s) {
		return nil
	}
	return errBadDate
}

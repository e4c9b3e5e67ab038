package ingest

import (
	"context"
	"errors"

	"github.com/attache-app/attache/data/exchange"
	"github.com/attache-app/attache/data/store"
)

// isExchange reports a REFI-QDA project or codebook, which is imported as a
// project (articles, tags, passages) rather than read as articles: a .qdpx
// is not a plain zip of text files.
func isExchange(path string) bool {
	return exchange.Detect(path) != exchange.NotExchange
}

// importExchange imports a REFI-QDA file in one transaction.
func importExchange(ctx context.Context, st store.Store, f source) FileResult {
	r := FileResult{Path: f.path, Exchange: true}
	res, err := exchange.Import(ctx, st, f.path)
	if err != nil {
		if errors.Is(err, exchange.ErrRefused) {
			err = refuse(f.path, "%s", exchange.Reason(err))
		}
		r.Err = err
		return r
	}
	r.IDs = res.NewArticles
	r.Imported = len(res.NewArticles)
	r.Duplicates = res.Duplicates
	r.Tags = res.TagsCreated
	r.TagsKnown = res.TagsReused
	r.Passages = res.Passages
	r.Skipped = res.Skipped
	return r
}

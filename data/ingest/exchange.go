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

// importExchange imports a REFI-QDA file in one transaction: the file at
// path, or data, its content, when not nil.
func importExchange(ctx context.Context, st store.Store, path string, data []byte) FileResult {
	r := FileResult{Path: path, Exchange: true}
	var res exchange.Result
	var err error
	if data != nil {
		res, err = exchange.ImportBytes(ctx, st, path, data)
	} else {
		res, err = exchange.Import(ctx, st, path)
	}
	if err != nil {
		if errors.Is(err, exchange.ErrRefused) {
			err = refuse(path, "%s", exchange.Reason(err))
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

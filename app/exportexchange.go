package app

import (
	"context"
	"io"

	"github.com/attache-app/attache/data/exchange"
	"github.com/attache-app/attache/data/export"
	"github.com/attache-app/attache/data/store"
)

// exportExchange writes the whole project as a REFI-QDA .qdpx (project
// true) or its tags as a .qdc codebook, and returns how many articles or
// tags it holds.
func exportExchange(ctx context.Context, st store.Store, path string, project bool) (int, error) {
	var n int
	err := export.WriteFileAtomic(path, func(w io.Writer) error {
		var err error
		if project {
			n, err = exchange.ExportProject(ctx, st, w, exchange.ExportOptions{
				Name: exchange.ProjectName(st.Location()), User: exchange.AnalystName()})
		} else {
			n, err = exchange.ExportCodebook(ctx, st, w)
		}
		return err
	})
	return n, err
}

package app

import (
	"context"
	"fmt"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/attache-app/attache/data/store"
)

// load runs work off the UI goroutine against the open project and hands its
// result to show on the UI goroutine. Store, import and extraction work never runs
// on the UI goroutine; show only renders. An error is reported in a dialog that
// names what failed.
func load[T any](wb *workbench, what string, work func(ctx context.Context, st store.Store) (T, error), show func(T)) {
	st := wb.st
	if st == nil {
		return
	}
	go func() {
		v, err := work(wb.ctx, st)
		if wb.ctx.Err() != nil {
			return // the window is closing: nobody is waiting for the result
		}
		fyne.Do(func() {
			if err != nil {
				wb.showError(what, err)
				return
			}
			if show != nil {
				show(v)
			}
		})
	}()
}

// apply runs an analyst's change off the UI goroutine, then refreshes the views
// that show the project and calls after (if any) on the UI goroutine.
func (wb *workbench) apply(what string, change func(ctx context.Context, st store.Store) error, after func()) {
	load(wb, what, func(ctx context.Context, st store.Store) (struct{}, error) {
		return struct{}{}, change(ctx, st)
	}, func(struct{}) {
		wb.refresh()
		if after != nil {
			after()
		}
	})
}

// showError reports a failed operation in one line.
func (wb *workbench) showError(what string, err error) {
	log.Printf("attache: %s: %v", what, err)
	dialog.ShowError(fmt.Errorf("%s: %w", what, err), wb.win)
}

package app

import (
	"context"
	"fmt"
	"log"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/attache-app/attache/data/store"
)

// openWork is the open project and the background work running on it.
// Closing the project cancels its loads and waits for all of its work before
// the store is closed, so that no work finds its store closed under it.
type openWork struct {
	st     store.Store
	ctx    context.Context // cancelled when the project is closed
	cancel context.CancelFunc
	wg     sync.WaitGroup // work still using st
}

// loadScope is one view's loads. A view asks for a new scope (next) for
// each load whose result replaces what it shows, which drops the loads of the
// previous one; it stops the scope when what it shows changes otherwise (a new
// filter, a cleared pane). Closing the project stops every scope. The zero
// value is a stopped scope.
type loadScope struct {
	ctx    context.Context
	cancel context.CancelFunc
}

// next stops the scope's loads in flight and returns the context of a new
// generation of loads on the open project.
func (s *loadScope) next(wb *workbench) context.Context {
	s.stop()
	if wb.work == nil {
		return s.current()
	}
	s.ctx, s.cancel = context.WithCancel(wb.work.ctx)
	return s.ctx
}

// current returns the context of the scope's current generation, to add a
// load to it (the pages of one list); it is done when the scope is stopped.
func (s *loadScope) current() context.Context {
	if s.ctx == nil {
		return stopped
	}
	return s.ctx
}

// stop drops the scope's loads in flight: their results are no longer wanted.
func (s *loadScope) stop() {
	if s.cancel != nil {
		s.cancel()
	}
}

// stopped is a context that is already done.
var stopped = func() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}()

// load reads from the open project off the UI goroutine and hands the result
// to show on the UI goroutine, unless ctx (from a view's loadScope; nil means
// the project's) is done by then: a result that is no longer wanted is
// dropped, and so is its error. Store work never runs on the UI goroutine;
// show only renders. An error is reported in a dialog that names what failed.
func load[T any](wb *workbench, ctx context.Context, what string, work func(ctx context.Context, st store.Store) (T, error), show func(T)) {
	if wb.work == nil {
		return
	}
	if ctx == nil {
		ctx = wb.work.ctx
	}
	if ctx.Err() != nil {
		return
	}
	background(wb, ctx, work, func(v T, err error) {
		if ctx.Err() != nil {
			return // a newer load, another filter or another project replaced it
		}
		if err != nil {
			wb.showError(what, err)
			return
		}
		if show != nil {
			show(v)
		}
	})
}

// job runs work that the analyst asked for and waits on (a change, an
// export, a copy) off the UI goroutine, then done on the UI goroutine. Unlike
// a load it is not cancelled when the project changes: closing the project
// waits for it. An error is reported in a dialog that names what failed.
func job[T any](wb *workbench, what string, work func(ctx context.Context, st store.Store) (T, error), done func(T)) {
	if wb.work == nil {
		return
	}
	background(wb, wb.ctx, work, func(v T, err error) {
		if err != nil {
			wb.showError(what, err)
			return
		}
		if done != nil {
			done(v)
		}
	})
}

// background runs work against the open project off the UI goroutine, with
// ctx, and hands its outcome to done on the UI goroutine. The project is not
// closed while work runs. It reports false, and runs nothing, when no project
// is open.
func background[T any](wb *workbench, ctx context.Context, work func(ctx context.Context, st store.Store) (T, error), done func(T, error)) bool {
	w := wb.work
	if w == nil {
		return false
	}
	w.wg.Add(1)
	wb.offUI(func() func() {
		v, err := work(ctx, w.st)
		w.wg.Done()
		return func() { done(v, err) }
	})
	return true
}

// offUI runs work off the UI goroutine and then the function it returns (if
// any) on the UI goroutine, unless the window is closing. Every piece of
// background work of the window goes through it, so that inFlight counts
// what is still to come.
func (wb *workbench) offUI(work func() (ui func())) {
	wb.inFlight.Add(1)
	go func() {
		ui := work()
		if ui == nil || wb.ctx.Err() != nil {
			wb.inFlight.Add(-1) // nothing to show, or nobody to show it to
			return
		}
		fyne.Do(func() {
			defer wb.inFlight.Add(-1)
			if wb.ctx.Err() == nil {
				ui()
			}
		})
	}()
}

// openWorkOn starts the background work of a newly opened project.
func openWorkOn(parent context.Context, st store.Store) *openWork {
	w := &openWork{st: st}
	w.ctx, w.cancel = context.WithCancel(parent)
	return w
}

// close cancels the project's loads and closes its store once every piece
// of work on it has finished, off the UI goroutine.
func (w *openWork) close(wb *workbench) {
	w.cancel()
	wb.closing.Add(1)
	wb.offUI(func() func() {
		defer wb.closing.Done()
		w.wg.Wait()
		if err := w.st.Close(); err != nil {
			log.Printf("attache: close project: %v", err)
		}
		return nil
	})
}

// apply runs an analyst's change off the UI goroutine, then refreshes the views
// that show the project and calls after (if any) on the UI goroutine, unless
// another project was opened in the meantime.
func (wb *workbench) apply(what string, change func(ctx context.Context, st store.Store) error, after func()) {
	if wb.refuseReadOnly() {
		return
	}
	w := wb.work
	job(wb, what, func(ctx context.Context, st store.Store) (struct{}, error) {
		return struct{}{}, change(ctx, st)
	}, func(struct{}) {
		if wb.work != w {
			return
		}
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

// debouncer runs a function once a pause has passed without another call
// (typing in a filter box). The wait counts as background work in flight.
type debouncer struct{ timer *time.Timer }

// call (on the UI goroutine) runs fn on the UI goroutine after d, unless
// call is made again before.
func (b *debouncer) call(wb *workbench, d time.Duration, fn func()) {
	if b.timer != nil && b.timer.Stop() {
		wb.inFlight.Add(-1) // that run will not happen
	}
	wb.inFlight.Add(1)
	b.timer = time.AfterFunc(d, func() {
		fyne.Do(func() {
			wb.inFlight.Add(-1)
			fn()
		})
	})
}

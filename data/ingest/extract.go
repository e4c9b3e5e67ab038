package ingest

import (
	"context"
	"runtime"
	"sync"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// extractors run Options.Extract on streamed articles, one goroutine per
// CPU, while the store goes on saving the articles before them in file
// order (each item's done channel says when its extraction is ready).
type extractors struct {
	fn   func(model.Article) store.Extraction
	jobs chan *streamItem
	wg   sync.WaitGroup
}

// startExtractors starts the workers; with a nil fn it does nothing and
// submit passes items through.
func startExtractors(ctx context.Context, fn func(model.Article) store.Extraction) *extractors {
	ex := &extractors{fn: fn}
	if fn == nil {
		return ex
	}
	ex.jobs = make(chan *streamItem, 256)
	for range runtime.GOMAXPROCS(0) {
		ex.wg.Add(1)
		go func() {
			defer ex.wg.Done()
			for it := range ex.jobs {
				if ctx.Err() == nil { // cancelled: the item will not be saved
					x := fn(it.item.Article)
					it.item.Extraction = &x
				}
				close(it.done)
			}
		}()
	}
	return ex
}

// submit queues it for extraction.
func (ex *extractors) submit(ctx context.Context, it *streamItem) error {
	if ex.fn == nil {
		return nil
	}
	it.done = make(chan struct{})
	select {
	case ex.jobs <- it:
		return nil
	case <-ctx.Done():
		close(it.done)
		return ctx.Err()
	}
}

// close says no more items come; the workers finish the queued ones.
func (ex *extractors) close() {
	if ex.jobs != nil {
		close(ex.jobs)
	}
}

// wait returns once every worker has stopped.
func (ex *extractors) wait() { ex.wg.Wait() }

// extractAll runs fn on every article, in parallel, and returns the
// extractions in the articles' order; a cancelled ctx leaves the rest empty.
func extractAll(ctx context.Context, arts []model.Article, fn func(model.Article) store.Extraction) []store.Extraction {
	out := make([]store.Extraction, len(arts))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(arts)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = fn(arts[i])
			}
		}()
	}
	for i := range arts {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

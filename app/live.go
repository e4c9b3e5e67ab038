package app

import (
	"log"
	"time"

	"fyne.io/fyne/v2"

	"github.com/attache-app/attache/data/store"
)

// liveSettle is how long the window waits after a change reported by a
// shared project for more of the same burst (an import, a bulk accept), so
// that a burst costs one refresh.
const liveSettle = 150 * time.Millisecond

// liveMaxWait bounds how long a steady stream of changes may put a refresh
// off: others' changes show within about a second.
const liveMaxWait = time.Second

// watchRetry is how long the window waits before watching again when the
// watch was lost (the server restarted, the network dropped).
const watchRetry = 2 * time.Second

// watchProject follows the changes others commit to the open project when
// its engine reports them (a shared project), and refreshes the views that
// show what changed. A lost watch is taken up again, and everything is read
// again then, since changes may have passed unseen. It stops when the
// project is closed.
func (wb *workbench) watchProject(w *openWork) {
	watcher, ok := w.st.(store.Watcher)
	if !ok {
		return
	}
	w.wg.Add(1) // the store stays open until the watch has let go of it
	go func() {
		defer w.wg.Done()
		for lost := false; w.ctx.Err() == nil; lost = true {
			changes, err := watcher.Watch(w.ctx)
			if err != nil && w.ctx.Err() == nil {
				log.Printf("attache: watch for others' changes: %v", err)
			}
			if err == nil {
				if lost {
					wb.showChanges(w, nil)
				}
				for batch := range coalesce(changes, liveSettle, liveMaxWait) {
					wb.showChanges(w, batch)
				}
			}
			select {
			case <-w.ctx.Done():
			case <-time.After(watchRetry):
			}
		}
	}()
}

// showChanges refreshes, on the UI goroutine, the views showing the tables
// changed (nil: every view), if the project is still the one open.
func (wb *workbench) showChanges(w *openWork, tables map[string]bool) {
	wb.inFlight.Add(1)
	fyne.Do(func() {
		defer wb.inFlight.Add(-1)
		if wb.work != w || wb.ctx.Err() != nil {
			return
		}
		if tables == nil {
			wb.refresh()
			return
		}
		wb.refreshTables(tables)
	})
}

// coalesce gathers the table names arriving on in into sets: a set is sent
// once settle has passed without a new name, or maxWait after its first one.
// The output closes when in does.
func coalesce(in <-chan string, settle, maxWait time.Duration) <-chan map[string]bool {
	out := make(chan map[string]bool)
	go func() {
		defer close(out)
		for first := range in {
			batch := map[string]bool{first: true}
			deadline := time.After(maxWait)
			quiet := time.NewTimer(settle)
		gather:
			for {
				select {
				case t, ok := <-in:
					if !ok {
						quiet.Stop()
						out <- batch
						return
					}
					batch[t] = true
					quiet.Reset(settle)
				case <-quiet.C:
					break gather
				case <-deadline:
					quiet.Stop()
					break gather
				}
			}
			out <- batch
		}
	}()
	return out
}

// refreshTables reloads, in the background, the views that show the tables
// others changed; each view keeps its selection and scroll position.
func (wb *workbench) refreshTables(tables map[string]bool) {
	if wb.st == nil {
		return
	}
	touched := func(names ...string) bool {
		for _, n := range names {
			if tables[n] {
				return true
			}
		}
		return false
	}
	known := touched("articles", "tags", "passages", "passage_tags", "entities", "aliases", "mentions", "events", "event_entities", "event_tags")
	if !known {
		wb.refresh() // a table this window does not know: read everything again
		return
	}
	if touched("articles") {
		wb.articles.reload()
	}
	// The entities pane brings the inspector up to date when it reloads.
	if touched("entities", "aliases", "mentions", "articles") {
		wb.entities.reload()
	} else {
		wb.inspector.reload()
	}
	if touched("tags", "passages", "passage_tags", "articles") {
		wb.tags.reload()
	}
	if touched("articles", "tags", "passages", "passage_tags", "entities", "mentions") {
		wb.reader.reload()
	}
	if touched("events", "event_entities", "event_tags", "entities", "aliases", "tags", "articles") {
		wb.events.reload()
	}
	wb.status.reloadCounts(wb)
}

package store

import "context"

// The optional abilities of an engine whose project several people work on
// at once. An engine that keeps a project for one analyst (a file) has none
// of them; callers ask with a type assertion:
//
//	if w, ok := st.(store.Watcher); ok { … }

// Watcher reports the changes others commit to the project while it is open,
// so that a window can show them.
type Watcher interface {
	// Watch reports the names of the tables ("articles", "tags", "passages",
	// "passage_tags", "entities", "aliases", "mentions", "events",
	// "event_entities", "event_tags") that committed changes touch, as they
	// commit. A burst may be reported once; a report is a hint to read
	// again, not a record of the change. The channel closes when ctx ends
	// or the watch is lost.
	Watch(ctx context.Context) (<-chan string, error)
}

// Access tells what the connected member may do, as the engine's server
// grants it.
type Access interface {
	// ReadOnly reports whether the member may only read the project: every
	// change would be refused.
	ReadOnly() bool
	// Member names the connected member and their role ("owner",
	// "analyst", "reader"), for display.
	Member() (name, role string)
}

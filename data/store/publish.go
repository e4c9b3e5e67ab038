package store

import (
	"context"
	"fmt"
)

// Project is the whole of a project's work as it moves to another project:
// what an exchange carries (articles, the tag tree, passages with their
// notes) and the entities with their aliases, the mentions and the events
// (every field, status and tag). Ids are the source project's; the
// receiving project gives its own.
type Project struct {
	Exchange
	Entities []Entity
	Mentions []Mention
	Events   []Event
	// Keys identify the mentions and events that extraction suggested, so
	// that extraction run again on the receiving project recognises them.
	Keys MachineKeys
}

// MachineKeys are the keys under which extraction knows its suggestions,
// by mention and event id, and those of the suggestions the analyst
// deleted (by article id), which extraction must not bring back.
type MachineKeys struct {
	Mentions, Events map[int64]string
	Dismissed        map[int64][]string
}

// MachineKeyReader is a Store that tells which of its mentions and events
// extraction suggested (the SQLite engine).
type MachineKeyReader interface {
	MachineKeys(ctx context.Context) (MachineKeys, error)
}

// ProjectResult reports what ImportProject added and what it found there
// already.
type ProjectResult struct {
	ExchangeResult
	EntitiesCreated, EntitiesReused int
	Aliases                         int // aliases added to entities
	Mentions, MentionsKnown         int
	Events, EventsKnown             int
}

// ProjectImporter is a Store that takes in a whole project in one
// transaction (the PostgreSQL engine: moving an analyst's file to a team's
// shared project). Importing the same project twice adds nothing the
// second time: articles are matched by their text (as ImportExchange
// does), tags by name and parent, passages by span, entities by name and
// kind (case folded), aliases by name (exactly), mentions by entity and span, and
// events by source span, type, dates, parties and summary.
type ProjectImporter interface {
	ImportProject(ctx context.Context, p Project) (ProjectResult, error)
}

// ReadProject reads every part of st that ImportProject carries.
func ReadProject(ctx context.Context, st Store) (Project, error) {
	var p Project
	var err error
	if p.Exchange, err = st.ExchangeSnapshot(ctx); err != nil {
		return Project{}, err
	}
	p.Exchange.Events = nil // the full events follow
	if p.Entities, err = st.Entities(ctx, EntityFilter{}); err != nil {
		return Project{}, fmt.Errorf("read entities: %w", err)
	}
	if p.Mentions, err = st.Mentions(ctx, MentionFilter{}); err != nil {
		return Project{}, fmt.Errorf("read mentions: %w", err)
	}
	if p.Events, err = st.Events(ctx, EventFilter{}); err != nil {
		return Project{}, fmt.Errorf("read events: %w", err)
	}
	if r, ok := st.(MachineKeyReader); ok {
		if p.Keys, err = r.MachineKeys(ctx); err != nil {
			return Project{}, fmt.Errorf("read suggestions' keys: %w", err)
		}
	}
	return p, nil
}

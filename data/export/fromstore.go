package export

import (
	"context"
	"fmt"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// lookups holds what records refer to by id: entities, tags and article
// metadata, read once per export.
type lookups struct {
	entities map[int64]model.Entity
	tags     map[int64]string
	articles map[int64]store.ArticleSummary
}

func loadLookups(ctx context.Context, st store.Store, entities bool) (*lookups, error) {
	l := &lookups{tags: map[int64]string{}, articles: map[int64]store.ArticleSummary{}}
	tags, err := st.Tags(ctx)
	if err != nil {
		return nil, fmt.Errorf("export: read tags: %w", err)
	}
	for _, t := range tags {
		l.tags[t.ID] = t.Name
	}
	arts, err := st.Articles(ctx, store.ArticleFilter{})
	if err != nil {
		return nil, fmt.Errorf("export: read articles: %w", err)
	}
	for _, a := range arts {
		l.articles[a.ID] = a
	}
	if entities {
		es, err := st.Entities(ctx, store.EntityFilter{})
		if err != nil {
			return nil, fmt.Errorf("export: read entities: %w", err)
		}
		l.entities = make(map[int64]model.Entity, len(es))
		for _, e := range es {
			l.entities[e.ID] = e
		}
	}
	return l, nil
}

func (l *lookups) tagNames(ids []int64) []string {
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		if n, ok := l.tags[id]; ok {
			names = append(names, n)
		}
	}
	return names
}

func (l *lookups) parties(ctx context.Context, st store.Store, ids []int64) ([]Party, error) {
	ps := make([]Party, 0, len(ids))
	for _, id := range ids {
		e, ok := l.entities[id]
		if !ok {
			var err error
			if e, err = st.Entity(ctx, id); err != nil {
				return nil, fmt.Errorf("export: read entity %d: %w", id, err)
			}
			l.entities[id] = e
		}
		ps = append(ps, Party{Name: e.Name, EntityID: e.ID, Kind: e.Kind, Country: e.Country})
	}
	return ps, nil
}

// EventsFromStore reads the events that f selects, with their parties' names,
// kinds and countries, their tags' names and their source articles'
// metadata resolved. It only reads the project.
func EventsFromStore(ctx context.Context, st store.Store, f store.EventFilter) ([]EventRecord, error) {
	evs, err := st.Events(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("export: read events: %w", err)
	}
	l, err := loadLookups(ctx, st, true)
	if err != nil {
		return nil, err
	}
	out := make([]EventRecord, 0, len(evs))
	for _, ev := range evs {
		actors, err := l.parties(ctx, st, ev.Actors)
		if err != nil {
			return nil, err
		}
		recipients, err := l.parties(ctx, st, ev.Recipients)
		if err != nil {
			return nil, err
		}
		src := Source{ArticleID: ev.ArticleID, Start: ev.Start, End: ev.End}
		if a, ok := l.articles[ev.ArticleID]; ok {
			src.Title, src.Publication, src.Published, src.URL = a.Title, a.Publication, a.Published, a.URL
		}
		out = append(out, EventRecord{
			ID: ev.ID, Date: ev.Date, EndDate: ev.EndDate, DatePrecision: ev.Precision,
			DateText: ev.DateText, DateBasis: ev.DateBasis,
			Actor: actors, Recipient: recipients,
			Event: ev.Type, Mode: ev.Mode, CAMEO: ev.CAMEO, Goldstein: ev.Goldstein,
			QuadClass: model.EventQuadClass(ev.CAMEO, ev.Type),
			Location:  ev.Location, Summary: ev.Summary, Text: ev.Text,
			Source: src, Status: ev.Status, Tags: l.tagNames(ev.TagIDs), Note: ev.Note, Coder: ev.Coder(),
		})
	}
	return out, nil
}

// PassagesFromStore reads the tagged passages that f selects, with their
// articles' metadata and their tags' names resolved. It only reads the
// project.
func PassagesFromStore(ctx context.Context, st store.Store, f store.PassageFilter) ([]PassageRecord, error) {
	ps, err := st.Passages(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("export: read passages: %w", err)
	}
	l, err := loadLookups(ctx, st, false)
	if err != nil {
		return nil, err
	}
	out := make([]PassageRecord, 0, len(ps))
	for _, p := range ps {
		a := l.articles[p.ArticleID]
		out = append(out, PassageRecord{
			ArticleID: p.ArticleID, Article: a.Title, Publication: a.Publication, Published: a.Published,
			Quote: p.Text, Tags: l.tagNames(p.TagIDs), Note: p.Note, Start: p.Start, End: p.End, Coder: p.Coder(),
		})
	}
	return out, nil
}

// EntitiesFromStore reads the entities that f selects, with their aliases
// and the number of their mentions that are not rejected. It only reads the
// project.
func EntitiesFromStore(ctx context.Context, st store.Store, f store.EntityFilter) ([]EntityRecord, error) {
	es, err := st.Entities(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("export: read entities: %w", err)
	}
	out := make([]EntityRecord, 0, len(es))
	for _, e := range es {
		aliases := make([]string, len(e.Aliases))
		for i, a := range e.Aliases {
			aliases[i] = a.Name
		}
		out = append(out, EntityRecord{ID: e.ID, Name: e.Name, Kind: e.Kind, Country: e.Country,
			Role: e.Role, Aliases: aliases, Mentions: e.Mentions})
	}
	return out, nil
}

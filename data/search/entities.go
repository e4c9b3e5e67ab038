package search

import "github.com/attache-app/attache/data/model"

// IndexEntities builds the fuzzy index over the canonical names and aliases of
// a project's entities.
func IndexEntities(all []model.Entity) *Index {
	entries := make([]Entry, len(all))
	for i, e := range all {
		entries[i] = Entry{ID: e.ID, Name: e.Name, Kind: e.Kind}
		for _, a := range e.Aliases {
			entries[i].Aliases = append(entries[i].Aliases, a.Name)
		}
	}
	return NewIndex(entries)
}

package extract

import (
	"context"
	"errors"
	"fmt"
	"unicode"

	"github.com/attache-app/attache/data/store"
)

// ToStore converts a Result into the suggestions the store saves for an
// article. Aliases written in another script get a script hint as their
// language ("Hani", "Hang", "Jpan"); entity and event indexes carry over.
func ToStore(r Result) store.Extraction {
	x := store.Extraction{
		Entities: make([]store.SuggestedEntity, 0, len(r.Entities)),
		Events:   make([]store.SuggestedEvent, 0, len(r.Events)),
	}
	for _, e := range r.Entities {
		se := store.SuggestedEntity{Name: e.Name, Kind: e.Kind, Country: e.Country, Role: e.Role}
		for _, a := range e.Aliases {
			se.Aliases = append(se.Aliases, store.Alias{Name: a, Lang: scriptHint(a)})
		}
		for _, m := range e.Mentions {
			se.Mentions = append(se.Mentions, store.Span{Start: m.Start, End: m.End})
		}
		x.Entities = append(x.Entities, se)
	}
	for _, ev := range r.Events {
		x.Events = append(x.Events, store.SuggestedEvent{
			Actors: append([]int(nil), ev.Actors...), Recipients: append([]int(nil), ev.Recipients...),
			Type: ev.Type, Mode: ev.Mode, CAMEO: ev.CAMEO, Goldstein: ev.Goldstein,
			Date: ev.Date, EndDate: ev.EndDate, Precision: ev.Precision, DateText: ev.DateText, DateBasis: ev.DateBasis,
			Summary: ev.Summary, Text: ev.Text, Start: ev.Start, End: ev.End,
		})
	}
	return x
}

// scriptHint names the script of a name written outside the Latin alphabet.
func scriptHint(s string) string {
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			return "Jpan"
		case unicode.Is(unicode.Hangul, r):
			return "Hang"
		case unicode.Is(unicode.Han, r):
			return "Hani"
		case unicode.Is(unicode.Cyrillic, r):
			return "Cyrl"
		case unicode.Is(unicode.Arabic, r):
			return "Arab"
		}
	}
	return ""
}

// Run extracts the entities and events of each article, resolving dates
// against the article's publication date, and saves them in st as
// suggestions. It goes on past an article that fails and returns all
// failures joined; it stops early when ctx is cancelled.
func Run(ctx context.Context, st *store.Store, x *Extractor, articleIDs []int64) error {
	var errs []error
	for _, id := range articleIDs {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("extract: %w", err)
		}
		a, err := st.Article(ctx, id)
		if err != nil {
			errs = append(errs, fmt.Errorf("extract: load article %d: %w", id, err))
			continue
		}
		r := x.Extract(a.Body, a.Published)
		if err := st.SaveExtraction(ctx, id, ToStore(r)); err != nil {
			errs = append(errs, fmt.Errorf("extract: save article %d: %w", id, err))
		}
	}
	return errors.Join(errs...)
}

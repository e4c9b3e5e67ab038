package extract

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"unicode"

	"github.com/attache-app/attache/data/model"
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
			se.Aliases = append(se.Aliases, model.Alias{Name: a, Lang: scriptHint(a)})
		}
		for _, m := range e.Mentions {
			se.Mentions = append(se.Mentions, model.Span{Start: m.Start, End: m.End})
		}
		x.Entities = append(x.Entities, se)
	}
	for _, ev := range r.Events {
		x.Events = append(x.Events, store.SuggestedEvent{
			Actors: append([]int(nil), ev.Actors...), Recipients: append([]int(nil), ev.Recipients...),
			Type: ev.Type, Mode: ev.Mode, CAMEO: ev.CAMEO, Goldstein: ev.Goldstein,
			Date: ev.Date, EndDate: ev.EndDate, Precision: ev.Precision, DateText: ev.DateText, DateBasis: ev.DateBasis,
			Location: ev.Location, Summary: ev.Summary, Text: ev.Text, Start: ev.Start, End: ev.End,
		})
	}
	return x
}

// Suggest is the extraction of one article in the store's terms: what an
// import saves with the article (ingest.Options.Extract).
func (x *Extractor) Suggest(a model.Article) store.Extraction {
	return ToStore(x.Extract(a.Body, a.Published))
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

// runBatch is how many articles Run extracts before saving them in one
// transaction.
const runBatch = 100

// Run extracts the entities and events of each article, resolving dates
// against the article's publication date, and saves them in st as
// suggestions. Articles are extracted in parallel, one worker per CPU, and
// saved a batch at a time in one transaction; a batch that fails is saved
// article by article, so Run goes on past an article that fails and returns
// all failures joined. It stops early when ctx is cancelled.
func Run(ctx context.Context, st store.Store, x *Extractor, articleIDs []int64) error {
	type extracted struct {
		batch  []store.ArticleExtraction
		failed []error
	}
	// The next batch is extracted while the current one is saved.
	ready := make(chan extracted, 1)
	go func() {
		defer close(ready)
		for start := 0; start < len(articleIDs) && ctx.Err() == nil; start += runBatch {
			batch, failed := extractBatch(ctx, st, x, articleIDs[start:min(start+runBatch, len(articleIDs))])
			ready <- extracted{batch, failed}
		}
	}()
	var errs []error
	for e := range ready {
		errs = append(errs, e.failed...)
		if ctx.Err() != nil {
			continue // drain, so the producer ends
		}
		if err := st.SaveExtractions(ctx, e.batch); err == nil {
			continue
		}
		for _, b := range e.batch {
			if err := st.SaveExtraction(ctx, b.ArticleID, b.Extraction); err != nil {
				errs = append(errs, fmt.Errorf("extract: save article %d: %w", b.ArticleID, err))
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	return errors.Join(errs...)
}

// extractBatch loads and extracts the articles ids in parallel, keeping their
// order; articles that cannot be loaded are reported in failed.
func extractBatch(ctx context.Context, st store.Store, x *Extractor, ids []int64) (batch []store.ArticleExtraction, failed []error) {
	out := make([]store.ArticleExtraction, len(ids))
	errs := make([]error, len(ids))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(ids)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				a, err := st.Article(ctx, ids[i])
				if err != nil {
					errs[i] = fmt.Errorf("extract: load article %d: %w", ids[i], err)
					continue
				}
				out[i] = store.ArticleExtraction{ArticleID: a.ID, Extraction: x.Suggest(a)}
			}
		}()
	}
	for i := range ids {
		next <- i
	}
	close(next)
	wg.Wait()
	for i := range ids {
		if errs[i] != nil {
			failed = append(failed, errs[i])
			continue
		}
		batch = append(batch, out[i])
	}
	return batch, failed
}

// Package extract reads diplomatic news the way an event-data coder does:
// it finds the people, countries and organisations a text names (with their
// aliases, countries and roles, from an embedded gazetteer and from the text
// itself), codes the events between them in CAMEO and PLOVER, and resolves
// the dates those events happened against the publication date. Extracting
// is deterministic and needs no network: the same text gives the same
// result. Run and ToStore (store.go) hand the results to a project's store.
package extract

import (
	"fmt"
	"sync"

	"github.com/attache-app/attache/data/model"
)

// Span is a rune range [Start, End) in the text.
type Span struct{ Start, End int }

// Entity is a person, country, organisation, place or other named thing.
type Entity struct {
	Name     string // canonical name
	Kind     model.EntityKind
	Country  string   // ISO 3166 alpha-3 where one applies
	Role     string   // CAMEO role (GOV, LEG, MIL, JUD, IGO, …) at publication, "" if unknown
	Aliases  []string // other names, including forms in other scripts found in the text
	Mentions []Span   // where the text names it, in rune offsets, in text order
}

// Event is one coded event, pointing at the sentence it came from.
type Event struct {
	Actors, Recipients []int // indexes into Result.Entities
	Type               model.EventType
	Mode               string  // PLOVER mode ("phone", "visit", …), may be ""
	CAMEO              string  // CAMEO code keeping its leading zero ("041")
	Goldstein          float64 // Goldstein score of the CAMEO code
	QuadClass          model.QuadClass
	Date, EndDate      string          // "2006-01-02"; EndDate only for a range ("last week")
	Precision          model.Precision // "" when unresolved
	DateText           string          // the date as written ("on Friday"), "" for the publication-date fallback
	DateBasis          model.DateBasis
	Location           string // the place the sentence names ("in Berlin") or the dateline's place, "" if none
	Start, End         int    // rune span of the sentence
	Text               string // the sentence
	Summary            string // one line: who did what to whom, and what the date stands for
}

// Result is what Extract finds in one text. Countries and places named only
// once in passing, outside the dateline and the lead and in no event, are
// asides and left out (see salientCountries).
type Result struct {
	Entities []Entity
	Events   []Event
}

// Extractor codes texts. It is safe for concurrent use.
type Extractor struct {
	g  *gazetteer
	lx lexicon
}

var (
	loadOnce sync.Once
	shared   *Extractor
	loadErr  error
)

// New returns the extractor, loading the embedded gazetteer and event lexicon
// on first use (later calls share them).
func New() (*Extractor, error) {
	loadOnce.Do(func() {
		if cameoErr != nil {
			loadErr = cameoErr
			return
		}
		lx, err := loadLexicon()
		if err != nil {
			loadErr = err
			return
		}
		g, err := loadGazetteer(lx)
		if err != nil {
			loadErr = err
			return
		}
		shared = &Extractor{g: g, lx: lx}
	})
	if loadErr != nil {
		return nil, fmt.Errorf("extract: load dictionaries: %w", loadErr)
	}
	return shared, nil
}

// Extract finds the entities and events of text. published is the article's
// publication date ("2006-01-02", an RFC 3339 time, or "" when unknown);
// relative dates are resolved against it, and without it they are kept as
// written and marked unresolved.
func (x *Extractor) Extract(text string, published string) Result {
	pub, havePub := parsePublished(published)
	toks := tokenize(text)
	sents := sentences(toks)
	eb := &entityBuilder{g: x.g, toks: toks, pub: pub, havePub: havePub}
	eb.recognise(sents)
	evs := x.events(eb, text, sents)
	return finish(eb, evs, eb.salientCountries(sents, evs, x.lx))
}

// finish orders entities by first mention and fills in their spans; the
// countries and places named only in passing (not in salient) are left out.
func finish(eb *entityBuilder, evs []Event, salient map[string]bool) Result {
	first := make([]int, len(eb.ents))
	for i := range first {
		first[i] = -1
	}
	for _, m := range eb.ments {
		if first[m.ent] < 0 {
			first[m.ent] = m.a
		}
	}
	order := make([]int, 0, len(eb.ents))
	for i := range eb.ents {
		if first[i] >= 0 && !eb.aside(i, salient) {
			order = append(order, i)
		}
	}
	sortStable(order, func(a, b int) bool { return first[a] < first[b] })
	newIdx := make([]int, len(eb.ents))
	res := Result{Entities: make([]Entity, 0, len(order))}
	for n, old := range order {
		newIdx[old] = n
		res.Entities = append(res.Entities, eb.ents[old])
	}
	for _, m := range eb.ments {
		if eb.aside(m.ent, salient) {
			continue
		}
		e := &res.Entities[newIdx[m.ent]]
		if m.re > m.rs {
			e.Mentions = append(e.Mentions, Span{m.rs, m.re})
			continue
		}
		e.Mentions = append(e.Mentions, Span{eb.toks[m.a].start, eb.toks[m.b-1].end})
	}
	for i := range evs {
		remap(evs[i].Actors, newIdx)
		remap(evs[i].Recipients, newIdx)
	}
	res.Events = evs
	return res
}

func remap(ids []int, newIdx []int) {
	for i, v := range ids {
		ids[i] = newIdx[v]
	}
}

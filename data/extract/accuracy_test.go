package extract_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/extract"
)

// devRecord is one labelled unit of a JSONL evaluation set: a sentence or
// short article (text) or a seed article (seed = its index), with the events
// a human coder would record from the PLOVER/CAMEO definitions and the
// countries an indexer would list. Split names the part of a held-out set
// the unit belongs to ("" for tuning, "final" for the untouched check).
type devRecord struct {
	Seed      *int   `json:"seed"`
	Text      string `json:"text"`
	Published string `json:"published"`
	Split     string `json:"split"`
	Countries []string
	Events    []struct {
		Type, Actor, Recipient, Date string
	}
}

func loadDevSet(t testing.TB) ([]devRecord, []string) {
	t.Helper()
	return loadEvalSet(t, "testdata/devset.jsonl", func(devRecord) bool { return true })
}

// loadEvalSet reads the units of a JSONL evaluation set that keep accepts.
func loadEvalSet(t testing.TB, path string, keep func(devRecord) bool) ([]devRecord, []string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seed := seedArticles(t)
	var recs []devRecord
	var texts []string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		var r devRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s line %d: %v", path, n, err)
		}
		if !keep(r) {
			continue
		}
		text := r.Text
		if r.Seed != nil {
			text = seed[*r.Seed]
		}
		recs = append(recs, r)
		texts = append(texts, text)
	}
	return recs, texts
}

type prf struct{ tp, fp, fn int }

func (p prf) precision() float64 { return ratio(p.tp, p.tp+p.fp) }
func (p prf) recall() float64    { return ratio(p.tp, p.tp+p.fn) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func countriesOf(r extract.Result, ids []int) map[string]bool {
	m := map[string]bool{}
	for _, id := range ids {
		if c := r.Entities[id].Country; c != "" {
			m[c] = true
		}
	}
	return m
}

// score runs the extractor over the development set.
type devScore struct {
	byType                             map[string]*prf
	all                                prf
	actorOK, actorN, recipOK, recipN   int
	recipJoint                         int // recipients found among the joint actors instead
	dateOK, dateN, countryOK, countryN int
	unitsTypeOK, unitsWithGold         int
	misses                             []string
}

func scoreDevSet(t testing.TB, x *extract.Extractor) devScore {
	recs, texts := loadDevSet(t)
	return scoreUnits(x, recs, texts)
}

// scoreUnits codes every unit and compares the events and countries found
// with the labels.
func scoreUnits(x *extract.Extractor, recs []devRecord, texts []string) devScore {
	s := devScore{byType: map[string]*prf{}}
	get := func(typ string) *prf {
		if s.byType[typ] == nil {
			s.byType[typ] = &prf{}
		}
		return s.byType[typ]
	}
	for i, rec := range recs {
		r := x.Extract(texts[i], rec.Published)
		used := make([]bool, len(r.Events))
		allTypesOK := true
		for _, g := range rec.Events {
			best := -1
			for k, ev := range r.Events {
				if used[k] || string(ev.Type) != g.Type {
					continue
				}
				if best < 0 || (g.Actor != "" && countriesOf(r, ev.Actors)[g.Actor]) {
					best = k
				}
			}
			if best < 0 {
				get(g.Type).fn++
				s.all.fn++
				allTypesOK = false
				s.misses = append(s.misses, fmt.Sprintf("missed %s in %q", g.Type, short(texts[i])))
				continue
			}
			used[best] = true
			get(g.Type).tp++
			s.all.tp++
			ev := r.Events[best]
			if g.Actor != "" {
				s.actorN++
				if countriesOf(r, ev.Actors)[g.Actor] {
					s.actorOK++
				} else {
					s.misses = append(s.misses, fmt.Sprintf("actor of %s is not %s in %q", g.Type, g.Actor, short(texts[i])))
				}
			}
			if g.Recipient != "" {
				s.recipN++
				if countriesOf(r, ev.Recipients)[g.Recipient] {
					s.recipOK++
				} else if len(ev.Actors) >= 2 && countriesOf(r, ev.Actors)[g.Recipient] {
					s.recipJoint++ // "Canada and the EU signed": coded as joint actors
				} else {
					s.misses = append(s.misses, fmt.Sprintf("recipient of %s is not %s in %q", g.Type, g.Recipient, short(texts[i])))
				}
			}
			if g.Date != "" {
				s.dateN++
				if ev.Date == g.Date {
					s.dateOK++
				} else {
					s.misses = append(s.misses, fmt.Sprintf("date of %s is %s, want %s in %q", g.Type, ev.Date, g.Date, short(texts[i])))
				}
			}
		}
		for k, ev := range r.Events {
			if !used[k] {
				get(string(ev.Type)).fp++
				s.all.fp++
				if rec.Seed == nil {
					s.misses = append(s.misses, fmt.Sprintf("extra %s (%s) in %q", ev.Type, ev.CAMEO, short(texts[i])))
				}
			}
		}
		if len(rec.Events) > 0 {
			s.unitsWithGold++
			if allTypesOK {
				s.unitsTypeOK++
			}
		}
		found := map[string]bool{}
		for _, e := range r.Entities {
			found[e.Country] = true
		}
		for _, c := range rec.Countries {
			s.countryN++
			if found[c] {
				s.countryOK++
			} else {
				s.misses = append(s.misses, fmt.Sprintf("country %s not found in %q", c, short(texts[i])))
			}
		}
	}
	return s
}

func short(s string) string {
	if len(s) > 70 {
		return s[:70] + "…"
	}
	return s
}

func TestDevSetAccuracy(t *testing.T) {
	x := newExtractor(t)
	s := scoreDevSet(t, x)
	s.check(t, []floor{
		{"overall event recall", s.all.recall(), 0.90},
		{"overall event precision", s.all.precision(), 0.80},
		{"actor country", ratio(s.actorOK, s.actorN), 0.90},
		{"recipient country", ratio(s.recipOK, s.recipN), 0.80},
		{"date", ratio(s.dateOK, s.dateN), 0.90},
		{"countries found", ratio(s.countryOK, s.countryN), 0.95},
	})
}

// floor is a score an evaluation must reach.
type floor struct {
	name      string
	got, want float64
}

// check logs the score report (and the misses with -v) and fails the test
// for every floor not reached.
func (s devScore) check(t *testing.T, floors []floor) {
	t.Helper()
	t.Log(s.report())
	if testing.Verbose() {
		t.Log("\n" + strings.Join(s.misses, "\n"))
	}
	for _, f := range floors {
		if f.got < f.want {
			t.Errorf("%s = %.2f, below the floor %.2f", f.name, f.got, f.want)
		}
	}
}

// report tabulates precision and recall per event type and the attribution,
// date and country scores.
func (s devScore) report() string {
	types := make([]string, 0, len(s.byType))
	for k := range s.byType {
		types = append(types, k)
	}
	sort.Strings(types)
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-10s %5s %5s %5s %9s %7s\n", "type", "tp", "fp", "fn", "precision", "recall")
	for _, k := range types {
		p := s.byType[k]
		fmt.Fprintf(&b, "%-10s %5d %5d %5d %9.2f %7.2f\n", k, p.tp, p.fp, p.fn, p.precision(), p.recall())
	}
	fmt.Fprintf(&b, "%-10s %5d %5d %5d %9.2f %7.2f\n", "ALL", s.all.tp, s.all.fp, s.all.fn, s.all.precision(), s.all.recall())
	fmt.Fprintf(&b, "event types all right: %d/%d units (%.2f)\n", s.unitsTypeOK, s.unitsWithGold, ratio(s.unitsTypeOK, s.unitsWithGold))
	fmt.Fprintf(&b, "actor country right:   %d/%d (%.2f)\n", s.actorOK, s.actorN, ratio(s.actorOK, s.actorN))
	fmt.Fprintf(&b, "recipient country:     %d/%d (%.2f)\n", s.recipOK, s.recipN, ratio(s.recipOK, s.recipN))
	fmt.Fprintf(&b, "  or as co-actor:      %d/%d (%.2f)\n", s.recipOK+s.recipJoint, s.recipN, ratio(s.recipOK+s.recipJoint, s.recipN))
	fmt.Fprintf(&b, "date right:            %d/%d (%.2f)\n", s.dateOK, s.dateN, ratio(s.dateOK, s.dateN))
	fmt.Fprintf(&b, "countries found:       %d/%d (%.2f)\n", s.countryOK, s.countryN, ratio(s.countryOK, s.countryN))
	return b.String()
}

package extract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/resources"
)

// textCityPopulation is the smallest city that is recognised anywhere in a
// text; smaller ones are recognised only in a dateline, where the form says
// that a place is named.
const textCityPopulation = 100000

// loadRegions adds the states and provinces of regions.tsv: their names
// anywhere in a text, their abbreviations ("N.J.", "Calif.", "TX") only in a
// dateline or after a city and a comma.
func (g *gazetteer) loadRegions() error {
	g.regionAbbr = map[string]*gazEntry{}
	return eachLine(resources.GazetteerRegions, func(f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("want at least 2 fields, have %d", len(f))
		}
		e := &gazEntry{name: field(f, 0), kind: model.KindPlace, country: field(f, 1), curated: true}
		if _, ok := g.countries[e.country]; !ok {
			return fmt.Errorf("unknown country %q", e.country)
		}
		g.regionAbbr[foldKey(e.name)] = e
		g.add(e.name, nameRef{e: e, form: formRegion})
		for _, a := range splitList(field(f, 2)) {
			g.regionAbbr[foldKey(a)] = e
			g.regionAbbr[foldKey(strings.TrimSuffix(a, "."))] = e // "Conn" in a dateline
			if strings.HasSuffix(a, ".") {
				g.add(a, nameRef{e: e, form: formRegion})
			}
		}
		return nil
	})
}

// loadCities adds the GeoNames cities: every one to the dateline index, the
// larger ones whose names are not common words to the text index. The other
// names of a large city ("Frankfurt" for Frankfurt am Main, "Geneva" for
// Genève) go to the dateline index only.
func (g *gazetteer) loadCities(lx lexicon) error {
	g.cities = map[string][]*gazEntry{}
	g.otherCities = map[string][]*gazEntry{}
	return eachLine(resources.GazetteerCities, func(f []string) error {
		if len(f) < 4 {
			return fmt.Errorf("want 4 fields, have %d", len(f))
		}
		pop, err := strconv.Atoi(field(f, 3))
		if err != nil {
			return fmt.Errorf("population %q: %w", field(f, 3), err)
		}
		country := field(f, 1)
		if _, ok := g.countries[country]; !ok {
			return nil // a territory the country table does not list
		}
		names := splitList(field(f, 0))
		e := &gazEntry{name: names[0], kind: model.KindPlace, country: country, pop: pop}
		for _, n := range names {
			k := foldKey(n)
			g.cities[k] = append(g.cities[k], e)
			if pop >= textCityPopulation && usablePlace(n) && !commonWord(k, lx) && !g.hasOther(n, e) {
				g.add(n, nameRef{e: e, form: formCity})
			}
		}
		for _, n := range splitList(field(f, 4)) {
			k := foldKey(n)
			if !slices.Contains(g.otherCities[k], e) {
				g.otherCities[k] = append(g.otherCities[k], e)
			}
		}
		return nil
	})
}

// datelineCities returns the cities a dateline may name by key: those of
// that name, then those that GeoNames lists under it as another name.
func (g *gazetteer) datelineCities(key string) []*gazEntry {
	out := g.cities[key]
	for _, c := range g.otherCities[key] {
		if !slices.Contains(out, c) {
			out = append(out[:len(out):len(out)], c)
		}
	}
	return out
}

// hasOther reports whether name already names something other than a city
// (a country, capital, region, organisation or person).
func (g *gazetteer) hasOther(name string, e *gazEntry) bool {
	n := &g.root
	for _, t := range tokenize(name) {
		n = n.next[t.key]
		if n == nil {
			return false
		}
	}
	for _, r := range n.refs {
		if r.form != formCity {
			return true
		}
	}
	return false
}

// commonWord reports whether a one-word name is also an English word the
// extractor knows as something else: a function word, a title, an
// organisation head, a month or weekday, or an event verb.
func commonWord(k string, lx lexicon) bool {
	if strings.ContainsAny(k, " -") {
		return false
	}
	_, title := titles[k]
	_, verb := lx[k]
	return stopwords[k] || title || orgHeads[k] || months[k] != 0 || weekdays[k] != 0 || k == "sunday" || verb || reportingVerbs[k]
}

// placeLike reports whether a reference names a place or a country, the
// references that context chooses between ("Georgia", "Santiago").
func placeLike(r nameRef) bool {
	return r.e.kind == model.KindPlace || r.e.kind == model.KindCountry
}

// seenCountry counts the mentions of each country so far, the context that
// resolves an ambiguous place name.
func (x *entityBuilder) noteCountry(c string) {
	if c == "" {
		return
	}
	if x.seen == nil {
		x.seen = map[string]int{}
	}
	x.seen[c]++
}

// pickPlace chooses between two place-like references: the one whose
// country the text has already named wins, then the earlier one (countries
// before regions before cities, larger cities first).
func (x *entityBuilder) pickPlace(cur, r *nameRef) *nameRef {
	if x.seen[r.e.country] > x.seen[cur.e.country] {
		return r
	}
	return cur
}

// currencies are the words that make a country name before them a currency
// ("Canadian dollar", "Swiss francs", "U.S. dlrs").
var currencies = set(`dollar dollars dlr dlrs franc francs mark marks yen pound pounds sterling guilder guilders lira lire peso pesos
crown crowns krona kronor krone kroner rand rupee rupees schilling schillings escudo escudos peseta pesetas drachma drachmas currency
cent cents cts pence penny centavos centimes`)

// languageWords make a nationality adjective before them a language
// ("English-language daily", "French speakers").
var languageWords = set(`language languages speaking speaker speakers`)

// currencyAfter reports whether a currency word follows token i.
func currencyAfter(toks []token, i int) bool {
	return i < len(toks) && currencies[toks[i].key]
}

// languageAfter reports whether a language word follows token i, a broken
// hyphen between them or not ("English- language").
func languageAfter(toks []token, i int) bool {
	if i < len(toks) && toks[i].text == "-" {
		i++
	}
	return i < len(toks) && languageWords[toks[i].key]
}

// largeCity reports whether a city of country named key is large enough to
// be found in running text on its own.
func (g *gazetteer) largeCity(key, country string) bool {
	for _, c := range g.cities[key] {
		if c.country == country && c.pop >= textCityPopulation {
			return true
		}
	}
	return false
}

// placePrepositions before a name make it a place ("in Geneva", "from Antwerp").
var placePrepositions = set(`in at from to near outside into via`)

package extract

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/resources"
)

// roleRange is an office held between two dates ("" = open).
type roleRange struct {
	country, role, from, to string
}

// gazEntry is one known entity.
type gazEntry struct {
	name, country, role string
	kind                model.EntityKind
	aliases             []string // aliases worth showing (other names, other scripts)
	ranges              []roleRange
	curated             bool
	pop                 int    // a city's population
	founded             string // day a body was founded ("2002-07-01"), "" if long before any news read
}

// Forms under which a gazetteer entry can be named.
const (
	formName    = iota // its name or a full alias
	formShort          // a single surname or short form, accepted only while in office
	formDemonym        // "Chinese" for China
	formCapital        // "Beijing" for China
	formPlace          // a city or province standing for its country
	formRegion         // a state or province, a place of its own ("New Jersey", "Calif.")
	formCity           // a GeoNames city, a place of its own
)

type nameRef struct {
	e       *gazEntry
	form    uint8
	acronym bool // must be written in capitals ("US", "WHO")
}

type trieNode struct {
	next map[string]*trieNode
	refs []nameRef
}

// gazetteer is the loaded, indexed entity dictionary.
type gazetteer struct {
	root       trieNode
	countries  map[string]*gazEntry   // by ISO3
	regionAbbr map[string]*gazEntry   // states and provinces by folded name or abbreviation
	cities     map[string][]*gazEntry // cities by folded name, most populous first
	// otherCities are the large cities by the other names GeoNames lists
	// ("frankfurt", "geneva"), for datelines only
	otherCities map[string][]*gazEntry
}

func (g *gazetteer) add(name string, ref nameRef) {
	toks := tokenize(name)
	if len(toks) == 0 {
		return
	}
	n := &g.root
	for _, t := range toks {
		if n.next == nil {
			n.next = map[string]*trieNode{}
		}
		c := n.next[t.key]
		if c == nil {
			c = &trieNode{}
			n.next[t.key] = c
		}
		n = c
	}
	for _, r := range n.refs {
		if r.e == ref.e {
			return
		}
	}
	ref.acronym = ref.acronym || (len(toks) == 1 && toks[0].upper && len([]rune(toks[0].text)) <= 6) || isDottedAcronym(name)
	n.refs = append(n.refs, ref)
}

func isDottedAcronym(s string) bool {
	return len(s) >= 3 && strings.Count(s, ".") >= 2 && isUpperWord(s)
}

func (g *gazetteer) has(name string) bool {
	n := &g.root
	for _, t := range tokenize(name) {
		n = n.next[t.key]
		if n == nil {
			return false
		}
	}
	return len(n.refs) > 0
}

// eachLine calls fn with the tab-separated fields of each non-comment line.
func eachLine(name string, fn func(f []string) error) error {
	data, err := resources.GazetteerFile(name)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	ln := 0
	for sc.Scan() {
		ln++
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("extract: gazetteer %s line %d: %w", name, ln, err)
		}
	}
	return nil
}

func field(f []string, i int) string {
	if i < len(f) {
		return strings.TrimSpace(f[i])
	}
	return ""
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func loadGazetteer(lx lexicon) (*gazetteer, error) {
	g := &gazetteer{countries: map[string]*gazEntry{}}
	err := eachLine(resources.GazetteerCountries, func(f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("want at least 2 fields, have %d", len(f))
		}
		e := &gazEntry{name: field(f, 1), kind: model.KindCountry, country: field(f, 0), role: "", curated: true}
		g.countries[e.country] = e
		g.add(e.name, nameRef{e: e})
		for _, a := range splitList(field(f, 2)) {
			e.aliases = append(e.aliases, a)
			g.add(a, nameRef{e: e})
		}
		for _, a := range splitList(field(f, 3)) {
			g.add(a, nameRef{e: e, form: formDemonym})
		}
		for _, a := range splitList(field(f, 4)) {
			g.add(a, nameRef{e: e, form: formCapital})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine(resources.GazetteerOrganisations, func(f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("want at least 2 fields, have %d", len(f))
		}
		e := &gazEntry{name: field(f, 0), kind: model.EntityKind(field(f, 1)), country: field(f, 2), role: field(f, 3), curated: true, founded: field(f, 5)}
		if _, err := time.Parse(day, e.founded); e.founded != "" && err != nil {
			return fmt.Errorf("founded %q: want YYYY-MM-DD", e.founded)
		}
		e.aliases = splitList(field(f, 4))
		g.add(e.name, nameRef{e: e})
		for _, a := range e.aliases {
			g.add(a, nameRef{e: e})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	people := map[string]*gazEntry{}
	err = eachLine(resources.GazetteerPeople, func(f []string) error {
		if len(f) < 5 {
			return fmt.Errorf("want at least 5 fields, have %d", len(f))
		}
		name := field(f, 0)
		e := people[name]
		if e == nil {
			e = &gazEntry{name: name, kind: model.KindPerson, curated: true}
			people[name] = e
			g.add(name, nameRef{e: e})
		}
		e.ranges = append(e.ranges, roleRange{country: field(f, 1), role: field(f, 2), from: field(f, 3), to: field(f, 4)})
		for _, a := range splitList(field(f, 5)) {
			if !slices.Contains(e.aliases, a) {
				e.aliases = append(e.aliases, a)
			}
			form := uint8(formName)
			if len(tokenize(a)) == 1 && !isScriptRune([]rune(a)[0]) {
				form = formShort
			}
			g.add(a, nameRef{e: e, form: form})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := g.loadRegions(); err != nil {
		return nil, err
	}
	if err := g.loadPhoenix(people); err != nil {
		return nil, err
	}
	if err := g.loadCities(lx); err != nil {
		return nil, err
	}
	return g, nil
}

// loadPhoenix adds the PETRARCH2-derived actors: office-holders and
// institutions with their dated roles, and the cities and provinces listed
// under each country. Curated entries win where both name the same thing.
func (g *gazetteer) loadPhoenix(curated map[string]*gazEntry) error {
	byName := map[string]*gazEntry{}
	return eachLine(resources.GazetteerPhoenix, func(f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("want at least 3 fields, have %d", len(f))
		}
		kind, name := model.EntityKind(field(f, 0)), stripThe(field(f, 1))
		var ranges []roleRange
		for _, c := range strings.Split(field(f, 2), ";") {
			p := strings.Split(c, ":")
			if len(p) != 4 {
				continue
			}
			country := p[0]
			if _, ok := g.countries[country]; !ok {
				country = ""
			}
			role := p[1]
			if strings.HasPrefix(p[0], "IGO") || strings.HasPrefix(p[0], "NGO") {
				role = p[0][:3]
			}
			ranges = append(ranges, roleRange{country: country, role: role, from: p[2], to: p[3]})
		}
		aliases := splitList(field(f, 3))
		if kind == model.KindPlace {
			if len(ranges) == 0 || ranges[0].country == "" {
				return nil
			}
			c := g.countries[ranges[0].country]
			for _, a := range append([]string{name}, aliases...) {
				if usablePlace(a) && !g.has(a) {
					g.add(a, nameRef{e: c, form: formPlace})
				}
			}
			return nil
		}
		if !usableName(name) || curated[name] != nil || len(ranges) == 0 {
			return nil
		}
		if byName[name] == nil && g.has(name) {
			return nil // a curated entry names it already
		}
		if e := byName[name]; e != nil {
			e.ranges = append(e.ranges, ranges...)
			return nil
		}
		e := &gazEntry{name: name, kind: kind, ranges: ranges}
		e.country, e.role = ranges[0].country, ranges[0].role
		byName[name] = e
		g.add(name, nameRef{e: e})
		if kind == model.KindPerson {
			// the surname alone ("Reagan"), accepted only around a time in office
			if f := strings.Fields(name); len(f) >= 2 {
				last := f[len(f)-1]
				if len(last) >= 4 && !stopwords[foldKey(last)] && !strings.HasSuffix(last, ".") {
					g.add(last, nameRef{e: e, form: formShort})
				}
			}
		}
		for _, a := range aliases {
			a = stripThe(a)
			if usableName(a) && len(strings.Fields(a)) >= 2 && !g.has(a) {
				g.add(a, nameRef{e: e})
			}
		}
		return nil
	})
}

func stripThe(s string) string {
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		return s[4:]
	}
	return s
}

// usableName rejects dictionary entries that would fire on ordinary prose:
// names starting with a digit, single short words, and two words one of
// which is a lone letter ("Triple A" is a credit rating far more often than
// a death squad).
func usableName(s string) bool {
	if s == "" || (s[0] >= '0' && s[0] <= '9') {
		return false
	}
	f := strings.Fields(s)
	if len(f) == 1 {
		return len(s) >= 5 && !stopwords[foldKey(s)]
	}
	if len(f) == 2 && (len(f[0]) == 1 || len(f[1]) == 1) {
		return false
	}
	return !stopwords[foldKey(f[0])] || len(f) > 2
}

// usablePlace rejects place names that would fire on ordinary prose: short
// ones, and those holding a common word ("Isle of Man"), but for a first
// word of place names such as "New" or "North" ("New Orleans"). A place name
// ending in a common word ("Port Said") is matched only when that word is
// capitalised.
func usablePlace(s string) bool {
	if len(s) < 4 || (s[0] >= '0' && s[0] <= '9') {
		return false
	}
	f := strings.Fields(s)
	for k, w := range f {
		first := k == 0 && len(f) > 1 && commonPlaceWords[foldKey(w)]
		if !first && (stopwords[foldKey(w)] || commonPlaceWords[foldKey(w)]) {
			return false
		}
	}
	return true
}

// commonPlaceWords are English words that PETRARCH lists as places but that
// would match far more often as something else.
var commonPlaceWords = map[string]bool{
	"victoria": true, "georgia": true, "jordan": true, "male": true, "independence": true, "union": true,
	"government": true, "state": true, "republic": true, "capital": true, "city": true, "island": true, "islands": true,
	"north": true, "south": true, "east": true, "west": true, "central": true, "new": true, "general": true, "national": true,
}

package extract

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/attache-app/attache/data/model"
)

// mention is one place where an entity is named, in token indexes.
type mention struct {
	ent        int
	a, b       int
	rs, re     int  // rune span when the mention is part of a token ("US-funded"), else 0, 0
	prefix     bool // modifies a following name or title ("Chinese President Xi")
	possessive bool // followed by 's
	demonym    bool // an adjective of nationality ("Israeli forces")
	dateline   bool // the place of the story's dateline: where it was filed, not a party
	place      bool // named as a place: a capital, city, state or province ("in Berlin")
	province   bool // a province or city standing for its country: a place, not a speaker for the state
}

// entityBuilder collects the entities of one text.
type entityBuilder struct {
	g         *gazetteer
	toks      []token
	pub       time.Time
	havePub   bool
	ents      []Entity
	gazOf     []*gazEntry
	byGaz     map[*gazEntry]int
	byKey     map[string]int
	ments     []mention
	covered   []bool
	titleFor  map[int]titleInfo // mention index -> title written before it
	deferred  []deferredRun
	shorts    []deferredShort
	cityWords []deferredShort // lone city names, kept until the text's people are known
	seen      map[string]int  // mentions of each country so far
	dateline  dateline
	// datelineRead is set once the dateline has been read: a place there is
	// where the story was filed, whatever the rest of the text names
	datelineRead bool
	towns        map[string]*gazEntry // towns the text placed in a region ("San Jose, Calif."), by name
	hyphenFirms  map[string]bool      // hyphenated words a company word follows somewhere in the text
}

// deferredShort is a surname the gazetteer knows, kept until the text's own
// full names have had their say.
type deferredShort struct {
	a, b int
	e    *gazEntry
}

// deferredRun is a lone capitalised word left until the full names of the
// text are known, since it is more often a short form of one of them.
type deferredRun struct {
	a, b      int
	sentStart bool
}

type titleInfo struct {
	role, country string
	core          bool
	modifier      int // mention written before the title ("Chinese" President), -1 if none
}

// covers reports whether the role range holds on day t.
func (r roleRange) covers(t string) bool {
	return (r.from == "" || r.from <= t) && (r.to == "" || t < r.to)
}

func (x *entityBuilder) pubDay() string {
	if !x.havePub {
		return ""
	}
	return fmtDay(x.pub)
}

// current returns the range of e that holds at publication, if any.
func (x *entityBuilder) current(e *gazEntry) (roleRange, bool) {
	if !x.havePub {
		return roleRange{}, false
	}
	d := x.pubDay()
	var best roleRange
	found := false
	for _, r := range e.ranges {
		if r.covers(d) && (!found || (best.role != "GOV" && r.role == "GOV")) {
			best, found = r, true
		}
	}
	return best, found
}

// nearOffice reports whether e held, was about to hold, or had lately left an
// office at publication: then a bare surname ("Trump" in a January 2025
// article, before the inauguration) may stand for the person.
func (x *entityBuilder) nearOffice(e *gazEntry) bool {
	if !x.havePub {
		return false
	}
	early := fmtDay(x.pub.AddDate(1, 0, 0)) // the office starts within a year
	late := fmtDay(x.pub.AddDate(-2, 0, 0)) // or ended within two years
	for _, r := range e.ranges {
		if !officeRoles[r.role] {
			continue // "elite" spans a whole life
		}
		to := r.to
		if to == "" && !e.curated && r.from != "" {
			// PETRARCH's lists end in 2014: an open office is not assumed to last
			to = fmt.Sprintf("%04d%s", atoiPrefix(r.from)+8, r.from[4:])
		}
		if (r.from == "" || r.from <= early) && (to == "" || late < to) {
			return true
		}
	}
	return false
}

var officeRoles = set(`GOV LEG MIL JUD IGO`)

func atoiPrefix(d string) int {
	n := 0
	for i := 0; i < 4 && i < len(d); i++ {
		n = n*10 + int(d[i]-'0')
	}
	return n
}

// accept reports whether ref may name toks[i:i+n] here.
func (x *entityBuilder) accept(ref nameRef, i, n int, sentStart bool) bool {
	t := x.toks[i]
	if t.currency || x.toks[i+n-1].currency {
		return false
	}
	if ref.e.founded != "" && x.havePub && x.pubDay() < ref.e.founded {
		return false // "ICC" in 1987: not the court founded in 2002
	}
	if ref.acronym {
		for _, r := range t.text {
			if unicode.IsLower(r) {
				return false
			}
		}
	} else if !t.cap && !t.script {
		return false
	}
	if last := x.toks[i+n-1]; n > 1 && placeLike(ref) && !last.cap && (stopwords[last.key] || reportingVerbs[last.key]) {
		return false // "Port said": a common word ending a place's name is capitalised there
	}
	switch ref.form {
	case formShort:
		if !x.nearOffice(ref.e) {
			return false
		}
	case formPlace, formCapital:
		if sentStart && n == 1 && stopwords[t.key] {
			return false
		}
		if ref.form == formPlace && n == 1 && x.datelineRead && x.seen[ref.e.country] == 0 && !x.g.largeCity(t.key, ref.e.country) && (i == 0 || !placePrepositions[x.toks[i-1].key]) && !x.placeListed(i) {
			// "Piedmont shares", "Manufacturers Hanover": a lone name of a
			// province or small town is a company's, a product's or a
			// namesake's until the text places the story in its country; a
			// large city ("Chicago"), a place after "in" ("talks in Geneva")
			// or in a list of places ("London and Frankfurt") stands on its own
			return false
		}
		if ref.form == formPlace && i+n < len(x.toks) && reportingVerbs[x.toks[i+n].key] {
			return false // "Piedmont said": a province does not speak, a company named after it does
		}
	case formRegion:
		if strings.HasSuffix(x.toks[i+n-1].text, ".") && len(x.toks[i+n-1].text) <= 5 || x.toks[i+n-1].text == "." {
			abbr := strings.ReplaceAll(joinTokens(x.toks, i, i+n), ".", "")
			if i == 0 || x.toks[i-1].text != "," || companySuffixes[strings.ToLower(abbr)] {
				// "Lines (S.A.) Inc", "Petroleos de Venezuela, S.A.": a region's
				// abbreviation follows a town and a comma, and is not a company's
				return false
			}
		}
		if commonPlaceWords[t.key] && n == 1 && x.seen[ref.e.country] == 0 {
			return false // "Victoria", "Georgia": the state only where its country is the story's
		}
	case formCity:
		next := ""
		if i+n < len(x.toks) {
			next = x.toks[i+n].key
		}
		if (sentStart && next != ",") || reportingVerbs[next] || (i > 0 && coreTitles[x.toks[i-1].key]) {
			return false // "Jackson said", "Mr. Lincoln": a person
		}
	}
	return true
}

// placeListed reports whether the name at token i follows a place or a
// country in a list ("London and Frankfurt", "Chile, Peru").
func (x *entityBuilder) placeListed(i int) bool {
	if i < 2 || (x.toks[i-1].key != "and" && x.toks[i-1].key != "or" && x.toks[i-1].text != ",") || len(x.ments) == 0 {
		return false
	}
	m := x.ments[len(x.ments)-1]
	k := x.ents[m.ent].Kind
	return m.b == i-1 && (m.place || k == model.KindCountry || k == model.KindPlace)
}

// lookup finds the longest gazetteer name starting at token i.
func (x *entityBuilder) lookup(i, end int, sentStart bool) (int, nameRef) {
	n := &x.g.root
	bestN, best := 0, nameRef{}
	for j := i; j < end; j++ {
		n = n.next[x.toks[j].key]
		if n == nil {
			break
		}
		if len(n.refs) == 0 {
			continue
		}
		var pick *nameRef
		for k := range n.refs {
			r := &n.refs[k]
			if !x.accept(*r, i, j-i+1, sentStart) {
				continue
			}
			if pick != nil && placeLike(*pick) && placeLike(*r) {
				pick = x.pickPlace(pick, r)
				continue
			}
			if pick == nil || (!pick.e.curated && r.e.curated) {
				pick = r
				continue
			}
			if pick.e.kind == model.KindPerson && r.e.kind == model.KindPerson && pick.e.curated == r.e.curated {
				if _, ok := x.current(pick.e); !ok {
					if _, ok := x.current(r.e); ok {
						pick = r
					}
				}
			}
		}
		if pick != nil {
			bestN, best = j-i+1, *pick
		}
	}
	return bestN, best
}

func (x *entityBuilder) isNameWord(i int, sentStart bool) bool {
	t := x.toks[i]
	if !t.word || t.script || !t.cap || t.currency {
		return false
	}
	if _, ok := titles[t.key]; ok && coreTitles[t.key] {
		return false
	}
	if stopwords[t.key] || months[t.key] != 0 || weekdays[t.key] != 0 || t.key == "sunday" {
		return false
	}
	if t.upper && len(t.text) > 6 {
		return false // a kicker in capitals ("ESPIONAGE:")
	}
	return true
}

// run measures a capitalised name starting at i; it reports its length and
// whether an organisation word heads it.
func (x *entityBuilder) run(i, end int, sentStart bool) (int, bool) {
	if !x.isNameWord(i, sentStart) && !(x.toks[i].cap && orgHeads[x.toks[i].key]) {
		return 0, false
	}
	j := i
	org := false
	for j < end {
		t := x.toks[j]
		if j > i && j+2 < end && x.initial(j) && x.isNameWord(j+2, false) {
			j += 2 // a middle initial: "John C. Emery"
			continue
		}
		if _, isTitle := titles[t.key]; isTitle && !org && !orgHeads[t.key] {
			if j > i && t.cap && x.orgAhead(j, end) {
				org = true // "International Trade Commission": a title word inside a body's name
				j++
				continue
			}
			break
		}
		if j > i && !org {
			gn, ref := x.lookup(j, end, false)
			inName := gn == 1 && j == i+1 && !sentStart && ref.form == formName && x.toks[j].cap && !x.toks[j].upper && x.toks[i].cap && !x.toks[i].upper
			if inName {
				if hn, _ := x.lookup(i, end, false); hn > 0 {
					inName = false
				}
			}
			if gn == 1 && ref.form == formDemonym && x.demonymSurname(i, j) {
				j++ // "Ron English said", "Glenn English, a Democrat": a surname
				continue
			}
			if !inName && (gn >= 2 || (gn == 1 && ref.e.kind == model.KindCountry && !orgHeads[x.toks[j+gn-1].key] && !(j+1 < end && orgHeads[x.toks[j+1].key]))) {
				// "Two Japanese", "Foreign Affairs Winston Peters": a known name
				// starts here; but "Air Canada" mid-sentence is one name
				break
			}
		}
		if x.isNameWord(j, false) || (t.cap && orgHeads[t.key]) {
			if orgHeads[t.key] {
				org = true
			}
			j++
			continue
		}
		if (nameConnectors[t.key] && org) || (personParticles[t.key] && !t.cap) {
			if j+1 < end && (x.isNameWord(j+1, false) || nameConnectors[x.toks[j+1].key]) && x.toks[j+1].cap || (j+1 < end && nameConnectors[x.toks[j+1].key] && j+2 < end && x.toks[j+2].cap) {
				j++
				continue
			}
		}
		break
	}
	// a trailing connector is not part of the name
	for j > i && nameConnectors[x.toks[j-1].key] {
		j--
	}
	return j - i, org
}

func (x *entityBuilder) entityFor(e *gazEntry) int {
	if idx, ok := x.byGaz[e]; ok {
		return idx
	}
	ent := Entity{Name: e.name, Kind: e.kind, Country: e.country, Role: e.role}
	if e.kind == model.KindPerson || len(e.ranges) > 0 {
		if r, ok := x.current(e); ok {
			ent.Country, ent.Role = r.country, r.role
		} else {
			ent.Role = ""
			for _, r := range e.ranges {
				if r.country != "" {
					ent.Country = r.country
				}
			}
		}
	}
	ent.Aliases = append([]string(nil), e.aliases...)
	x.ents = append(x.ents, ent)
	x.gazOf = append(x.gazOf, e)
	idx := len(x.ents) - 1
	x.byGaz[e] = idx
	return idx
}

func (x *entityBuilder) entityNamed(name string, kind model.EntityKind) int {
	k := foldKey(name)
	if idx, ok := x.byKey[k]; ok {
		return idx
	}
	x.ents = append(x.ents, Entity{Name: name, Kind: kind})
	x.gazOf = append(x.gazOf, nil)
	idx := len(x.ents) - 1
	x.byKey[k] = idx
	return idx
}

func (x *entityBuilder) addMention(ent, a, b int) int {
	x.ments = append(x.ments, mention{ent: ent, a: a, b: b})
	x.noteCountry(x.ents[ent].Country)
	for k := a; k < b; k++ {
		x.covered[k] = true
	}
	if b < len(x.toks) && (x.toks[b].key == "'s" || (x.toks[b].key == "'" && strings.HasSuffix(x.toks[b-1].key, "s"))) {
		x.ments[len(x.ments)-1].possessive = true
	}
	return len(x.ments) - 1
}

// recognise finds the entity mentions of the text.
func (x *entityBuilder) recognise(sents [][2]int) {
	x.byGaz = map[*gazEntry]int{}
	x.byKey = map[string]int{}
	x.covered = make([]bool, len(x.toks))
	x.titleFor = map[int]titleInfo{}
	if len(sents) > 0 {
		x.readDateline(sents[0][0], sents[0][1])
	}
	for _, s := range sents {
		first := s[0]
		for first < s[1] && !x.toks[first].word {
			first++
		}
		for i := s[0]; i < s[1]; {
			if !x.toks[i].word || x.covered[i] {
				i++
				continue
			}
			sentStart := i == first || (i > 0 && x.toks[i-1].text == ":")
			gn, ref := x.lookup(i, s[1], sentStart)
			rn, org := x.run(i, s[1], sentStart)
			if gn > 0 && rn > gn && (ref.form == formCity || ref.form == formPlace || ref.form == formShort || (ref.e.kind == model.KindPerson && !org) || (ref.e.kind == model.KindCountry && !org && !x.titleAt(i+rn))) {
				gn = 0 // "Delta Air Lines", "Charles Bowsher", "American Express": the word starts a longer name
			}
			if gn == 1 && ref.e.kind == model.KindOrganisation && ref.e.name != x.toks[i].text && ((ref.acronym && ref.e.role != "IGO" && x.toks[i].upper) || (!ref.acronym && wordOf(x.toks[i].key, ref.e.name))) {
				if _, named := x.byGaz[ref.e]; !named {
					// "CPC", "ICC", "Wagner", "Commonwealth": a short form of a
					// party, court or group names it only after its full name
					gn = 0
				}
			}
			if gn > 0 && ref.e.kind == model.KindOrganisation && ref.form == formName && x.partOfLongerName(i, gn) {
				gn = 0 // "Wagner and Brown", "German Chancellor Olaf Scholz": not the listed body
			}
			if gn > 0 && ref.e.role == "MED" && attribution(x.toks, i, i+gn) {
				i += gn // "told Reuters", "Reuters reported": the channel of the story, not a party
				continue
			}
			if gn > 0 && placeLike(ref) && insideOtherName(x.toks, i, i+gn, ref.form == formDemonym, foldKey(joinTokens(x.toks, i, i+gn)) != foldKey(ref.e.name), ref.form >= formCapital) {
				i += gn // "Gulf of Mexico", "Uruguay Round", "listed in Luxembourg": not a place of the story
				continue
			}
			if gn > 0 && ref.form == formDemonym && languageAfter(x.toks, i+gn) {
				i += gn // "English language", "French speakers": a language, not the country
				continue
			}
			if gn > 0 && ref.e.kind == model.KindCountry && currencyAfter(x.toks, i+gn) {
				i += gn // "Canadian dollar", "U.S. dlrs": a currency, not the country
				continue
			}
			switch {
			case gn == 1 && ref.form == formCity:
				// a lone city name: a person's name in the text comes first
				x.cityWords = append(x.cityWords, deferredShort{i, i + gn, ref.e})
				i += gn
			case gn > 0 && ref.form == formShort && (gn >= rn || !org):
				// a bare surname: a full name elsewhere in the text comes first
				x.shorts = append(x.shorts, deferredShort{i, i + gn, ref.e})
				i += gn
			case gn > 0 && (gn >= rn || !org) && ref.e.kind == model.KindPerson && ref.form == formName && !x.nearOffice(ref.e) && x.holdsOffice(ref.e):
				// an office-holder's name outside their time in office: a namesake,
				// or the person before or after office; linked to no office
				x.addMention(x.entityNamed(joinTokens(x.toks, i, i+gn), model.KindPerson), i, i+gn)
				i += gn
			case gn > 0 && (gn >= rn || !org):
				if e := x.townOfRegion(ref, i, i+gn); e != nil {
					ref = nameRef{e: e, form: formCity} // "San Jose, Calif.": the town of the region written after it
				}
				mi := x.addMention(x.entityFor(ref.e), i, i+gn)
				x.ments[mi].demonym = ref.form == formDemonym
				x.ments[mi].place = ref.form >= formCapital || ref.e.kind == model.KindPlace
				x.ments[mi].province = ref.form == formPlace
				i += gn
			case rn > 1 && gn == 0 && x.hyphenParts(i):
				// "Rwanda-backed M23 rebels", "Russian-led Collective Security
				// Treaty Organization": the country qualifies the name after it
				i++
			case rn > 0 && (org || rn > 1):
				x.unknown(i, i+rn, org, sentStart)
				i += rn
			case rn > 0:
				x.deferred = append(x.deferred, deferredRun{i, i + rn, sentStart})
				i += rn
			default:
				x.hyphenParts(i)
				i++
			}
		}
	}
	x.resolveDateline()
	x.titles()
	x.parenAliases()
	x.backrefs(sents)
	for _, d := range x.shorts {
		if x.covered[d.a] {
			continue
		}
		// a surname alone names an office-holder only after a title
		// ("President Reagan"), under a listed alias, or once the text has named them in full
		if _, linked := x.byGaz[d.e]; linked || d.e.curated || (d.a > 0 && surnameTitle(x.toks[d.a-1].key)) {
			x.addMention(x.entityFor(d.e), d.a, d.b)
		}
	}
	for _, d := range x.cityWords {
		if !x.covered[d.a] {
			e := d.e
			if t := x.townNamed(d.a, d.b); t != nil {
				e = t
			}
			mi := x.addMention(x.entityFor(e), d.a, d.b)
			x.ments[mi].place = true
		}
	}
	for _, d := range x.deferred {
		if x.covered[d.a] {
			continue
		}
		if d.b-d.a == 1 && x.hyphenParts(d.a) {
			continue
		}
		x.unknown(d.a, d.b, false, d.sentStart)
	}
	x.titles()
	sort.SliceStable(x.ments, func(a, b int) bool { return x.ments[a].a < x.ments[b].a })
}

// surnameTitle reports a title after which a single name is a surname
// ("President Reagan", "Chancellor Kohl"), not a given or regnal name
// ("Prince Charles").
func surnameTitle(key string) bool { return coreTitles[key] && !regnalTitles[key] }

// townOfRegion returns the town named at toks[a:b] when a region of another
// country than ref's follows it after a comma ("San Jose, Calif.", "Paris,
// Texas"): the region's town of that name, or a place of the region's country.
func (x *entityBuilder) townOfRegion(ref nameRef, a, b int) *gazEntry {
	if !placeLike(ref) || (ref.form < formCapital && ref.e.kind != model.KindPlace) {
		return nil
	}
	if b+1 >= len(x.toks) || x.toks[b].text != "," {
		return x.townNamed(a, b)
	}
	k := b + 1
	for k < len(x.toks) && k-b <= 4 && (x.toks[k].word || x.toks[k].text == ".") {
		k++
	}
	var region *gazEntry
	for end := k; end > b+1 && region == nil; end-- {
		region = x.g.regionAbbr[foldKey(joinTokens(x.toks, b+1, end))]
	}
	if region == nil || region.country == ref.e.country {
		return x.townNamed(a, b)
	}
	name := joinTokens(x.toks, a, b)
	var town *gazEntry
	for _, c := range x.g.cities[foldKey(name)] {
		if c.country == region.country {
			town = c
			break
		}
	}
	if town == nil {
		town = &gazEntry{name: name, kind: model.KindPlace, country: region.country}
	}
	if x.towns == nil {
		x.towns = map[string]*gazEntry{}
	}
	x.towns[foldKey(name)] = town
	return town
}

// townNamed returns the town the text has placed in a region under the
// name at toks[a:b] ("San Rafael, Calif." … "San Rafael"), or nil.
func (x *entityBuilder) townNamed(a, b int) *gazEntry {
	return x.towns[foldKey(joinTokens(x.toks, a, b))]
}

// unknown handles a capitalised name the gazetteer lacks.
func (x *entityBuilder) unknown(a, b int, org, sentStart bool) {
	n := b - a
	next := ""
	if b < len(x.toks) {
		next = x.toks[b].key
	}
	if n == 1 && companySuffixes[strings.ReplaceAll(x.toks[a].key, ".", "")] {
		return // "S.A. said": a company's designator, the company named before it
	}
	kind := model.KindOther
	switch {
	case org:
		kind = model.KindOrganisation
	case reportingVerbs[next] && n <= 4:
		kind = model.KindPerson
	case n >= 2 && n <= 4 && a > 0 && (x.toks[a-1].key == "said" || x.toks[a-1].key == "says"):
		kind = model.KindPerson // "…, said Albert Melnikov"
	case x.titleBefore(a).core:
		kind = model.KindPerson
	case n == 1 && x.toks[a].upper && len(x.toks[a].text) <= 6:
		kind = model.KindOrganisation
	case n == 1:
		return // a lone capitalised word is too often not a name
	}
	if n == 1 && x.titleAt(b) {
		return // "Minister of Social Affairs": part of a title
	}
	if sentStart && n == 1 {
		return
	}
	name := joinTokens(x.toks, a, b)
	if n >= 2 {
		// "the Supreme Court" after "the US Supreme Court": a short form
		suffix := " " + foldKey(name)
		for idx, e := range x.ents {
			if (e.Kind == kind || e.Kind == model.KindOrganisation) && strings.HasSuffix(foldKey(e.Name), suffix) {
				x.addMention(idx, a, b)
				return
			}
		}
	}
	idx := x.entityNamed(name, kind)
	if org {
		// "Chinese Ministry of Foreign Affairs": the country named first is its country
		// "British Petroleum Co", "Swiss Bank Corp", "Japan Fund Inc": in a
		// company's name the country is a brand word, not where it is
		// registered or where the story happens
		if gn, ref := x.lookup(a, b, false); gn > 0 && ref.e.kind == model.KindCountry && (ref.form == formName || ref.form == formDemonym) {
			switch {
			case x.governmentBody(a, b):
				x.ents[idx].Country, x.ents[idx].Role = ref.e.country, "GOV"
			case !x.companyName(a, b):
				x.ents[idx].Country = ref.e.country
			}
		}
	}
	x.addMention(idx, a, b)
}

// titleBefore reads the title words written just before token a.
func (x *entityBuilder) titleBefore(a int) titleInfo {
	ti := titleInfo{modifier: -1}
	j := a - 1
	for ; j >= 0 && a-j <= 6; j-- {
		t := x.toks[j]
		role, ok := titles[t.key]
		if !ok || x.covered[j] {
			break
		}
		if coreTitles[t.key] {
			ti.core = true
		}
		if role != "" && ti.role == "" {
			ti.role = role
		}
	}
	if ti.core && j > 0 && x.toks[j].key == "'s" && x.covered[j-1] {
		j-- // "Syria's interim president Ahmed al-Sharaa"
	}
	if ti.core && j >= 0 && x.covered[j] {
		for mi := range x.ments {
			m := &x.ments[mi]
			if m.b == j+1 {
				ti.modifier = mi
				ti.country = x.ents[m.ent].Country
				if x.ents[m.ent].Kind == model.KindOrganisation && x.ents[m.ent].Role == "IGO" && ti.role == "GOV" {
					ti.role = "IGO"
				}
			}
		}
	}
	return ti
}

// titles gives people named after a title their role and country, and marks
// the country or organisation before the title as a modifier.
func (x *entityBuilder) titles() {
	for mi := range x.ments {
		m := x.ments[mi]
		e := &x.ents[m.ent]
		if e.Kind != model.KindPerson && e.Kind != model.KindOther {
			continue
		}
		ti := x.titleBefore(m.a)
		if !ti.core {
			continue
		}
		if e.Kind == model.KindOther {
			e.Kind = model.KindPerson
		}
		x.titleFor[mi] = ti
		if ti.modifier >= 0 {
			x.ments[ti.modifier].prefix = true
		}
		if g := x.gazOf[m.ent]; g != nil {
			if _, ok := x.current(g); ok {
				continue
			}
		}
		if e.Role == "" {
			e.Role = ti.role
		}
		if e.Country == "" {
			e.Country = ti.country
		}
	}
	// "Foreign Minister Ahmed Attaf of Algeria"
	for _, m := range x.ments {
		e := &x.ents[m.ent]
		if e.Kind != model.KindPerson || e.Country != "" || m.b+1 >= len(x.toks) || x.toks[m.b].key != "of" {
			continue
		}
		for _, n := range x.ments {
			if n.a == m.b+1 && x.ents[n.ent].Kind == model.KindCountry {
				e.Country = x.ents[n.ent].Country
			}
		}
	}
	// a name or country directly before a title or another name modifies it
	for mi := range x.ments {
		m := &x.ments[mi]
		if m.possessive || m.b >= len(x.toks) {
			continue
		}
		if x.ents[m.ent].Kind == model.KindCountry && x.toks[m.b].cap && x.covered[m.b] {
			m.prefix = true
		}
	}
}

// parenAliases turns "Xi Jinping (習近平)" into an alias.
func (x *entityBuilder) parenAliases() {
	for _, m := range x.ments {
		b := m.b
		if b+2 < len(x.toks) && x.toks[b].text == "(" && x.toks[b+2].text == ")" {
			t := x.toks[b+1]
			if t.script || (t.upper && !x.covered[b+1]) {
				e := &x.ents[m.ent]
				if !slices.Contains(e.Aliases, t.text) && t.text != e.Name {
					e.Aliases = append(e.Aliases, t.text)
				}
				x.covered[b+1] = true
			}
		}
	}
}

// backrefs links later short forms ("Trump", "Brands", "Supreme Court") to the
// full names written elsewhere in the same text.
func (x *entityBuilder) backrefs(sents [][2]int) {
	short := map[string]int{}
	ambiguous := map[string]bool{}
	put := func(k string, ent int) {
		if old, ok := short[k]; ok && old != ent {
			ambiguous[k] = true
		}
		short[k] = ent
	}
	for _, m := range x.ments {
		e := x.ents[m.ent]
		if m.b-m.a < 2 || (e.Kind != model.KindPerson && e.Kind != model.KindOrganisation) {
			continue
		}
		if e.Kind == model.KindPerson {
			for k := m.a; k < m.b; k++ {
				if t := x.toks[k]; t.word && t.cap && len(t.text) >= 2 && !personParticles[t.key] {
					put(t.key, m.ent)
				}
			}
		} else if m.b-m.a >= 3 {
			put(x.toks[m.b-2].key+" "+x.toks[m.b-1].key, m.ent)
		}
	}
	if len(short) == 0 {
		return
	}
	for _, s := range sents {
		for i := s[0]; i < s[1]; i++ {
			t := x.toks[i]
			if x.covered[i] || !t.word || !t.cap {
				continue
			}
			if i+1 < s[1] && !x.covered[i+1] {
				k := t.key + " " + x.toks[i+1].key
				if ent, ok := short[k]; ok && !ambiguous[k] {
					x.addMention(ent, i, i+2)
					i++
					continue
				}
			}
			if ent, ok := short[t.key]; ok && !ambiguous[t.key] {
				x.addMention(ent, i, i+1)
			}
		}
	}
}

// hyphenParts finds countries inside hyphenated words: "China-US relations",
// "Iran-backed militias", "US-funded telescope", "British-flagged tanker".
func (x *entityBuilder) hyphenParts(i int) bool {
	t := x.toks[i]
	if !t.cap || !strings.Contains(t.text, "-") {
		return false
	}
	found := false
	off := t.start
	parts := strings.Split(t.text, "-")
	if x.hyphenFirm(t.key, parts) {
		return false
	}
	for k, part := range parts {
		n := len([]rune(part))
		if (k+1 < len(parts) && languageWords[foldKey(parts[k+1])]) || (k == 0 && i > 0 && x.toks[i-1].text == "New") {
			off += n + 1
			continue // "English-language": a language; "New Orleans-based": another place
		}
		if nd := x.g.root.next[foldKey(part)]; nd != nil {
			for _, ref := range nd.refs {
				if ref.e.kind != model.KindCountry && ref.e.kind != model.KindOrganisation {
					continue
				}
				if ref.acronym && !isUpperWord(part) {
					continue
				}
				if r, _ := utf8.DecodeRuneInString(part); !unicode.IsUpper(r) {
					continue
				}
				x.ments = append(x.ments, mention{ent: x.entityFor(ref.e), a: i, b: i + 1, rs: off, re: off + n})
				found = true
				break
			}
		}
		off += n + 1
	}
	return found
}

// demonymSurname reports whether the nationality adjective at token j ends
// a person's name begun by the single given name at token i: a speaker
// ("Ron English said") or a name set off by a comma ("Glenn English, a
// Democrat"), where a nationality adjective on its own would need a noun.
func (x *entityBuilder) demonymSurname(i, j int) bool {
	if _, title := titles[x.toks[i].key]; title || j != i+1 || x.toks[i].upper || x.toks[j].upper || !x.toks[i].cap || orgHeads[x.toks[i].key] {
		return false
	}
	if gn, ref := x.lookup(i, j, false); gn > 0 && placeLike(ref) {
		return false // "Quebec French, …": a place before it
	}
	return j+1 < len(x.toks) && (reportingVerbs[x.toks[j+1].key] || x.toks[j+1].text == ",")
}

// hyphenFirm reports whether the hyphenated word key is a company's name
// ("Georgia-Pacific Corp", and "Georgia-Pacific" again later): somewhere in
// the text a company word follows it, and one of its parts names no country
// or body ("Pacific"), unlike "US-China Business Council".
func (x *entityBuilder) hyphenFirm(key string, parts []string) bool {
	if x.hyphenFirms == nil {
		x.hyphenFirms = map[string]bool{}
		for j := 0; j+1 < len(x.toks); j++ {
			t, next := x.toks[j], x.toks[j+1]
			if t.cap && strings.Contains(t.text, "-") && next.cap && (companySuffixes[next.key] || companyHeads[next.key]) {
				x.hyphenFirms[t.key] = true
			}
		}
	}
	if !x.hyphenFirms[key] {
		return false
	}
	for _, part := range parts {
		named := false
		if nd := x.g.root.next[foldKey(part)]; nd != nil {
			for _, ref := range nd.refs {
				named = named || ref.e.kind == model.KindCountry || ref.e.kind == model.KindOrganisation
			}
		}
		if !named {
			return true
		}
	}
	return false
}

// partOfLongerName reports whether the organisation name at toks[i:i+n] is
// only part of what is written: joined by "and" to another capitalised name
// (a firm named after its partners), or a title before a person's name
// ("German Chancellor Olaf Scholz").
func (x *entityBuilder) partOfLongerName(i, n int) bool {
	j := i + n
	if j+1 < len(x.toks) && (x.toks[j].key == "and" || x.toks[j].key == "&") && n == 1 && x.toks[j+1].cap && !x.toks[j+1].upper {
		return true
	}
	if j >= len(x.toks) || !x.toks[j].cap || !x.toks[j].word {
		return false
	}
	for k := i; k < j; k++ {
		if coreTitles[x.toks[k].key] {
			return true // "Secretary of State Mike Pompeo"
		}
	}
	return false
}

// governmentHeads are the words that make a name headed by a country a
// government body ("Chinese Ministry of Foreign Affairs", "U.S. District
// Court") rather than a company ("Unicorp American Corp").
var governmentHeads = set(`ministry department government court parliament assembly congress senate army navy force forces police
guard cabinet embassy consulate council commission agency office bureau administration authority mission tribunal`)

// governmentBody reports whether toks[a:b] names a government body.
func (x *entityBuilder) governmentBody(a, b int) bool {
	for k := a; k < b; k++ {
		if governmentHeads[x.toks[k].key] {
			return true
		}
	}
	return false
}

// companyHeads are the words that make a name a company's.
var companyHeads = set(`bank banks fund funds group holdings securities industries motors systems enterprises investments associates
communications technologies properties savings insurance airlines airways partners trust petroleum oil steel leasing finance
financial capital credit`)

// companyName reports whether toks[a:b] names a company.
func (x *entityBuilder) companyName(a, b int) bool {
	for k := a; k < b; k++ {
		if companySuffixes[x.toks[k].key] || companyHeads[x.toks[k].key] {
			return true
		}
	}
	return false
}

// holdsOffice reports whether a gazetteer person is known for an office
// (not only as one of a country's elite).
func (x *entityBuilder) holdsOffice(e *gazEntry) bool {
	for _, r := range e.ranges {
		if officeRoles[r.role] {
			return true
		}
	}
	return false
}

// titleAt reports whether token i is a title word ("Saudi Oil Minister").
func (x *entityBuilder) titleAt(i int) bool {
	if i >= len(x.toks) {
		return false
	}
	_, ok := titles[x.toks[i].key]
	return ok
}

// initial reports whether toks[j] is a middle initial: one capital letter
// directly followed by a period.
func (x *entityBuilder) initial(j int) bool {
	t := x.toks[j]
	return len(t.text) == 1 && t.cap && j+1 < len(x.toks) && x.toks[j+1].text == "." && x.toks[j+1].start == t.end
}

// orgAhead reports whether the capitalised words from toks[j] run on to an
// organisation word within a few tokens.
func (x *entityBuilder) orgAhead(j, end int) bool {
	for k := j; k < end && k < j+4 && x.toks[k].cap; k++ {
		if orgHeads[x.toks[k].key] {
			return true
		}
	}
	return false
}

// wordOf reports whether key is one of the words of name: a short form
// ("Wagner" of "Wagner Group"), not a spelling of its own ("Hizbollah").
func wordOf(key, name string) bool {
	for _, w := range strings.Fields(name) {
		if foldKey(w) == key {
			return true
		}
	}
	return false
}

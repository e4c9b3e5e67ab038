package extract

import (
	"strings"

	"github.com/attache-app/attache/data/model"
)

// dateline is the place line that opens a wire story ("CAMDEN, N.J., March
// 30 -", "TOKYO, March 3 -", "GENEVA (Reuters) -"): where the story was filed.
type dateline struct {
	ok         bool
	cityA      int         // first token of the place
	cityB      int         // end of the place's tokens
	ent        int         // the place's entity, -1 until resolved
	candidates []*gazEntry // cities of that name, when context must choose
	written    string      // the place as written
}

// datelineDashes end a dateline.
var datelineDashes = set(`- -- – —`)

// readDateline recognises the dateline at the start of the sentence
// [s0, s1) and names its place: the city in its region or country, a
// capital, or a city chosen by the countries the story names.
func (x *entityBuilder) readDateline(s0, s1 int) {
	x.dateline.ent = -1
	defer func() { x.datelineRead = true }()
	toks := x.toks
	if s0 >= s1 || !toks[s0].word || !toks[s0].cap {
		return
	}
	j := s0
	for j < s1 && j-s0 < 6 && (toks[j].word || (toks[j].text == "." && j > s0 && len(toks[j-1].text) <= 3)) {
		j++
	}
	if j == s0 || j >= s1 || j-s0 >= 6 {
		return
	}
	cityB := j
	k := j
	var region *gazEntry
	regionCountry := ""
	switch {
	case toks[k].text == ",":
		k++
		r := k
		for k < s1 && k-r < 5 && (toks[k].word || toks[k].text == ".") && !isMonth(toks[k]) {
			k++
		}
		if k > r {
			rn := joinTokens(toks, r, k)
			if e := x.g.regionAbbr[foldKey(rn)]; e != nil {
				region, regionCountry = e, e.country
			} else if gn, ref := x.lookup(r, k, false); gn == k-r && ref.e.kind == model.KindCountry {
				region, regionCountry = ref.e, ref.e.country
			} else {
				return // "Smith, chairman of …": not a dateline
			}
			if k < s1 && toks[k].text == "," {
				k++
			}
		}
		if !(k < s1 && (isMonth(toks[k]) || datelineDashes[toks[k].text] || toks[k].text == "(")) {
			return
		}
	case toks[k].text == "(" || datelineDashes[toks[k].text]:
		if cityB-s0 > 3 || !toks[s0].upper {
			return // "GENEVA (Reuters) -": a place in capitals
		}
	default:
		return
	}
	d := &x.dateline
	d.ok, d.cityA, d.cityB = true, s0, cityB
	d.written = joinTokens(toks, s0, cityB)
	if region != nil {
		x.markRegion(cityB+1, k)
	}
	// the country a capital or known place stands for ("TOKYO")
	trieCountry := ""
	var trieRef *nameRef
	if gn, ref := x.lookup(s0, cityB, false); gn == cityB-s0 && placeLike(ref) {
		trieCountry, trieRef = ref.e.country, &ref
	}
	want := regionCountry
	if want == "" {
		want = trieCountry
	}
	var cands []*gazEntry
	for _, c := range x.g.datelineCities(foldKey(d.written)) {
		if want == "" || c.country == want {
			cands = append(cands, c)
		}
	}
	switch {
	case len(cands) > 0 && (want != "" || len(cands) == 1):
		x.datelineMention(x.entityFor(cands[0]))
	case len(cands) > 0:
		d.candidates = cands // chosen once the story's countries are known
	case trieRef != nil && (regionCountry == "" || trieCountry == regionCountry):
		// "WARRINGTON, Pa.": a town of the dateline's region, not its namesake abroad
		x.datelineMention(x.entityFor(trieRef.e))
	case regionCountry != "":
		idx := x.entityNamed(titleCase(d.written), model.KindPlace)
		x.ents[idx].Country = regionCountry
		x.datelineMention(idx)
	default:
		d.ok = false
	}
}

// markRegion adds the mention of the region written in toks[a:b] of the dateline.
func (x *entityBuilder) markRegion(a, b int) {
	for a < b && !x.toks[a].word {
		a++
	}
	for b > a && !x.toks[b-1].word && x.toks[b-1].text != "." {
		b--
	}
	if b > a && x.toks[b-1].text == "," {
		b--
	}
	if e := x.g.regionAbbr[foldKey(joinTokens(x.toks, a, b))]; e != nil {
		mi := x.addMention(x.entityFor(e), a, b)
		x.ments[mi].dateline = true
	} else if gn, ref := x.lookup(a, b, false); gn > 0 && ref.e.kind == model.KindCountry {
		mi := x.addMention(x.entityFor(ref.e), a, a+gn)
		x.ments[mi].dateline = true
	}
}

func (x *entityBuilder) datelineMention(ent int) {
	d := &x.dateline
	d.ent = ent
	mi := x.addMention(ent, d.cityA, d.cityB)
	x.ments[mi].dateline = true
}

// resolveDateline chooses between cities of the dateline's name by the
// countries the story names most, then by population.
func (x *entityBuilder) resolveDateline() {
	d := &x.dateline
	if len(d.candidates) == 0 {
		return
	}
	best := d.candidates[0]
	for _, c := range d.candidates[1:] {
		if x.seen[c.country] > x.seen[best.country] {
			best = c
		}
	}
	d.candidates = nil
	x.datelineMention(x.entityFor(best))
}

func isMonth(t token) bool {
	_, ok := months[t.key]
	if !ok {
		_, ok = months[t.key+"."]
	}
	return ok // a dateline may print the month in lower case ("BOSTON, Mass., march 4 -")
}

func titleCase(s string) string {
	f := strings.Fields(strings.ToLower(s))
	for i, w := range f {
		f[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(f, " ")
}

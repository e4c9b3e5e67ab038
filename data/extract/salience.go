package extract

import (
	"strings"

	"github.com/attache-app/attache/data/model"
)

// The lead of a story, where news says what and which countries it is
// about, is its first leadSentences sentences (the dateline's included) or
// its first leadWords words, whichever reach further: a short story is all
// lead.
const (
	leadSentences = 2
	leadWords     = 80
)

// salientMentions is how many mentions make a country one the text is
// about wherever they are: a country named again is more than an aside.
const salientMentions = 2

// salientCountries returns the countries the text is about: those named in
// the dateline or the first sentence, named in the rest of the lead other
// than descriptively, named at least salientMentions times (as a country, a
// demonym, a capital, a city or region of theirs, or the country of a person
// or body), or a party to one of its events. A country named once in
// passing further on ("sales rose in Japan and Singapore", "the London
// market", "a Canadian firm") is an aside, not one of the text's countries.
func (x *entityBuilder) salientCountries(sents [][2]int, evs []Event, lx lexicon) map[string]bool {
	leadEnd := x.leadEnd(sents)
	firstEnd := len(x.toks)
	if len(sents) > 0 {
		firstEnd = sents[0][1]
	}
	salient := map[string]bool{}
	named := map[string]int{}
	for _, m := range x.ments {
		c := x.ents[m.ent].Country
		if c == "" {
			continue
		}
		named[c]++
		if m.dateline || m.a < firstEnd || (m.a < leadEnd && !x.descriptive(m, lx)) || named[c] >= salientMentions {
			salient[c] = true
		}
	}
	for _, ev := range evs {
		for _, ids := range [][]int{ev.Actors, ev.Recipients} {
			for _, id := range ids {
				salient[x.ents[id].Country] = true
			}
		}
	}
	return salient
}

// descriptive reports whether mention m only describes something by its
// country or place rather than naming the country as a party: an
// adjective of nationality before anything but its state or people ("a
// Canadian company", "Japanese products", but "Sudanese officials"), or a
// capital or city where something is or happens ("talks in London", "the
// London market", "Tokyo-based"), but not one standing for its government
// ("Washington said", "Washington criticised", "talks with Moscow"); lx
// tells the verbs.
func (x *entityBuilder) descriptive(m mention, lx lexicon) bool {
	next := ""
	if m.b < len(x.toks) {
		next = x.toks[m.b].key
	}
	switch {
	case m.re > m.rs:
		t := x.toks[m.a]
		return strings.EqualFold(string([]rune(t.text)[m.re-t.start:]), "-based") // "London-based", "U.S.-based"
	case m.demonym:
		return !m.prefix && !politicalNouns[next]
	case m.place:
		if m.a > 0 && (placePrepositions[x.toks[m.a-1].key] || x.toks[m.a-1].key == "of") {
			return true
		}
		return m.b < len(x.toks) && x.toks[m.b].word && !x.toks[m.b].cap && !reportingVerbs[next] && lx[next] == nil
	}
	return false
}

// aside reports whether entity i is a country or a place named only in
// passing: its country is not one the text is about.
func (x *entityBuilder) aside(i int, salient map[string]bool) bool {
	e := x.ents[i]
	return (e.Kind == model.KindCountry || e.Kind == model.KindPlace) && e.Country != "" && !salient[e.Country]
}

// leadEnd returns the token where the lead of the text ends.
func (x *entityBuilder) leadEnd(sents [][2]int) int {
	if len(sents) <= leadSentences {
		return len(x.toks)
	}
	end := sents[leadSentences-1][1]
	words := 0
	for i, t := range x.toks {
		if t.word {
			words++
		}
		if words > leadWords {
			return max(end, i)
		}
	}
	return len(x.toks)
}

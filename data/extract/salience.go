package extract

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
// the dateline or the lead, named at least salientMentions times (as a
// country, a demonym, a capital, a city or region of theirs, or the country
// of a person or body), or a party to one of its events. A country named
// once in passing further on ("sales rose in Japan and Singapore", "the
// London market") is an aside, not one of the text's countries.
func (x *entityBuilder) salientCountries(sents [][2]int, evs []Event) map[string]bool {
	leadEnd := x.leadEnd(sents)
	salient := map[string]bool{}
	named := map[string]int{}
	for _, m := range x.ments {
		c := x.ents[m.ent].Country
		if c == "" {
			continue
		}
		named[c]++
		if m.dateline || m.a < leadEnd || named[c] >= salientMentions {
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

// aside reports whether entity i is a country or a place named only in
// passing: its country is not one the text is about.
func (x *entityBuilder) aside(i int, salient map[string]bool) bool {
	e := x.ents[i]
	return (e.Kind == KindCountry || e.Kind == KindPlace) && e.Country != "" && !salient[e.Country]
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

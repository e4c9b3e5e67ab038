package export

import "strings"

// Lanes names the ways events are grouped into lanes, by the timeline and by
// WriteTimelineJS, in the order a picker shows them: "actor" (all actors,
// "United States, China"), "pair" (the actors' and the recipients' countries
// in a fixed order, so that both directions share a lane: "CHN – USA") and
// "type" (the PLOVER type).
var Lanes = []string{"actor", "pair", "type"}

// Lane returns the grouping function named name (see Lanes) for
// WriteTimelineJS, and false for an unknown name.
func Lane(name string) (func(EventRecord) string, bool) {
	switch name {
	case "actor":
		return func(ev EventRecord) string { return PartyNames(ev.Actor) }, true
	case "pair":
		return func(ev EventRecord) string { return CountryPair(ev.Actor, ev.Recipient) }, true
	case "type":
		return func(ev EventRecord) string { return ev.Event.Label() }, true
	}
	return nil, false
}

// PartyNames joins parties' names, as actor lanes and headlines show them;
// "—" when there are none.
func PartyNames(ps []Party) string {
	if len(ps) == 0 {
		return "—"
	}
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Name
	}
	return strings.Join(out, ", ")
}

// PartyCountries joins parties' distinct country codes (their names when they
// have none) with "+"; "?" when there are no parties.
func PartyCountries(ps []Party) string {
	seen := map[string]bool{}
	var out []string
	for _, p := range ps {
		c := p.Country
		if c == "" {
			c = p.Name
		}
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return "?"
	}
	return strings.Join(out, "+")
}

// CountryPair is the country-pair lane of an event between actors and
// recipients: both sides' countries, the smaller first, so that "USA – CHN"
// and "CHN – USA" are one lane.
func CountryPair(actors, recipients []Party) string {
	a, b := PartyCountries(actors), PartyCountries(recipients)
	if a > b {
		a, b = b, a
	}
	return a + " – " + b
}

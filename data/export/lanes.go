package export

// Lanes names the ways WriteTimelineJS can group events, in the order a
// picker shows them: "actor" (the first actor), "pair" (the first actor's and
// first recipient's countries, "USA – CHN") and "type" (the PLOVER type).
var Lanes = []string{"actor", "pair", "type"}

// Lane returns the grouping function named name (see Lanes) for
// WriteTimelineJS, and false for an unknown name.
func Lane(name string) (func(EventRecord) string, bool) {
	switch name {
	case "actor":
		return func(ev EventRecord) string { return firstName(ev.Actor) }, true
	case "pair":
		return func(ev EventRecord) string { return firstCountry(ev.Actor) + " – " + firstCountry(ev.Recipient) }, true
	case "type":
		return func(ev EventRecord) string { return ev.Event.Label() }, true
	}
	return nil, false
}

func firstName(ps []Party) string {
	if len(ps) == 0 {
		return "(none)"
	}
	return ps[0].Name
}

// firstCountry is the country code of the first party, or its name when it
// has none.
func firstCountry(ps []Party) string {
	if len(ps) > 0 && ps[0].Country != "" {
		return ps[0].Country
	}
	return firstName(ps)
}

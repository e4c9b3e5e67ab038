package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
)

// goldSentence is one hand-coded sentence: the events a coder records from
// it, each with its PLOVER type and the countries of source and target
// ("" when the target has none).
type goldSentence struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	Published string `json:"published"`
	Events    []struct {
		Event     string `json:"event"`
		Actor     string `json:"actor"`
		Recipient string `json:"recipient"`
	} `json:"events"`
}

type ploverScore struct {
	sentences, withEvent, covered    int
	typeOK, actorOK, recipN, recipOK int
	negatives, negativesWithEvent    int
	misses                           []string
}

func scorePlover(goldPath, outPath string, verbose bool) (*ploverScore, error) {
	gold := map[string]goldSentence{}
	if err := eachJSONL(goldPath, func(b []byte) error {
		var g goldSentence
		if err := json.Unmarshal(b, &g); err != nil {
			return err
		}
		gold[g.ID] = g
		return nil
	}); err != nil {
		return nil, err
	}
	outs, err := readJSONL[extracted](outPath)
	if err != nil {
		return nil, err
	}
	p := &ploverScore{}
	for _, o := range outs {
		g, ok := gold[o.ID]
		if !ok {
			continue
		}
		p.sentences++
		if len(g.Events) == 0 {
			p.negatives++
			if len(o.Events) > 0 {
				p.negativesWithEvent++
				p.miss(verbose, "false event %s: %s %v->%v", g.ID, o.Events[0].Event, o.Events[0].Actor, o.Events[0].Recipient)
			}
			continue
		}
		want := g.Events[0]
		p.withEvent++
		if len(o.Events) == 0 {
			p.miss(verbose, "no event %s: %q", g.ID, g.Text)
			continue
		}
		p.covered++
		if want.Recipient != "" {
			p.recipN++
		}
		// the system event that agrees best with the coded one
		best, bestScore := 0, -1
		for i, ev := range o.Events {
			sc := 0
			if ev.Event == want.Event {
				sc += 4
			}
			if hasCountry(ev.Actor, want.Actor) {
				sc += 2
			}
			if want.Recipient != "" && hasCountry(ev.Recipient, want.Recipient) {
				sc++
			}
			if sc > bestScore {
				best, bestScore = i, sc
			}
		}
		ev := o.Events[best]
		okT, okA, okR := ev.Event == want.Event, hasCountry(ev.Actor, want.Actor), want.Recipient != "" && hasCountry(ev.Recipient, want.Recipient)
		if okT {
			p.typeOK++
		}
		if okA {
			p.actorOK++
		}
		if okR {
			p.recipOK++
		}
		if !okT || !okA || (want.Recipient != "" && !okR) {
			p.miss(verbose, "%s: want %s %s->%s, got %s %v->%v", g.ID, want.Event, want.Actor, want.Recipient, ev.Event, ev.Actor, ev.Recipient)
		}
	}
	return p, nil
}

func (p *ploverScore) miss(verbose bool, format string, a ...any) {
	if verbose {
		p.misses = append(p.misses, fmt.Sprintf(format, a...))
	}
}

func hasCountry(ps []party, code string) bool {
	return slices.ContainsFunc(ps, func(p party) bool { return p.Country == code })
}

func (p *ploverScore) print(w io.Writer) {
	fmt.Fprintf(w, "\nPLOVER-style dev sentences     %d (%d coded with an event, %d without)\n", p.sentences, p.withEvent, p.negatives)
	fmt.Fprintf(w, "coverage                        %.3f (%d/%d)\n", frac(p.covered, p.withEvent), p.covered, p.withEvent)
	fmt.Fprintf(w, "event type                      %.3f (%d/%d covered)\n", frac(p.typeOK, p.covered), p.typeOK, p.covered)
	fmt.Fprintf(w, "source-actor country            %.3f (%d/%d covered)\n", frac(p.actorOK, p.covered), p.actorOK, p.covered)
	fmt.Fprintf(w, "recipient country               %.3f (%d/%d covered with a coded recipient)\n", frac(p.recipOK, p.recipN), p.recipOK, p.recipN)
	fmt.Fprintf(w, "events on sentences without one %d/%d\n", p.negativesWithEvent, p.negatives)
	for _, m := range p.misses {
		fmt.Fprintln(w, "  "+m)
	}
}

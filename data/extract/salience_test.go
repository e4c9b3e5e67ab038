package extract_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/extract"
)

// countryCodes lists the country codes of the entities of r.
func countryCodes(r extract.Result) []string {
	var out []string
	for _, e := range r.Entities {
		if e.Country != "" && !slices.Contains(out, e.Country) {
			out = append(out, e.Country)
		}
	}
	slices.Sort(out)
	return out
}

// countryCase is a text and the countries its entities must carry.
type countryCase struct {
	name, text string
	want       []string
}

// checkCountries extracts each case's text and compares its countries.
func checkCountries(t *testing.T, cases []countryCase) {
	t.Helper()
	x := newExtractor(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := countryCodes(x.Extract(tc.text, "1987-03-03"))
			if !slices.Equal(got, tc.want) {
				t.Errorf("countries %v, want %v in %q", got, tc.want, tc.text[:min(80, len(tc.text))]+"…")
			}
		})
	}
}

// filler is a paragraph that names no country, to make a story long.
const filler = "The company said sales of its household products rose nine pct in the quarter, helped by lower raw material costs and a stronger order book. " +
	"It expects margins to improve further in the second half as new plants come into production and older capacity is closed. " +
	"Analysts said the results were in line with their forecasts and that the shares had already risen on expectations of a good year. "

// A country named once in passing deep in a long story is an aside, not
// one of the story's countries; named in the dateline, in the lead, twice,
// or as a party to an event, it is.
func TestCountriesNamedInPassing(t *testing.T) {
	checkCountries(t, []countryCase{
		{"once, late in a long story", "DALLAS, March 3 - Harbor Foods Inc said profits rose. " + filler + filler + "It also sells its sauces in Norway.", []string{"USA"}},
		{"a capital once, late in a long story", "DALLAS, March 3 - Harbor Foods Inc said profits rose. " + filler + filler + "Its shares are also traded in Vienna.", []string{"USA"}},
		{"named twice", "DALLAS, March 3 - Harbor Foods Inc said profits rose. " + filler + filler + "It sells its sauces in Norway. Norway took a third of exports.", []string{"NOR", "USA"}},
		{"in the lead", "DALLAS, March 3 - Harbor Foods Inc said profits rose on sales in Norway. " + filler + filler, []string{"NOR", "USA"}},
		{"in the dateline", "OSLO, March 3 - Harbor Foods Inc said profits rose. " + filler + filler, []string{"NOR"}},
		{"a party to an event", "DALLAS, March 3 - Harbor Foods Inc said profits rose. " + filler + filler + "Norway imposed sanctions on Iran.", []string{"IRN", "NOR", "USA"}},
		{"an adjective describing a company, after the first sentence", "DALLAS, March 3 - Harbor Foods Inc said profits rose. It is owned by a Canadian firm. " + filler + filler, []string{"USA"}},
		{"an adjective before officials, after the first sentence", "DALLAS, March 3 - Harbor Foods Inc said profits rose. Canadian officials approved the plant. " + filler + filler, []string{"CAN", "USA"}},
		{"a capital as where talks were, after the first sentence", "DALLAS, March 3 - Harbor Foods Inc said profits rose. It held talks in Vienna. " + filler + filler, []string{"USA"}},
		{"a capital as a market, after the first sentence", "DALLAS, March 3 - Harbor Foods Inc said profits rose. Its shares trade on the Vienna market. " + filler + filler, []string{"USA"}},
		{"a capital as a company's home, after the first sentence", "DALLAS, March 3 - Harbor Foods Inc said profits rose. It sold a unit to Vienna-based Alpen Holding. " + filler + filler, []string{"USA"}},
		{"a capital standing for its government", "DALLAS, March 3 - Harbor Foods Inc said profits rose. Vienna criticised the plant. " + filler + filler, []string{"AUT", "USA"}},
		{"a capital in the first sentence", "DALLAS, March 3 - Harbor Foods Inc said profits rose after talks in Vienna. " + filler + filler, []string{"AUT", "USA"}},
		{"a short story is all lead", "Fiji's prime minister called for calm. Leaders from Samoa are expected to attend. Observers said Kiribati and Nauru would send envoys.", []string{"FJI", "KIR", "NRU", "WSM"}},
	})
}

// A country left out as an aside leaves no mention behind, and the
// remaining entities' mentions and events still line up.
func TestAsideLeavesConsistentResult(t *testing.T) {
	x := newExtractor(t)
	text := "OSLO, March 3 - Norway imposed sanctions on Iran. " + filler + filler + "Its shares are also traded in Vienna."
	r := x.Extract(text, "1987-03-03")
	runes := []rune(text)
	for _, e := range r.Entities {
		if e.Country == "AUT" {
			t.Errorf("Austria named once in passing is listed: %+v", e)
		}
		for _, m := range e.Mentions {
			if m.End > len(runes) || strings.TrimSpace(string(runes[m.Start:m.End])) == "" {
				t.Errorf("mention %v of %s out of the text", m, e.Name)
			}
		}
	}
	if len(r.Events) == 0 {
		t.Fatal("no event coded")
	}
	for _, ev := range r.Events {
		for _, id := range append(append([]int(nil), ev.Actors...), ev.Recipients...) {
			if id < 0 || id >= len(r.Entities) {
				t.Fatalf("event party %d out of range of %d entities", id, len(r.Entities))
			}
		}
		if a := r.Entities[ev.Actors[0]].Country; a != "NOR" {
			t.Errorf("actor %s, want NOR", a)
		}
	}
}

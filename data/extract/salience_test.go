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

// filler is a paragraph that names no country, to make a story long.
const filler = "The company said sales of its household products rose nine pct in the quarter, helped by lower raw material costs and a stronger order book. " +
	"It expects margins to improve further in the second half as new plants come into production and older capacity is closed. " +
	"Analysts said the results were in line with their forecasts and that the shares had already risen on expectations of a good year. "

// A country named once in passing deep in a long story is an aside, not
// one of the story's countries; named in the dateline, in the lead, twice,
// or as a party to an event, it is.
func TestCountriesNamedInPassing(t *testing.T) {
	x := newExtractor(t)
	cases := []struct {
		name, text string
		want       []string
	}{
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
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := countryCodes(x.Extract(tc.text, "1987-03-03"))
			if !slices.Equal(got, tc.want) {
				t.Errorf("countries %v, want %v in %q", got, tc.want, tc.text[:min(80, len(tc.text))]+"…")
			}
		})
	}
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

// Names that only borrow a place's or a country's name: an agreement named
// after the city where it was made, a company with a hyphenated name.
func TestNamesBorrowingAPlace(t *testing.T) {
	x := newExtractor(t)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"agreement after a city, lower case", "Dealers tested the Rome accord again as the dollar fell.", nil},
		{"creditor club after a city, lower case", "The debt was rescheduled through the Paris club last year.", nil},
		{"the city itself stays", "Ministers agreed in Rome to cut rates.", []string{"ITA"}},
		{"a negotiating round named after where it began", "Trade ministers reviewed the latest Uruguay round of talks.", nil},
		{"hyphenated company", "Chile-Pacific Corp said profits rose. Chile-Pacific also raised its dividend.", nil},
		{"hyphenated company of two countries' names is theirs", "The Japan-Korea Trade Council met in Seoul.", []string{"JPN", "KOR"}},
		{"hyphenated relation", "Oman-Iran relations improved.", []string{"IRN", "OMN"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := countryCodes(x.Extract(tc.text, "1987-03-03"))
			if !slices.Equal(got, tc.want) {
				t.Errorf("countries %v, want %v in %q", got, tc.want, tc.text)
			}
		})
	}
}

// A dateline may name a large city by another name GeoNames lists for it
// ("FRANKFURT" for Frankfurt am Main, "GENEVA" for Genève): the city, in its
// country.
func TestDatelineCityByOtherName(t *testing.T) {
	x := newExtractor(t)
	for _, tc := range []struct{ text, name, country string }{
		{"FRANKFURT, March 3 - The central bank left rates unchanged.", "Frankfurt am Main", "DEU"},
		{"GENEVA, March 3 - Trade officials met again.", "Genève", "CHE"},
	} {
		r := x.Extract(tc.text, "1987-03-03")
		if len(r.Entities) == 0 || r.Entities[0].Name != tc.name || r.Entities[0].Kind != extract.KindPlace || r.Entities[0].Country != tc.country {
			t.Errorf("%q: first entity %+v, want the place %s in %s", tc.text, r.Entities, tc.name, tc.country)
		}
	}
}

// A nationality adjective after a single given name, before "said" or a
// comma, is the person's surname, not a country.
func TestNationalitySurname(t *testing.T) {
	x := newExtractor(t)
	for _, tc := range []struct {
		text, person string
		countries    []string
	}{
		{"The utility's lawyer Dale French said the plan would fail.", "Dale French", nil},
		{"Ken Irish, a spokesman, declined to comment.", "Ken Irish", nil},
		{"The British said they would act.", "", []string{"GBR"}},
	} {
		r := x.Extract(tc.text, "1987-03-03")
		if got := countryCodes(r); !slices.Equal(got, tc.countries) {
			t.Errorf("%q: countries %v, want %v", tc.text, got, tc.countries)
		}
		if tc.person == "" {
			continue
		}
		found := false
		for _, e := range r.Entities {
			found = found || e.Name == tc.person
		}
		if !found {
			t.Errorf("%q: no entity %q in %+v", tc.text, tc.person, r.Entities)
		}
	}
}

// A credit rating written as two words ("Triple A") is no armed group's
// name and names no country.
func TestRatingNamesNoGroup(t *testing.T) {
	x := newExtractor(t)
	text := "The notes are rated Triple A by the agency and will be sold next week."
	r := x.Extract(text, "1987-03-03")
	if got := countryCodes(r); len(got) != 0 {
		t.Errorf("%q: countries %v, want none; entities %+v", text, got, r.Entities)
	}
}

// A body is not linked in news published before it was founded: "WTO" in
// 1987 is not the World Trade Organization (1995).
func TestBodyNotLinkedBeforeItsFounding(t *testing.T) {
	x := newExtractor(t)
	text := "Delegates of the WTO met in Geneva on Monday."
	for _, tc := range []struct {
		published string
		want      bool
	}{{"1987-03-03", false}, {"2020-03-03", true}} {
		linked := false
		for _, e := range x.Extract(text, tc.published).Entities {
			linked = linked || e.Name == "World Trade Organization"
		}
		if linked != tc.want {
			t.Errorf("published %s: World Trade Organization linked = %v, want %v", tc.published, linked, tc.want)
		}
	}
}

// Another name GeoNames lists for a large city is not taken for it when it
// is the own name of another sizeable city: "San Miguel" is not San Diego.
func TestCityOtherNameOfAnotherCity(t *testing.T) {
	x := newExtractor(t)
	text := "Guerrillas attacked an army post near San Miguel on Monday."
	for _, e := range x.Extract(text, "1987-03-03").Entities {
		if e.Country == "USA" {
			t.Errorf("%q: %s (%s) taken for a US city", text, e.Name, e.Country)
		}
	}
}

// A dependent territory is a place of its own, not its sovereign's country
// nor an organisation: "the Netherlands Antilles" is not the Netherlands,
// "Turks and Caicos" not Turkey.
func TestDependentTerritories(t *testing.T) {
	x := newExtractor(t)
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"The fund is incorporated in the Netherlands Antilles.", []string{"ANT"}},
		{"The bank opened a branch in the Turks and Caicos Islands.", []string{"TCA"}},
		{"HAMILTON, Bermuda, March 19 - The insurer said profits rose.", []string{"BMU"}},
		{"The notes are issued by a unit in the British Virgin Islands.", []string{"VGB"}},
	} {
		if got := countryCodes(x.Extract(tc.text, "1987-03-19")); !slices.Equal(got, tc.want) {
			t.Errorf("%q: countries %v, want %v", tc.text, got, tc.want)
		}
	}
}

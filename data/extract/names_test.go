package extract_test

import (
	"slices"
	"testing"

	"github.com/attache-app/attache/data/model"
)

// Names that only borrow a place's or a country's name: an agreement named
// after the city where it was made, a company with a hyphenated name.
func TestNamesBorrowingAPlace(t *testing.T) {
	checkCountries(t, []countryCase{
		{"agreement after a city, lower case", "Dealers tested the Rome accord again as the dollar fell.", nil},
		{"creditor club after a city, lower case", "The debt was rescheduled through the Paris club last year.", nil},
		{"the city itself stays", "Ministers agreed in Rome to cut rates.", []string{"ITA"}},
		{"a negotiating round named after where it began", "Trade ministers reviewed the latest Uruguay round of talks.", nil},
		{"hyphenated company", "Chile-Pacific Corp said profits rose. Chile-Pacific also raised its dividend.", nil},
		{"hyphenated company of two countries' names is theirs", "The Japan-Korea Trade Council met in Seoul.", []string{"JPN", "KOR"}},
		{"hyphenated relation", "Oman-Iran relations improved.", []string{"IRN", "OMN"}},
	})
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
		if len(r.Entities) == 0 || r.Entities[0].Name != tc.name || r.Entities[0].Kind != model.KindPlace || r.Entities[0].Country != tc.country {
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

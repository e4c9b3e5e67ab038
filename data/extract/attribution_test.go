package extract_test

import "testing"

// storyCountries returns the set of countries the entities of text carry.
func storyCountries(t *testing.T, text string) map[string]bool {
	t.Helper()
	got := map[string]bool{}
	for _, e := range newExtractor(t).Extract(text, "1987-03-03").Entities {
		if e.Country != "" {
			got[e.Country] = true
		}
	}
	return got
}

func TestNewsAgencyAsChannelLendsNoCountry(t *testing.T) {
	for _, text := range []string{
		"CHICAGO, March 3 - Harbor Tools Inc expects sales to rise, its chairman told Reuters in an interview.",
		"CHICAGO, March 3 - Banks polled by Reuters expect rates to stay unchanged this month.",
		"CHICAGO, March 3 - Reuters reported that grain shipments from the port rose in February.",
		"CHICAGO, March 3 - The spokesman, answering questions from Reuters, said output would rise.",
	} {
		got := storyCountries(t, text)
		if got["GBR"] {
			t.Errorf("%q: the agency the statement went to made the story British: %v", text, got)
		}
		if !got["USA"] {
			t.Errorf("%q: the dateline's country is missing: %v", text, got)
		}
	}
	// the agency as a party to the story keeps its country
	if got := storyCountries(t, "Reuters agreed to buy a stake in a Chicago trading network."); !got["GBR"] {
		t.Errorf("the agency as the buyer lost its country: %v", got)
	}
}

func TestPlaceWordInsideAnotherName(t *testing.T) {
	cases := []struct{ text, not string }{
		{"HOUSTON, March 3 - Gulfstar Drilling Co said it found oil in the Gulf of Mexico.", "MEX"},
		{"HOUSTON, March 3 - Farm ministers met to prepare the Tokyo Round of trade talks.", "JPN"},
		{"HOUSTON, March 3 - Farm ministers met to prepare the Uruguay round of trade talks.", "URY"},
		{"HOUSTON, March 3 - The liability limit set by the Athens Convention applies to the ferry.", "GRC"},
		{"HOUSTON, March 3 - Royal Dutch/Shell Group said its refinery output rose.", "NLD"},
		{"HOUSTON, March 3 - Banque Nationale de Paris said it opened an office in the city.", "FRA"},
		{"HOUSTON, March 3 - Harbor Tools Inc said its notes will be listed in Luxembourg.", "LUX"},
		{"HOUSTON, March 3 - Harbor Tools Inc said listing is in Luxembourg.", "LUX"},
	}
	for _, c := range cases {
		got := storyCountries(t, c.text)
		if got[c.not] {
			t.Errorf("%q: a place word inside another name gave %s: %v", c.text, c.not, got)
		}
		if !got["USA"] {
			t.Errorf("%q: the dateline's country is missing: %v", c.text, got)
		}
	}
	// the same places written as places still count
	for text, want := range map[string]string{
		"Tanker traffic in Mexico rose, and shipments went to Belgium/Luxembourg.": "LUX",
		"The company will open an office in Paris next month.":                     "FRA",
		"The ministers met in Tokyo for a round of talks.":                         "JPN",
	} {
		if got := storyCountries(t, text); !got[want] {
			t.Errorf("%q: %s missing: %v", text, want, got)
		}
	}
}

func TestCountryWordInCompanyNameIsABrand(t *testing.T) {
	for _, c := range []struct{ text, not string }{
		{"HOUSTON, March 3 - British Petroleum Co Plc said its refinery output rose.", "GBR"},
		{"HOUSTON, March 3 - Swiss Bank Corp International Ltd lead manages the notes.", "CHE"},
		{"HOUSTON, March 3 - Japan Fund Inc said its net asset value rose.", "JPN"},
	} {
		if got := storyCountries(t, c.text); got[c.not] || !got["USA"] {
			t.Errorf("%q: want USA and not %s, got %v", c.text, c.not, got)
		}
	}
	// a government body keeps its country
	if got := storyCountries(t, "The Brazilian Coffee Trade Commission said exports rose."); !got["BRA"] {
		t.Errorf("a government body lost its country: %v", got)
	}
}

func TestPlaceNamedAfterAnother(t *testing.T) {
	for _, c := range []struct{ text, not string }{
		{"The company has affiliates in Denver, New Orleans and Houston.", "FRA"},
		{"Heavy snow closed roads across New England on Monday.", "GBR"},
		{"An analyst with New Orleans-based Harbor Securities said shares fell.", "FRA"},
		{"Ships waited at Port said the canal authority.", "EGY"},
	} {
		if got := storyCountries(t, c.text); got[c.not] {
			t.Errorf("%q: %s from a place named after it: %v", c.text, c.not, got)
		}
	}
	if _, kind, country, ok := entityByText(t, "The company moved to New Orleans last year.", "1987-03-03", "New Orleans"); !ok || country != "USA" {
		t.Errorf("New Orleans = %q %q (found %v), want USA", kind, country, ok)
	}
	if _, _, country, ok := entityByText(t, "Ships waited at Port Said for the canal to open.", "1987-03-03", "Port Said"); !ok || country != "EGY" {
		t.Errorf("Port Said = %q (found %v), want EGY", country, ok)
	}
}

func TestTownOfTheRegionWrittenAfterIt(t *testing.T) {
	for _, c := range []struct{ text, not string }{
		{"WARRINGTON, Pa., March 2 - Harbor Tools Inc said sales rose.", "GBR"},
		{"Almaden Tapes Inc, based in San Jose, Calif., said sales rose.", "CRI"},
		{"It has a plant in Paris, Texas, and sells across the state.", "FRA"},
		{"Petroleos del Golfo, S.A. said it will sign the contract.", "AUS"},
		{"United States Lines (S.A.) Inc agreed to the plan.", "AUS"},
	} {
		got := storyCountries(t, c.text)
		if got[c.not] || !got["USA"] && c.not != "AUS" {
			t.Errorf("%q: want USA and not %s, got %v", c.text, c.not, got)
		}
	}
	for _, e := range newExtractor(t).Extract("Petroleos del Golfo, S.A. said it will sign the contract.", "1987-03-03").Entities {
		if e.Kind == "person" {
			t.Errorf("person %q: a company's designator is not a person", e.Name)
		}
	}
	if got := storyCountries(t, "ADELAIDE, S.A., March 2 - Coast Mining Ltd said output rose."); !got["AUS"] {
		t.Errorf("a dateline's region abbreviation lost its country: %v", got)
	}
}

func TestLanguageAndCentsAreNotCountries(t *testing.T) {
	for _, c := range []struct{ text, not string }{
		{"TORONTO, March 2 - The group will publish a second English-language daily in the city.", "GBR"},
		{"TORONTO, March 2 - The group will publish a second English- language daily in the city.", "GBR"},
		{"TORONTO, March 2 - French speakers make up a fifth of the city's readers.", "FRA"},
		{"TORONTO, March 2 - The shares closed 50 U.S. cts higher.", "USA"},
	} {
		if got := storyCountries(t, c.text); got[c.not] || !got["CAN"] {
			t.Errorf("%q: want CAN and not %s, got %v", c.text, c.not, got)
		}
	}
}

func TestLoneProvinceNameNeedsItsCountry(t *testing.T) {
	for _, c := range []struct{ text, not string }{
		{"CHICAGO, March 2 - Skyway Air said it agreed to buy Piedmont for 69 dlrs a share.", "ITA"},
		{"CHICAGO, March 2 - The loan group led by Manufacturers Hanover remains in effect.", "DEU"},
	} {
		if got := storyCountries(t, c.text); got[c.not] || !got["USA"] {
			t.Errorf("%q: want USA and not %s, got %v", c.text, c.not, got)
		}
	}
	for text, want := range map[string]string{
		"Rice growers in Piedmont expect a larger crop this year.":   "ITA",
		"Italy's rice growers expect Piedmont to harvest more rice.": "ITA",
		"Exporters in Chicago and Frankfurt expect prices to rise.":  "DEU",
	} {
		if got := storyCountries(t, text); !got[want] {
			t.Errorf("%q: %s missing: %v", text, want, got)
		}
	}
}

func TestTownPlacedInARegionKeepsItsPlace(t *testing.T) {
	for _, c := range []struct{ text, not string }{
		{"Pixel Works, a San Rafael, Calif., firm, and Lumen, also a San Rafael software concern, agreed to merge.", "ARG"},
		{"It has a plant in Paris, Texas. The Paris plant makes tools.", "FRA"},
	} {
		if got := storyCountries(t, c.text); got[c.not] || !got["USA"] {
			t.Errorf("%q: want USA and not %s, got %v", c.text, c.not, got)
		}
	}
}

func TestContinentalAdjectiveIsNotTheUnitedStates(t *testing.T) {
	for _, text := range []string{
		"BOGOTA, March 2 - Latin American debtors asked for easier terms.",
		"BOGOTA, March 2 - Central American coffee producers will meet next week.",
		"BOGOTA, March 2 - North American demand for coffee fell.",
	} {
		if got := storyCountries(t, text); got["USA"] || !got["COL"] {
			t.Errorf("%q: want COL and not USA, got %v", text, got)
		}
	}
	if got := storyCountries(t, "North Yemen signed the accord."); !got["YEM"] {
		t.Errorf("a country whose name starts with a compass word lost it: %v", got)
	}
}

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

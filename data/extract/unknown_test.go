package extract_test

import (
	"testing"

	"github.com/attache-app/attache/data/model"
)

// Names the gazetteer lacks become suggested entities with a guessed kind.
func TestUnknownNamesGetAKind(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		text, name string
		kind       model.EntityKind
		country    string
	}{
		{"Officials from the Ministry of Marine Resources met on Monday.", "Ministry of Marine Resources", "organisation", ""},
		{"The Supreme Court of Narnia ruled on Monday.", "Supreme Court of Narnia", "organisation", ""},
		{"A report by the Lowy Institute was published on Monday.", "Lowy Institute", "organisation", ""},
		{"The deal helps Pacific Fisheries Company expand.", "Pacific Fisheries Company", "organisation", ""},
		{"Mele Tupou said the talks went well.", "Mele Tupou", "person", ""},
		{"Samoan Finance Minister Lautafi Selafi Purcell said the talks went well.", "Lautafi Selafi Purcell", "person", "WSM"},
		{"The Vietnamese Ministry of Industry and Trade said exports rose.", "Vietnamese Ministry of Industry and Trade", "organisation", "VNM"},
	}
	for _, tc := range tests {
		r := x.Extract(tc.text, "2025-06-01")
		found := false
		for _, e := range r.Entities {
			if e.Name == tc.name {
				found = true
				if e.Kind != tc.kind || e.Country != tc.country {
					t.Errorf("%q: %s is %s %q, want %s %q", tc.text, e.Name, e.Kind, e.Country, tc.kind, tc.country)
				}
			}
		}
		if !found {
			var names []string
			for _, e := range r.Entities {
				names = append(names, e.Name)
			}
			t.Errorf("%q: no entity %q (have %q)", tc.text, tc.name, names)
		}
	}
}

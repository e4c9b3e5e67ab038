package extract_test

import (
	"sync"
	"testing"
)

// An office-holder's role and country depend on the publication date.
func TestRolesFollowPublicationDate(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		text, published, name, country, role string
	}{
		{"President Reagan met Soviet leaders in Reykjavik.", "1987-03-02", "Ronald Reagan", "USA", "GOV"},
		{"Trump spoke to reporters.", "2025-06-01", "Donald Trump", "USA", "GOV"},
		{"Trump spoke to reporters.", "2019-06-01", "Donald Trump", "USA", "GOV"},
		{"Senator Marco Rubio spoke to reporters.", "2024-06-01", "Marco Rubio", "USA", "LEG"},
		{"Marco Rubio spoke to reporters.", "2025-03-01", "Marco Rubio", "USA", "GOV"},
		{"Mark Carney spoke to reporters.", "2025-06-01", "Mark Carney", "CAN", "GOV"},
		{"Justin Trudeau spoke to reporters.", "2024-06-01", "Justin Trudeau", "CAN", "GOV"},
		{"Lai Ching-te spoke to reporters.", "2025-06-01", "Lai Ching-te", "TWN", "GOV"},
		{"Ursula von der Leyen spoke to reporters.", "2025-06-01", "Ursula von der Leyen", "", "IGO"},
		// a title in the text gives an unknown person a country and role
		{"Nepali Foreign Minister Arzu Rana Deuba said so.", "2025-06-01", "Arzu Rana Deuba", "NPL", "GOV"},
	}
	for _, tc := range tests {
		r := x.Extract(tc.text, tc.published)
		found := false
		for _, e := range r.Entities {
			if e.Name != tc.name {
				continue
			}
			found = true
			if e.Kind != "person" || e.Country != tc.country || e.Role != tc.role {
				t.Errorf("%q (%s): %s is %s %q %q, want person %q %q", tc.text, tc.published, e.Name, e.Kind, e.Country, e.Role, tc.country, tc.role)
			}
		}
		if !found {
			t.Errorf("%q (%s): %s not found", tc.text, tc.published, tc.name)
		}
	}
}

func TestExtractConcurrent(t *testing.T) {
	x := newExtractor(t)
	arts := seedArticles(t)
	want := x.Extract(arts[0], "2025-01-18")
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 3 {
				got := x.Extract(arts[0], "2025-01-18")
				if len(got.Entities) != len(want.Entities) || len(got.Events) != len(want.Events) {
					t.Errorf("concurrent run differs: %d/%d entities, %d/%d events", len(got.Entities), len(want.Entities), len(got.Events), len(want.Events))
				}
			}
		})
	}
	wg.Wait()
}

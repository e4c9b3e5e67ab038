package app

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/attache-app/attache/widgets"
)

// TestTimelineLanesBusiestFirst gives 45 actors with 1 to 45 events each:
// the timeline draws the busiest 30 lanes, most events first, and folds the
// other 15 into one Other lane.
func TestTimelineLanesBusiestFirst(t *testing.T) {
	var evs []widgets.TimelineEvent
	id := int64(0)
	for a := 1; a <= 45; a++ {
		for k := range a {
			id++
			d := time.Date(1987, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, k)
			evs = append(evs, widgets.TimelineEvent{ID: id, Start: d, End: d, Lane: fmt.Sprintf("Actor %02d", a)})
		}
	}
	slices.Reverse(evs) // not the order to draw them in
	orderLanes(evs)
	tl := widgets.NewTimeline()
	tl.SetLaneLimit(timelineLanes)
	tl.SetEvents(evs)
	lanes := tl.Lanes()
	if len(lanes) != timelineLanes+1 {
		t.Fatalf("%d lanes, want %d and Other", len(lanes), timelineLanes)
	}
	for i := range timelineLanes {
		if want := fmt.Sprintf("Actor %02d", 45-i); lanes[i] != want {
			t.Fatalf("lane %d is %q, want %q (most events first): %q", i, lanes[i], want, lanes)
		}
	}
	if lanes[timelineLanes] != "Other (15 lanes)" {
		t.Errorf("the last lane is %q", lanes[timelineLanes])
	}
}

// TestTimelineLaneTiesByName orders lanes with as many events by name.
func TestTimelineLaneTiesByName(t *testing.T) {
	d := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	evs := []widgets.TimelineEvent{
		{ID: 1, Start: d, End: d, Lane: "Zambia"}, {ID: 2, Start: d, End: d, Lane: "Angola"},
		{ID: 3, Start: d, End: d, Lane: "Mali"}, {ID: 4, Start: d, End: d, Lane: "Mali"},
	}
	orderLanes(evs)
	var got []string
	for _, e := range evs {
		if len(got) == 0 || got[len(got)-1] != e.Lane {
			got = append(got, e.Lane)
		}
	}
	if want := []string{"Mali", "Angola", "Zambia"}; !slices.Equal(got, want) {
		t.Errorf("lanes in order %q, want %q", got, want)
	}
}

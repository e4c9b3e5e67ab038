package app

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/attache-app/attache/data/model"
)

// TestEventsFilterInMemoryMatchesTheStore filters the project's events in
// the Events view (in memory) and through the store (as the export does):
// both select the same events in the same order, for every kind of filter.
func TestEventsFilterInMemoryMatchesTheStore(t *testing.T) {
	d, f := eventsDesk(t)
	ctx := context.Background()
	tag, err := d.st.CreateTag(ctx, model.Tag{Name: "Trade"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.st.CreateEvent(ctx, model.Event{Actors: []int64{f.chn}, Recipients: []int64{f.eu, f.can}, Type: model.EventAgree, CAMEO: "057",
		Date: "2025-02-01", EndDate: "2025-02-20", Precision: model.PrecisionDay, Text: "China and the EU agreed.", Status: model.StatusSuggested, TagIDs: []int64{tag}}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.st.CreateEvent(ctx, model.Event{Actors: []int64{f.usa}, Type: model.EventRequest, CAMEO: "020", Text: "Undated.", Status: model.StatusSuggested}); err != nil {
		t.Fatal(err)
	}
	d.wb.events.reload()
	d.waitFor("every event loaded", func() bool { return len(d.wb.events.all.events) == len(f.allEvents)+2 })
	for _, ef := range []eventFilter{
		{}, {Status: model.StatusSuggested}, {Type: "consult"}, {ActorID: f.usa}, {RecipientID: f.can}, {TagID: tag},
		{From: "2025-02-15"}, {To: "2025-02-10"}, {From: "2025-02-01", To: "2025-03-31"}, {From: "2025-06-23", To: "2025-06-23"},
		{Status: model.StatusSuggested, ActorID: f.chn, From: "2025-01-01"}, {ActorID: f.eu},
	} {
		t.Run(fmt.Sprintf("%+v", ef), func(t *testing.T) {
			want := eventIDsInOrder(mustEvents(t, d.st, ef.store()))
			got := eventIDsInOrder(d.wb.events.all.filtered(ef, sortEventsOldest).events)
			if !slices.Equal(got, want) {
				t.Errorf("in memory %v, the store %v", got, want)
			}
		})
	}
}

func eventIDsInOrder(evs []model.Event) []int64 {
	out := make([]int64, len(evs))
	for i, ev := range evs {
		out[i] = ev.ID
	}
	return out
}

// TestEventsSortOrders sorts the Events list each way it offers.
func TestEventsSortOrders(t *testing.T) {
	d, f := eventsDesk(t)
	v := d.wb.events
	for _, tc := range []struct {
		by   string
		want []int64
	}{
		{sortEventsOldest, []int64{f.call, f.sanctions, f.accusal, f.pact}},
		{sortEventsNewest, []int64{f.pact, f.accusal, f.sanctions, f.call}},
		{sortEventsConflict, []int64{f.sanctions, f.accusal, f.call, f.pact}},
		{sortEventsType, []int64{f.call, f.pact, f.accusal, f.sanctions}}, // CONSULT, SUPPORT, ACCUSE, SANCTION
		{sortEventsStatus, []int64{f.call, f.accusal, f.pact, f.sanctions}},
		{sortEventsActor, []int64{f.pact, f.accusal, f.call, f.sanctions}},
	} {
		v.sortBy.SetSelected(tc.by)
		if got := eventIDsInOrder(v.data.events); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.by, got, tc.want)
		}
	}
}

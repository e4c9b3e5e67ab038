package app

import (
	"cmp"
	"slices"
	"strings"

	"github.com/attache-app/attache/data/model"
)

// Orders of the Events list (and of the events the timeline and the export
// are given).
const (
	sortEventsOldest   = "Oldest first"
	sortEventsNewest   = "Newest first"
	sortEventsType     = "Type"
	sortEventsActor    = "Actor"
	sortEventsConflict = "Conflict first"
	sortEventsStatus   = "Status"
)

var eventSorts = []string{sortEventsOldest, sortEventsNewest, sortEventsType, sortEventsActor, sortEventsConflict, sortEventsStatus}

// match reports whether ev passes the filter; it selects the same events as
// store.Events with f.store(), so that the list, the timeline and the export
// agree.
func (f eventFilter) match(ev model.Event) bool {
	switch {
	case f.Status != "" && ev.Status != f.Status,
		f.Type != "" && ev.Type != model.ParseEventType(string(f.Type)),
		f.ActorID != 0 && !slices.Contains(ev.Actors, f.ActorID),
		f.RecipientID != 0 && !slices.Contains(ev.Recipients, f.RecipientID),
		f.TagID != 0 && !slices.Contains(ev.TagIDs, f.TagID):
		return false
	}
	if f.From != "" {
		last := ev.EndDate
		if last == "" {
			last = ev.Date
		}
		if ev.Date == "" || last < f.From {
			return false
		}
	}
	return f.To == "" || (ev.Date != "" && ev.Date <= f.To)
}

// filtered returns d narrowed to the events f lets through, in the order
// by names (one of eventSorts). The labels are shared with d.
func (d eventData) filtered(f eventFilter, by string) eventData {
	out := d
	out.events = make([]model.Event, 0, len(d.events))
	for _, ev := range d.events {
		if f.match(ev) {
			out.events = append(out.events, ev)
		}
	}
	d.sortEvents(out.events, by)
	return out
}

// sortEvents orders evs by one of eventSorts; ties keep date order, and
// events without a date come last in date orders.
func (d eventData) sortEvents(evs []model.Event, by string) {
	byDate := func(a, b model.Event) int {
		if (a.Date == "") != (b.Date == "") {
			if a.Date == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(strings.Compare(a.Date, b.Date), cmp.Compare(a.ID, b.ID))
	}
	var key func(a, b model.Event) int
	switch by {
	case sortEventsNewest:
		key = func(a, b model.Event) int {
			if (a.Date == "") != (b.Date == "") {
				return byDate(a, b)
			}
			return -byDate(a, b)
		}
	case sortEventsType:
		key = func(a, b model.Event) int {
			return cmp.Or(cmp.Compare(a.Type.Rank(), b.Type.Rank()), byDate(a, b))
		}
	case sortEventsActor:
		names := make(map[int64]string, len(evs))
		for _, ev := range evs {
			names[ev.ID] = strings.ToLower(d.names(ev.Actors))
		}
		key = func(a, b model.Event) int {
			return cmp.Or(strings.Compare(names[a.ID], names[b.ID]), byDate(a, b))
		}
	case sortEventsConflict:
		key = func(a, b model.Event) int { return cmp.Or(cmp.Compare(a.Goldstein, b.Goldstein), byDate(a, b)) }
	case sortEventsStatus:
		key = func(a, b model.Event) int {
			return cmp.Or(cmp.Compare(a.Status.Rank(), b.Status.Rank()), byDate(a, b))
		}
	default:
		key = byDate
	}
	slices.SortFunc(evs, key)
}

package app

import (
	"context"
	"fmt"

	"github.com/attache-app/attache/data/export"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// eventFilter is the Events view's filter; the timeline shows what it shows and
// File ▸ Export exports it.
type eventFilter struct {
	Status               model.Status
	Type                 model.EventType
	ActorID, RecipientID int64
	TagID                int64
	From, To             string
}

func (f eventFilter) store() store.EventFilter {
	return store.EventFilter{Status: f.Status, Type: f.Type, ActorID: f.ActorID, RecipientID: f.RecipientID, TagID: f.TagID, From: f.From, To: f.To}
}

// eventData is events with what it takes to label them.
type eventData struct {
	events   []model.Event
	entities map[int64]model.Entity // the events' parties
	articles map[int64]string       // titles of the events' articles
	tags     []model.Tag
	gen      int // which load of the Events view these are (0: loaded for one event)
}

// loadEvents loads the events f lets through, labelled.
func loadEvents(ctx context.Context, st store.Store, f eventFilter) (eventData, error) {
	evs, err := st.Events(ctx, f.store())
	if err != nil {
		return eventData{}, err
	}
	return labelEvents(ctx, st, evs)
}

// labelEvents loads what it takes to label evs: their parties, the tags and
// the titles of their articles, each in one pass however many events there are.
func labelEvents(ctx context.Context, st store.Store, evs []model.Event) (eventData, error) {
	d := eventData{events: evs}
	var parties, articles []int64
	seen := map[int64]bool{}
	for _, ev := range evs {
		for _, id := range ev.Actors {
			parties = appendNew(parties, seen, id)
		}
		for _, id := range ev.Recipients {
			parties = appendNew(parties, seen, id)
		}
	}
	clear(seen)
	for _, ev := range evs {
		if ev.ArticleID != 0 {
			articles = appendNew(articles, seen, ev.ArticleID)
		}
	}
	var err error
	if d.entities, err = st.EntitiesByID(ctx, parties); err != nil {
		return d, err
	}
	if d.articles, err = st.ArticleTitles(ctx, articles); err != nil {
		return d, err
	}
	d.tags, err = st.Tags(ctx)
	return d, err
}

// appendNew appends id to ids unless seen holds it, and marks it seen.
func appendNew(ids []int64, seen map[int64]bool, id int64) []int64 {
	if seen[id] {
		return ids
	}
	seen[id] = true
	return append(ids, id)
}

// parties are the entities ids stands for, as the export names them.
func (d eventData) parties(ids []int64) []export.Party {
	var out []export.Party
	for _, id := range ids {
		if e, ok := d.entities[id]; ok {
			out = append(out, export.Party{Name: e.Name, EntityID: e.ID, Kind: e.Kind, Country: e.Country})
		}
	}
	return out
}

// names joins the names of entity ids.
func (d eventData) names(ids []int64) string { return export.PartyNames(d.parties(ids)) }

// headline is "Actor — TYPE — Recipient", or "Actor — TYPE" without a recipient.
func (d eventData) headline(ev model.Event) string {
	if len(ev.Recipients) == 0 {
		return fmt.Sprintf("%s — %s", d.names(ev.Actors), ev.Type)
	}
	return fmt.Sprintf("%s — %s — %s", d.names(ev.Actors), ev.Type, d.names(ev.Recipients))
}

// eventDate shows an event's date with its precision.
func eventDate(ev model.Event) string {
	if ev.Date == "" {
		if ev.DateText != "" {
			return "unresolved (“" + ev.DateText + "”)"
		}
		return "date unknown"
	}
	s := ev.Date
	switch ev.Precision {
	case model.PrecisionMonth:
		if len(s) >= 7 {
			s = s[:7]
		}
	case model.PrecisionYear:
		if len(s) >= 4 {
			s = s[:4]
		}
	case model.PrecisionWeek:
		s = "week of " + s
	}
	if ev.EndDate != "" && ev.EndDate != ev.Date && ev.EndDate != periodEnd(ev) {
		s += " – " + ev.EndDate
	}
	return s
}

// periodEnd is the last day of the week, month or year a date of that
// precision stands for ("" for a day): an end date that says no more is not
// repeated.
func periodEnd(ev model.Event) string {
	if _, end, ok := eventSpanOf(ev.Date, ev.Precision); ok && ev.Precision != model.PrecisionDay {
		return end.Format("2006-01-02")
	}
	return ""
}

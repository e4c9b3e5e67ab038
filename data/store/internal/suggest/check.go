package suggest

import (
	"fmt"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// CheckExtraction validates an extraction for an article of runes runes
// without looking at the project, and returns its events ready to insert
// (without their entities).
func CheckExtraction(x store.Extraction, articleID int64, runes int) ([]model.Event, error) {
	for _, se := range x.Entities {
		e := model.Entity{Name: se.Name, Kind: Kind(se)}
		e.Normalize()
		if err := e.Validate(); err != nil {
			return nil, fmt.Errorf("entity %q: %w", se.Name, err)
		}
		for _, sp := range se.Mentions {
			if sp.Start < 0 || sp.Start >= sp.End || sp.End > runes {
				return nil, fmt.Errorf("mention of %q: span %d–%d is not within article %d (0–%d)", se.Name, sp.Start, sp.End, articleID, runes)
			}
		}
	}
	events := make([]model.Event, len(x.Events))
	for k, sv := range x.Events {
		for _, idx := range [][]int{sv.Actors, sv.Recipients} {
			for _, i := range idx {
				if i < 0 || i >= len(x.Entities) {
					return nil, fmt.Errorf("event %d: entity index %d out of range (%d entities)", k, i, len(x.Entities))
				}
			}
		}
		e := model.Event{Type: sv.Type, Mode: sv.Mode, CAMEO: sv.CAMEO, Goldstein: sv.Goldstein, Date: sv.Date,
			EndDate: sv.EndDate, Precision: sv.Precision, DateText: sv.DateText, DateBasis: sv.DateBasis,
			Location: sv.Location, Summary: sv.Summary, Text: sv.Text, ArticleID: articleID,
			Start: sv.Start, End: sv.End, Status: model.StatusSuggested}
		e.Normalize()
		if err := e.Validate(); err != nil {
			return nil, fmt.Errorf("event %d: %w", k, err)
		}
		if !(e.Start == 0 && e.End == 0) && (e.Start < 0 || e.Start >= e.End || e.End > runes) {
			return nil, fmt.Errorf("event %d: span %d–%d is not within article %d (0–%d, start before end)", k, e.Start, e.End, articleID, runes)
		}
		events[k] = e
	}
	return events, nil
}

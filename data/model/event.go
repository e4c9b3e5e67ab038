package model

import "fmt"

// Event is a diplomatic event: who did what to whom, when, where, and which
// passage says so.
type Event struct {
	ID                      int64
	Actors, Recipients      []int64 // entity ids
	Type                    EventType
	Mode, CAMEO             string // CAMEO keeps leading zeros ("041")
	Goldstein               float64
	Date, EndDate           string // "2006-01-02" or "" (unresolved)
	Precision               Precision
	DateText                string // the date as written
	DateBasis               DateBasis
	Location, Summary, Text string // Text = the source sentence/passage
	ArticleID               int64  // 0 = no source article
	Start, End              int    // rune span of the source in the article body
	Status                  Status
	TagIDs                  []int64
	Note                    string
	Who
}

// Normalize gives an event without a status the status confirmed (an event
// an analyst makes) and writes its type in capitals.
func (e *Event) Normalize() {
	if e.Status == "" {
		e.Status = StatusConfirmed
	}
	e.Type = ParseEventType(string(e.Type))
}

// Validate checks what an event says by itself (status, type, precision,
// basis, dates), without looking at the project.
func (e Event) Validate() error {
	for _, err := range []error{e.Status.Valid(), e.Type.Valid(), e.Precision.Valid(), e.DateBasis.Valid()} {
		if err != nil {
			return err
		}
	}
	if err := ValidDate(e.Date); err != nil {
		return fmt.Errorf("date: %w", err)
	}
	if err := ValidDate(e.EndDate); err != nil {
		return fmt.Errorf("end date: %w", err)
	}
	return nil
}

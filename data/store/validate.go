package store

import (
	"fmt"
	"regexp"
	"slices"
	"time"
)

// Mention and event statuses.
const (
	StatusSuggested = "suggested"
	StatusConfirmed = "confirmed"
	StatusRejected  = "rejected"
)

// Statuses lists the valid statuses of mentions and events.
var Statuses = []string{StatusSuggested, StatusConfirmed, StatusRejected}

// EntityKinds lists the valid entity kinds.
var EntityKinds = []string{"person", "country", "organisation", "place", "other"}

// EventTypes lists the PLOVER event types an event may have ("" = not yet typed).
var EventTypes = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
	"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

// Precisions lists the valid date precisions of an event ("" = unknown).
var Precisions = []string{"day", "week", "month", "year"}

// DateBases lists how an event date was found ("" = unknown).
var DateBases = []string{"explicit", "relative", "publication", "unresolved"}

func checkStatus(status string) error {
	if !slices.Contains(Statuses, status) {
		return fmt.Errorf("unknown status %q (want suggested, confirmed or rejected)", status)
	}
	return nil
}

func checkKind(kind string) error {
	if !slices.Contains(EntityKinds, kind) {
		return fmt.Errorf("unknown entity kind %q (want person, country, organisation, place or other)", kind)
	}
	return nil
}

func checkOptional(what, v string, allowed []string) error {
	if v != "" && !slices.Contains(allowed, v) {
		return fmt.Errorf("unknown %s %q (want one of %v)", what, v, allowed)
	}
	return nil
}

// checkDate accepts "", "2006-01-02" or an RFC 3339 time.
func checkDate(what, v string) error {
	if v == "" {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, v); err == nil {
		return nil
	}
	if _, err := time.Parse(time.RFC3339, v); err == nil {
		return nil
	}
	return fmt.Errorf("%s %q is not a date (want 2006-01-02 or RFC 3339)", what, v)
}

var colourRE = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

func checkColour(c string) error {
	if !colourRE.MatchString(c) {
		return fmt.Errorf("colour %q is not of the form #rrggbb", c)
	}
	return nil
}

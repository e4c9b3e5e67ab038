package store

import (
	"fmt"
	"regexp"
	"slices"

	"github.com/attache-app/attache/data/model"
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

// checkDate accepts what model.ValidDate accepts, naming the field when not.
func checkDate(what, v string) error {
	if err := model.ValidDate(v); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

var colourRE = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

func checkColour(c string) error {
	if !colourRE.MatchString(c) {
		return fmt.Errorf("colour %q is not of the form #rrggbb", c)
	}
	return nil
}

package model

import "fmt"

// Status is where a machine suggestion or an analyst's item stands: a mention
// or an event is suggested by the extractor, then confirmed or rejected.
type Status string

// The statuses of mentions and events, in the order the UI lists them.
const (
	StatusSuggested Status = "suggested"
	StatusConfirmed Status = "confirmed"
	StatusRejected  Status = "rejected"
)

// Statuses lists the valid statuses in UI order.
func Statuses() []Status { return []Status{StatusSuggested, StatusConfirmed, StatusRejected} }

// Label is the status as the analyst sees it.
func (s Status) Label() string { return string(s) }

// Valid refuses a status that is not one of Statuses.
func (s Status) Valid() error {
	if rank(Statuses(), s) < 0 {
		return fmt.Errorf("unknown status %q (want %s)", string(s), Choices(Statuses()))
	}
	return nil
}

// Rank orders statuses for sorting: what still needs a look (suggested)
// first, then confirmed, then rejected; an unknown status sorts last.
func (s Status) Rank() int { return rankOrLast(Statuses(), s) }

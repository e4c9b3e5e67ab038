package model

// Precision is how exactly an event's date is known: the date names a day,
// or stands for the week, month or year that holds it.
type Precision string

// The date precisions, finest first (the order the UI lists them). The zero
// value "" means unknown.
const (
	PrecisionDay   Precision = "day"
	PrecisionWeek  Precision = "week"
	PrecisionMonth Precision = "month"
	PrecisionYear  Precision = "year"
)

// Precisions lists the valid date precisions, finest first.
func Precisions() []Precision {
	return []Precision{PrecisionDay, PrecisionWeek, PrecisionMonth, PrecisionYear}
}

// Label is the precision as the analyst sees it.
func (p Precision) Label() string { return string(p) }

// Valid refuses a precision that is neither "" (unknown) nor one of Precisions.
func (p Precision) Valid() error { return optional("date precision", p, Precisions()) }

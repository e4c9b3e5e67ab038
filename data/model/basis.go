package model

// DateBasis says how an event's date was found.
type DateBasis string

// The date bases, in the order the UI lists them. The zero value "" means
// unknown.
const (
	BasisExplicit    DateBasis = "explicit"    // the text names the date
	BasisRelative    DateBasis = "relative"    // resolved against the publication date
	BasisPublication DateBasis = "publication" // no date in the sentence: the publication date
	BasisUnresolved  DateBasis = "unresolved"  // a date is written but cannot be resolved
)

// DateBases lists the valid date bases in UI order.
func DateBases() []DateBasis {
	return []DateBasis{BasisExplicit, BasisRelative, BasisPublication, BasisUnresolved}
}

// Label is the basis as the analyst sees it.
func (b DateBasis) Label() string { return string(b) }

// Valid refuses a basis that is neither "" (unknown) nor one of DateBases.
func (b DateBasis) Valid() error { return optional("date basis", b, DateBases()) }

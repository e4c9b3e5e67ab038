package model

import "fmt"

// EntityKind is what sort of actor an entity is.
type EntityKind string

// The entity kinds, in the order the UI lists them.
const (
	KindPerson       EntityKind = "person"
	KindCountry      EntityKind = "country"
	KindOrganisation EntityKind = "organisation"
	KindPlace        EntityKind = "place"
	KindOther        EntityKind = "other"
)

// EntityKinds lists the valid entity kinds in UI order.
func EntityKinds() []EntityKind {
	return []EntityKind{KindPerson, KindCountry, KindOrganisation, KindPlace, KindOther}
}

// Label is the kind as the analyst sees it.
func (k EntityKind) Label() string { return string(k) }

// Valid refuses a kind that is not one of EntityKinds.
func (k EntityKind) Valid() error {
	if rank(EntityKinds(), k) < 0 {
		return fmt.Errorf("unknown entity kind %q (want %s)", string(k), Choices(EntityKinds()))
	}
	return nil
}

package model

import (
	"errors"
	"strings"
)

// Entity is a person, country, organisation, place or other actor.
type Entity struct {
	ID            int64
	Name          string
	Kind          EntityKind
	Country, Role string // Country: ISO 3166 alpha-3 or ""; Role: e.g. GOV, LEG, MIL
	Description   string
	Aliases       []Alias
	Mentions      int // mentions not rejected (read-only)
	Who
}

// Alias is another name of an entity.
type Alias struct{ Name, Lang string } // Lang: BCP 47 or script hint, may be ""

// Normalize trims the name.
func (e *Entity) Normalize() { e.Name = strings.TrimSpace(e.Name) }

// Validate refuses an entity without a name or of an unknown kind.
func (e Entity) Validate() error {
	if e.Name == "" {
		return errors.New("entity name is empty")
	}
	return e.Kind.Valid()
}

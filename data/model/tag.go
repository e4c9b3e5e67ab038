package model

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// DefaultTagColour is used when a tag is created without a colour.
const DefaultTagColour = "#888888"

// Tag is a codebook entry. Tags form a tree through ParentID (0 = top level).
type Tag struct {
	ID          int64
	ParentID    int64
	Name        string
	Colour      string // "#rrggbb"
	Description string
	Passages    int // passages carrying the tag (read-only)
	Events      int // events carrying the tag (read-only)
	Who
}

// Normalize trims the name and gives a tag without a colour the default one.
func (t *Tag) Normalize() {
	t.Name = strings.TrimSpace(t.Name)
	if t.Colour == "" {
		t.Colour = DefaultTagColour
	}
}

// Validate refuses a tag without a name or with a malformed colour.
func (t Tag) Validate() error {
	if t.Name == "" {
		return errors.New("tag name is empty")
	}
	return ValidColour(t.Colour)
}

var colourRE = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// ValidColour refuses a colour not written #rrggbb.
func ValidColour(c string) error {
	if !colourRE.MatchString(c) {
		return fmt.Errorf("colour %q is not of the form #rrggbb", c)
	}
	return nil
}

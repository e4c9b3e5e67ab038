// Package dateparser stands in for github.com/markusmobius/go-dateparser
// in Attaché's build (see the replace directive in Attaché's go.mod).
//
// go-htmldate, which go-trafilatura uses to date web pages, calls
// go-dateparser only in its extensive search, and Attaché runs it in its
// fast mode (data/ingest/htmlmain.go), which never does. Linking the real
// package nonetheless costs every start of the app and the command line
// about 125 ms and 78 MB: its initialisation compiles the date expressions
// of some two hundred locales. This package declares the names go-htmldate
// refers to; its Parse finds no date.
package dateparser

import (
	"errors"
	"time"
)

// ErrNotAvailable is what Parse returns: free-text date parsing is not
// part of Attaché's build.
var ErrNotAvailable = errors.New("dateparser: free-text date parsing is not available in this build")

// ParserType names one of go-dateparser's parsing methods.
type ParserType uint8

// The parsing methods go-htmldate names.
const (
	Timestamp ParserType = iota
	NegativeTimestamp
	RelativeTime
	CustomFormat
	AbsoluteTime
	NoSpacesTime
)

// PreferredDateSource says how go-dateparser would complete a partial date.
type PreferredDateSource uint8

// The ways of completing a partial date.
const (
	CurrentPeriod PreferredDateSource = iota
	Past
	Future
)

// Configuration has the settings go-htmldate passes to Parse.
type Configuration struct {
	PreferredDateSource PreferredDateSource
	StrictParsing       bool
}

// Parser has the fields go-htmldate sets.
type Parser struct {
	ParserTypes []ParserType
}

// Date is the result of Parse.
type Date struct {
	Time time.Time
}

// Parse finds no date and returns ErrNotAvailable.
func (p *Parser) Parse(cfg *Configuration, str string, formats ...string) (Date, error) {
	return Date{}, ErrNotAvailable
}

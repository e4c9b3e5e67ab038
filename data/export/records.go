// Package export writes Attaché's events, passages and entities in the
// formats analysts hand on: events as JSON, JSON Lines, CSV and TimelineJS 3
// JSON; tagged passages and entities as CSV. The writers are pure formatting
// over the record types of this package; EventsFromStore and its siblings
// fill the records from a project.
package export

import "github.com/attache-app/attache/data/model"

// EventRecord is one diplomatic event as exported, with its parties and
// source resolved. The JSON field names follow PLOVER; schema/events.schema.json
// describes them.
type EventRecord struct {
	ID            int64           `json:"id"`
	Date          string          `json:"date"`           // "2006-01-02", or "" when unresolved
	EndDate       string          `json:"enddate"`        // "" when the event has no end date
	DatePrecision model.Precision `json:"date_precision"` // "" when unknown
	DateText      string          `json:"date_text"`      // the date as written
	DateBasis     model.DateBasis `json:"date_basis"`     // "" when unknown
	Actor         []Party         `json:"actor"`
	Recipient     []Party         `json:"recipient"`
	Event         model.EventType `json:"event"` // PLOVER type in capitals
	Mode          string          `json:"mode"`
	CAMEO         string          `json:"cameo"` // keeps leading zeros: "041"
	Goldstein     float64         `json:"goldstein"`
	QuadClass     model.QuadClass `json:"quad_class"` // 1–4, 0 unknown
	Location      string          `json:"location"`
	Summary       string          `json:"summary"`
	Text          string          `json:"text"` // the source sentence or passage
	Source        Source          `json:"source"`
	Status        model.Status    `json:"status"`
	Tags          []string        `json:"tags"`
	Note          string          `json:"note"`
	Coder         string          `json:"coder"` // the member who last changed it on a shared project; "" in a project file
}

// Party is an actor or recipient of an event.
type Party struct {
	Name     string           `json:"name"`
	EntityID int64            `json:"entity_id"`
	Kind     model.EntityKind `json:"kind"`
	Country  string           `json:"country"` // ISO 3166 alpha-3, or ""
}

// Source is the article an event was read from and the rune span of its
// source text in the article's body.
type Source struct {
	ArticleID   int64  `json:"article_id"` // 0 when the event has no source article
	Title       string `json:"title"`
	Publication string `json:"publication"`
	Published   string `json:"published"` // "2006-01-02", RFC 3339, or "" when unknown
	URL         string `json:"url"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
}

// PassageRecord is one tagged passage as exported.
type PassageRecord struct {
	ArticleID   int64
	Article     string // the article's title
	Publication string
	Published   string
	Quote       string // the passage's text
	Tags        []string
	Note        string
	Start, End  int    // rune span in the article body
	Coder       string // the member who last changed it on a shared project; "" in a project file
}

// EntityRecord is one entity as exported.
type EntityRecord struct {
	ID            int64
	Name          string
	Kind          model.EntityKind
	Country, Role string
	Aliases       []string
	Mentions      int // mentions that are not rejected
}

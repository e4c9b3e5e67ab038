package store

import "github.com/attache-app/attache/data/model"

// The domain types live in data/model; these aliases let the store's code
// (and code written against the store's names) read naturally. Packages
// outside the store use model.X.
type (
	Article     = model.Article
	ArticleMeta = model.ArticleMeta
	Tag         = model.Tag
	Passage     = model.Passage
	Entity      = model.Entity
	Alias       = model.Alias
	Mention     = model.Mention
	Event       = model.Event
	Span        = model.Span
)

// Deprecated names of the model's enumerations; use data/model.
const (
	StatusSuggested  = model.StatusSuggested
	StatusConfirmed  = model.StatusConfirmed
	StatusRejected   = model.StatusRejected
	DefaultTagColour = model.DefaultTagColour
)

// Deprecated lists of the model's enumerations as strings; use data/model.
var (
	Statuses    = model.Strings(model.Statuses())
	EntityKinds = model.Strings(model.EntityKinds())
	EventTypes  = model.Strings(model.EventTypes())
	Precisions  = model.Strings(model.Precisions())
	DateBases   = model.Strings(model.DateBases())
)

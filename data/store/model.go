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

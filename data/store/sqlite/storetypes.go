package sqlite

import (
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// The engine implements the store API on its types; these aliases keep its
// code reading as the API reads.
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

	ArticleSort       = store.ArticleSort
	ArticleFilter     = store.ArticleFilter
	EntityFilter      = store.EntityFilter
	EventFilter       = store.EventFilter
	MentionFilter     = store.MentionFilter
	PassageFilter     = store.PassageFilter
	ArticleSummary    = store.ArticleSummary
	ImportResult      = store.ImportResult
	ImportItem        = store.ImportItem
	SearchHit         = store.SearchHit
	Counts            = store.Counts
	Exchange          = store.Exchange
	ExchangeTag       = store.ExchangeTag
	ExchangeArticle   = store.ExchangeArticle
	ExchangePassage   = store.ExchangePassage
	ExchangeResult    = store.ExchangeResult
	Extraction        = store.Extraction
	SuggestedEntity   = store.SuggestedEntity
	SuggestedEvent    = store.SuggestedEvent
	ArticleExtraction = store.ArticleExtraction
)

const (
	ByImport = store.ByImport
	ByDate   = store.ByDate
	ByTitle  = store.ByTitle

	HitStart  = store.HitStart
	HitEnd    = store.HitEnd
	UndoLimit = store.UndoLimit

	StatusSuggested = model.StatusSuggested
	StatusConfirmed = model.StatusConfirmed
	StatusRejected  = model.StatusRejected

	DefaultTagColour = model.DefaultTagColour
)

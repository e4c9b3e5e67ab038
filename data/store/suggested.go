package store

import "github.com/attache-app/attache/data/model"

// Extraction is what the extractor suggests for one article.
type Extraction struct {
	Entities []SuggestedEntity
	Events   []SuggestedEvent
}

// SuggestedEntity is an entity found in an article with its mentions.
type SuggestedEntity struct {
	Name                       string
	Kind                       model.EntityKind // "" = other
	Country, Role, Description string
	Aliases                    []Alias
	Mentions                   []Span // rune spans in the article body
}

// SuggestedEvent is an event found in an article.
type SuggestedEvent struct {
	Actors, Recipients      []int // indexes into Extraction.Entities
	Type                    model.EventType
	Mode, CAMEO             string
	Goldstein               float64
	Date, EndDate           string
	Precision               model.Precision
	DateText                string
	DateBasis               model.DateBasis
	Location, Summary, Text string
	Start, End              int
}

// ArticleExtraction is the extraction of one article, for SaveExtractions.
type ArticleExtraction struct {
	ArticleID  int64
	Extraction Extraction
}

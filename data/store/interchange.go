package store

import "github.com/attache-app/attache/data/model"

// Exchange is a whole project as an exchange file (REFI-QDA) carries it:
// the tag tree, articles, and their passages. ExchangeSnapshot reads one and
// ImportExchange adds one to a project.
type Exchange struct {
	Tags     []ExchangeTag
	Articles []ExchangeArticle
	Events   []Event // read by ExchangeSnapshot only: events with a source span; ignored by ImportExchange
}

// ExchangeTag is a tag of an exchange. Parent is the index of its parent
// tag in Exchange.Tags, which comes before it, or -1 at the top level. ID is
// the tag's id in the project (set by ExchangeSnapshot, ignored on import).
type ExchangeTag struct {
	ID                        int64
	Parent                    int
	Name, Colour, Description string
}

// ExchangeArticle is an article with its passages.
type ExchangeArticle struct {
	Article  Article
	Passages []ExchangePassage
}

// ExchangePassage is a passage of an exchange article: Tags are indexes into
// Exchange.Tags. ID is the passage's id in the project (set by
// ExchangeSnapshot, ignored on import).
type ExchangePassage struct {
	ID         int64
	Start, End int // rune span in the article body
	Tags       []int
	Note       string
	model.Who  // set by ExchangeSnapshot on a shared project, ignored on import
}

// ExchangeResult reports what ImportExchange did.
type ExchangeResult struct {
	ArticleIDs     []int64 // id of each exchange article in the project, new or already there
	NewArticles    []int64 // ids of the articles this import added
	Refused        []int   // indexes of articles refused: their text is in the project with different spacing
	TagsCreated    int
	TagsReused     int // tags already in the project under the same name and parent
	Passages       int // passages created
	PassagesMerged int // passages already in the project with the same span, given the new tags and note
}

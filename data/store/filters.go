package store

import "github.com/attache-app/attache/data/model"

// ArticleSort orders an article list.
type ArticleSort int

// Orders of Articles.
const (
	ByImport ArticleSort = iota // source file and position, then id
	ByDate                      // published date (unknown dates last), then title
	ByTitle                     // title, case-insensitive
)

// ArticleFilter narrows Articles. Zero values do not filter.
type ArticleFilter struct {
	Text        string // full-text query, same syntax as Search
	Publication string // exact outlet name, case-insensitive
	From, To    string // inclusive published-date range, "2006-01-02"
	Sort        ArticleSort
	Desc        bool
	Limit       int // 0 = no limit
	Offset      int
}

// EntityFilter narrows Entities. Zero values do not filter.
type EntityFilter struct {
	Kind model.EntityKind
	Name string // case-insensitive substring of the name or an alias
}

// EventFilter narrows Events. Zero values do not filter.
type EventFilter struct {
	Status      model.Status
	Type        model.EventType
	ActorID     int64
	RecipientID int64
	TagID       int64
	ArticleID   int64
	From, To    string // inclusive date range "2006-01-02"; events without a date are left out when set
}

// MentionFilter narrows Mentions. Zero values do not filter.
type MentionFilter struct {
	ArticleID int64
	EntityID  int64
	Status    model.Status
}

// PassageFilter narrows Passages. Zero values do not filter.
type PassageFilter struct {
	ArticleID int64
	TagID     int64
}

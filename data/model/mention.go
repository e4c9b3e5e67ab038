package model

// Mention is an occurrence of an entity in an article.
type Mention struct {
	ID         int64
	EntityID   int64
	ArticleID  int64
	Start, End int // rune span in the article body
	Status     Status
	Text       string // the spanned text (filled by the store, ignored on create)
}

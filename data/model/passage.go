package model

// Passage is a tagged and/or annotated span of an article body. Passages may
// overlap.
type Passage struct {
	ID         int64
	ArticleID  int64
	Start, End int // rune span in the article body
	TagIDs     []int64
	Note       string
	Text       string // the spanned text (filled by the store, ignored on create)
	Who
}

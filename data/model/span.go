package model

// Span is a rune span [Start, End) in an article body.
type Span struct{ Start, End int }

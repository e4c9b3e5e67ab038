// Package refcheck checks what an item points at — its article, the span of
// that article's text, its entities and tags — the same way in every store
// engine. An engine supplies the two lookups, run in its own transaction.
package refcheck

import (
	"context"
	"fmt"

	"github.com/attache-app/attache/data/model"
)

// Lookup reads what the checks need from the project, inside the engine's
// transaction. Both lookups wrap store.ErrNotFound when the row is missing.
type Lookup interface {
	// Runes returns the length of an article's body in runes.
	Runes(ctx context.Context, articleID int64) (int, error)
	// Exists fails when table has no row id; noun names the row in the error.
	Exists(ctx context.Context, table, noun string, id int64) error
}

// Span refuses a rune span that is not within the article's body.
func Span(ctx context.Context, l Lookup, articleID int64, start, end int) error {
	n, err := l.Runes(ctx, articleID)
	if err != nil {
		return err
	}
	if start < 0 || start >= end || end > n {
		return fmt.Errorf("span %d–%d is not within article %d (0–%d, start before end)", start, end, articleID, n)
	}
	return nil
}

// Event normalises and validates e by itself, then checks the article, span,
// entities and tags it points at.
func Event(ctx context.Context, l Lookup, e *model.Event) error {
	e.Normalize()
	if err := e.Validate(); err != nil {
		return err
	}
	switch {
	case e.ArticleID != 0 && !(e.Start == 0 && e.End == 0):
		if err := Span(ctx, l, e.ArticleID, e.Start, e.End); err != nil {
			return err
		}
	case e.ArticleID != 0:
		if err := l.Exists(ctx, "articles", "article", e.ArticleID); err != nil {
			return err
		}
	}
	for _, ids := range [][]int64{e.Actors, e.Recipients} {
		for _, id := range ids {
			if err := l.Exists(ctx, "entities", "entity", id); err != nil {
				return err
			}
		}
	}
	for _, id := range e.TagIDs {
		if err := l.Exists(ctx, "tags", "tag", id); err != nil {
			return err
		}
	}
	return nil
}

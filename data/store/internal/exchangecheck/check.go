// Package exchangecheck checks an exchange (a whole project read from
// REFI-QDA) before an engine imports it, so that every engine refuses the
// same exchanges with the same reasons and writes nothing.
package exchangecheck

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// Check refuses an exchange with an article without text, a passage span
// outside its article, a tag index out of range, a tag whose parent does
// not come before it, a tag without a name or with a malformed colour.
func Check(x store.Exchange) error {
	for i, a := range x.Articles {
		if err := model.ValidBody(a.Article.Body); err != nil {
			return fmt.Errorf("article %d (%q): %w", i, a.Article.Title, err)
		}
		n := utf8.RuneCountInString(a.Article.Body)
		for _, p := range a.Passages {
			if p.Start < 0 || p.Start >= p.End || p.End > n {
				return fmt.Errorf("article %d (%q): span %d–%d is not within its text (0–%d)", i, a.Article.Title, p.Start, p.End, n)
			}
			for _, t := range p.Tags {
				if t < 0 || t >= len(x.Tags) {
					return fmt.Errorf("article %d (%q): tag index %d out of range", i, a.Article.Title, t)
				}
			}
		}
	}
	for i, t := range x.Tags {
		if t.Parent >= i || t.Parent < -1 {
			return fmt.Errorf("tag %d (%q): parent %d does not come before it", i, t.Name, t.Parent)
		}
		if strings.TrimSpace(t.Name) == "" {
			return fmt.Errorf("tag %d: empty name", i)
		}
		if t.Colour != "" {
			if err := model.ValidColour(t.Colour); err != nil {
				return fmt.Errorf("tag %d (%q): %w", i, t.Name, err)
			}
		}
	}
	return nil
}

// MergeNote is the note a passage keeps when an exchange brings a passage
// with the same span: the incoming note is added after the one it has,
// unless it is empty or already there.
func MergeNote(have, incoming string) string {
	switch {
	case incoming == "" || strings.Contains(have, incoming):
		return have
	case have == "":
		return incoming
	default:
		return have + "\n\n" + incoming
	}
}

package model

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// Article is one news article. Body is immutable after import; all offsets
// into it are rune offsets.
type Article struct {
	ID                              int64
	Title, Publication, Author, URL string
	Published                       string // "" = unknown, else "2006-01-02" or RFC 3339
	Dateline, Language              string
	Body                            string // immutable after import; offsets are rune offsets into it
	Hash                            string // set by the store: hex sha256 of the whitespace-normalised body
	SourcePath                      string // file it came from
	SourcePos                       int    // position of the article within that file (0-based)
}

// ArticleMeta is the editable metadata of an article.
type ArticleMeta struct {
	Title, Publication, Author, URL string
	Published                       string // "" = unknown, else "2006-01-02" or RFC 3339
	Dateline, Language              string
}

// ValidBody refuses an article body without text or with invalid UTF-8.
func ValidBody(body string) error {
	if strings.TrimSpace(body) == "" {
		return errors.New("empty body")
	}
	if !utf8.ValidString(body) {
		return errors.New("body is not valid UTF-8")
	}
	return nil
}

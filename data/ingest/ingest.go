// Package ingest turns files into articles: it detects each file's format by
// content and extension, reads plain text, Markdown, HTML, JSON, JSON Lines,
// CSV, TSV, RSS, Atom, e-mail, .docx, PDF and zip archives, decodes legacy
// encodings to UTF-8, reflows hard-wrapped text, splits bundles holding
// several articles, and hands the result to the store one file per
// transaction.
package ingest

import (
	"fmt"
	"path/filepath"

	"github.com/attache-app/attache/data/internal/refusal"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// DefaultMaxFileSize is the size limit applied when Options.MaxFileSize is 0.
const DefaultMaxFileSize = 100 << 20

// Split modes for Options.Split.
const (
	SplitAuto = "auto" // find the articles in a bundle (the default)
	SplitNone = "none" // one article per file (per record for structured formats)
)

// Options controls how files are read.
type Options struct {
	// Split is SplitAuto ("" means auto) or SplitNone.
	Split string
	// Published is the publication date ("2006-01-02") used for articles whose
	// content carries none; "" leaves it unknown.
	Published string
	// Publication is the outlet used for articles whose content names none.
	Publication string
	// MaxFileSize refuses larger files; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Extract, when not nil, suggests the entities and events of each
	// article read; Import saves them with the article, in the file's
	// transaction. It is called from several goroutines at once.
	Extract func(model.Article) store.Extraction
}

func (o Options) maxSize() int64 {
	if o.MaxFileSize > 0 {
		return o.MaxFileSize
	}
	return DefaultMaxFileSize
}

func (o Options) splitting() bool { return o.Split != SplitNone }

// ErrRefused is wrapped by every error that refuses a file (empty, binary,
// too large, malformed, unsafe). errors.Is(err, ErrRefused) tells a refused
// file from an I/O or store failure.
var ErrRefused = refusal.ErrRefused

// refuse builds the error returned for a refused file. The reason is made
// one line of reasonable length, cut at a word, whatever the underlying
// error quotes.
func refuse(path, format string, args ...any) error {
	return refusal.New("ingest", path, shorten(collapseSpace(fmt.Sprintf(format, args...)), refusal.MaxReason))
}

// Reason returns the one-line reason of a refusal without the file name, or
// err's text for other errors.
func Reason(err error) string { return refusal.Reason(err) }

func ext(name string) string { return lower(filepath.Ext(name)) }

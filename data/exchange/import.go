package exchange

import (
	"context"
	"fmt"

	"github.com/attache-app/attache/data/store"
)

// Result is what Import did.
type Result struct {
	Kind        Kind
	NewArticles []int64 // ids of the articles added
	Articles    int     // sources imported, new or already in the project
	Duplicates  int     // of those, already in the project
	TagsCreated int
	TagsReused  int
	Passages    int      // passages created
	Merged      int      // selections merged into passages with the same span
	Skipped     []string // one line per part left out, naming it and why
}

// Import reads a REFI-QDA file and adds it to the project in one
// transaction: sources become articles (with their title and variables),
// codes become tags (tree, colour, description), coded selections become
// passages with their tags, and a selection's description and notes its
// note. Codings and notes on a whole source become a passage spanning it.
// A refused file (error wrapping ErrRefused) or a failing import adds
// nothing.
func Import(ctx context.Context, st store.Store, path string) (Result, error) {
	doc, err := Read(path)
	if err != nil {
		return Result{}, err
	}
	return importDocument(ctx, st, path, doc)
}

// ImportBytes is Import for a REFI-QDA file named name held in memory (see
// ReadBytes).
func ImportBytes(ctx context.Context, st store.Store, name string, data []byte) (Result, error) {
	doc, err := ReadBytes(name, data)
	if err != nil {
		return Result{}, err
	}
	return importDocument(ctx, st, name, doc)
}

func importDocument(ctx context.Context, st store.Store, path string, doc *Document) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	res, err := st.ImportExchange(ctx, doc.Exchange)
	if err != nil {
		return Result{}, fmt.Errorf("exchange: import %s: %w", path, err)
	}
	out := Result{Kind: doc.Kind, NewArticles: res.NewArticles, TagsCreated: res.TagsCreated, TagsReused: res.TagsReused,
		Passages: res.Passages, Merged: res.PassagesMerged, Skipped: doc.Skipped}
	refused := map[int]bool{}
	for _, i := range res.Refused {
		refused[i] = true
		out.Skipped = append(out.Skipped, fmt.Sprintf("source %q: its text is already in the project with different spacing; its passages were not imported",
			doc.Exchange.Articles[i].Article.Title))
	}
	out.Articles = len(doc.Exchange.Articles) - len(refused)
	out.Duplicates = out.Articles - len(res.NewArticles)
	return out, nil
}

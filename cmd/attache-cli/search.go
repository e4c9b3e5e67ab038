package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/attache-app/attache/data/store"
)

func init() {
	register(command{name: "search", usage: "search [--json] [--limit N] QUERY", summary: "full-text search over titles and bodies", run: runSearch})
}

// hitJSON is a search hit as `search --json` prints it; the snippet marks hits
// with [ and ].
type hitJSON struct {
	ID          int64   `json:"id"`
	Title       string  `json:"title"`
	Publication string  `json:"publication"`
	Published   string  `json:"published"`
	Snippet     string  `json:"snippet"`
	Offset      int     `json:"offset"`
	Rank        float64 `json:"rank"`
}

func runSearch(e *env) int {
	fs := e.newFlags()
	asJSON := fs.Bool("json", false, "print a JSON array")
	limit := fs.Int("limit", 50, "at most this many hits")
	if code, ok := e.parse(fs); !ok {
		return code
	}
	query := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(query) == "" {
		fs.Usage()
		return 2
	}
	ctx := context.Background()
	return e.withProject(ctx, func(st store.Store) error {
		hits, err := st.Search(ctx, query, *limit)
		if err != nil {
			return err
		}
		mark := strings.NewReplacer(store.HitStart, "[", store.HitEnd, "]")
		if *asJSON {
			out := make([]hitJSON, 0, len(hits))
			for _, h := range hits {
				out = append(out, hitJSON{h.ArticleID, h.Title, h.Publication, h.Published, mark.Replace(h.Snippet), h.FirstHit, h.Rank})
			}
			return writeJSON(e.stdout, out)
		}
		for _, h := range hits {
			fmt.Fprintf(e.stdout, "%d\t%s\t%s\n\t%s\n", h.ArticleID, orDash(h.Published), h.Title, mark.Replace(h.Snippet))
		}
		if len(hits) == 0 {
			fmt.Fprintln(e.stderr, "no matches")
		}
		return nil
	})
}

package main

import (
	"context"
	"fmt"

	"github.com/attache-app/attache/data/store"
)

func init() {
	register(command{name: "articles", usage: "articles [--json]", summary: "list the project's articles", run: runArticles})
}

// articleJSON is an article as `articles --json` prints it.
type articleJSON struct {
	ID          int64  `json:"id"`
	Title       string `json:"title"`
	Publication string `json:"publication"`
	Author      string `json:"author"`
	URL         string `json:"url"`
	Published   string `json:"published"`
	Dateline    string `json:"dateline"`
	Body        string `json:"body"`
}

func runArticles(e *env) int {
	fs := e.newFlags()
	asJSON := fs.Bool("json", false, "print a JSON array")
	if code, ok := e.parseNoArgs(fs); !ok {
		return code
	}
	ctx := context.Background()
	return e.withProject(ctx, func(st store.Store) error {
		list, err := st.Articles(ctx, store.ArticleFilter{Sort: store.ByImport})
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]articleJSON, 0, len(list))
			for _, s := range list {
				a, err := st.Article(ctx, s.ID)
				if err != nil {
					return err
				}
				out = append(out, articleJSON{a.ID, a.Title, a.Publication, a.Author, a.URL, a.Published, a.Dateline, a.Body})
			}
			return writeJSON(e.stdout, out)
		}
		tw := newTable(e.stdout)
		fmt.Fprintln(tw, "ID\tPUBLISHED\tPUBLICATION\tTITLE")
		for _, a := range list {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", a.ID, orDash(a.Published), orDash(a.Publication), a.Title)
		}
		return tw.Flush()
	})
}

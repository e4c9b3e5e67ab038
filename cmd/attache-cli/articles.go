package main

import (
	"context"
	"fmt"
	"text/tabwriter"

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
	fs := e.newFlags("articles")
	asJSON := fs.Bool("json", false, "print a JSON array")
	if code, ok := e.parse(fs); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	ctx := context.Background()
	st, err := e.openProject(ctx)
	if err != nil {
		return e.fail("articles", err)
	}
	defer st.Close()
	list, err := st.Articles(ctx, store.ArticleFilter{Sort: store.ByImport})
	if err != nil {
		return e.fail("articles", err)
	}
	if *asJSON {
		out := make([]articleJSON, 0, len(list))
		for _, s := range list {
			a, err := st.Article(ctx, s.ID)
			if err != nil {
				return e.fail("articles", err)
			}
			out = append(out, articleJSON{a.ID, a.Title, a.Publication, a.Author, a.URL, a.Published, a.Dateline, a.Body})
		}
		if err := writeJSON(e.stdout, out); err != nil {
			return e.fail("articles", err)
		}
		return 0
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPUBLISHED\tPUBLICATION\tTITLE")
	for _, a := range list {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", a.ID, orDash(a.Published), orDash(a.Publication), a.Title)
	}
	if err := tw.Flush(); err != nil {
		return e.fail("articles", err)
	}
	return 0
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

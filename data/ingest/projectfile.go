package ingest

import (
	"context"

	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/sqlite"
)

// sqliteHeader opens every SQLite database file, and so every Attaché
// project file (.attache), which is imported whole into a shared project
// rather than read as articles (the engine refuses a database that is no
// project).
var sqliteHeader = []byte("SQLite format 3\x00")

// importProjectFile copies the project file at path — articles, tags,
// passages with their notes, entities with their aliases, mentions and
// events — into st in one transaction. Only a project that can take a whole
// project (a shared one) accepts it.
func importProjectFile(ctx context.Context, st store.Store, path string) FileResult {
	r := FileResult{Path: path, Exchange: true, Project: true}
	into, ok := st.(store.ProjectImporter)
	if !ok {
		r.Err = refuse(path, "a project file is imported into a shared project (postgres://…) only; open it with --db to work on it")
		return r
	}
	src, err := sqlite.Open(path)
	if err != nil {
		r.Err = err // names the file and why it is no project
		return r
	}
	defer src.Close()
	p, err := store.ReadProject(ctx, src)
	if err != nil {
		r.Err = err
		return r
	}
	res, err := into.ImportProject(ctx, p)
	if err != nil {
		r.Err = err
		return r
	}
	r.IDs = res.NewArticles
	r.Imported = len(res.NewArticles)
	r.Duplicates = len(p.Articles) - len(res.NewArticles) - len(res.Refused)
	for _, i := range res.Refused {
		r.Skipped = append(r.Skipped, "article "+quoteTitle(p.Articles[i].Article.Title)+": its text is in the project with different spacing")
	}
	r.Tags, r.TagsKnown, r.Passages = res.TagsCreated, res.TagsReused, res.Passages
	r.Entities, r.EntitiesKnown, r.Aliases = res.EntitiesCreated, res.EntitiesReused, res.Aliases
	r.Mentions, r.Events = res.Mentions, res.Events
	return r
}

func quoteTitle(t string) string { return "“" + t + "”" }

package ingest

import "github.com/attache-app/attache/data/model"

// draft is an article as the readers produce it, before the store gives it
// an id and a hash.
type draft = model.Article

// Package textsearch is the engine-independent half of the store's
// full-text search: it parses what an analyst types into terms, cuts
// Chinese, Japanese and Korean text into the overlapping character pairs
// that are indexed, and locates and marks the hits in a found article. An
// engine turns the terms into its own index query (SQLite FTS5, PostgreSQL)
// and ranks the articles; every engine marks the same hits the same way.
package textsearch

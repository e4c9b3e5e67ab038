package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/attache-app/attache/data/export"
	"github.com/attache-app/attache/data/project"
	"github.com/attache-app/attache/data/store"
)

// isExchangeFormat reports the REFI-QDA formats: the whole project (qdpx) or
// its codebook (qdc).
func isExchangeFormat(format string) bool { return format == "qdpx" || format == "qdc" }

// runExportExchange exports the project as a .qdpx archive or its tag tree as
// a .qdc codebook.
func runExportExchange(e *env, fs *flag.FlagSet, format, out string, events bool) int {
	var other []string
	fs.Visit(func(f *flag.Flag) {
		if f.Name != "format" && f.Name != "o" && f.Name != "events" {
			other = append(other, "--"+f.Name)
		}
	})
	switch {
	case fs.NArg() > 0:
		return e.misuse("unexpected arguments")
	case len(other) > 0:
		return e.misuse("--format %s exports the whole project: %s does not apply", format, strings.Join(other, ", "))
	case format == "qdpx" && out == "":
		return e.misuse("--format qdpx writes a zip archive: give -o FILE.qdpx")
	case events && format != "qdpx":
		return e.misuse("--events goes with --format qdpx")
	}
	if e.db != "" && !project.IsDatabaseURL(e.db) {
		if _, err := os.Stat(e.db); err != nil {
			return e.fail(fmt.Errorf("open project %s: %w", e.db, errors.Unwrap(err)))
		}
	}
	ctx := context.Background()
	return e.withProject(ctx, func(st store.Store) error {
		return writeExport(ctx, st, export.Options{Format: format, Events: events}, out, e.stdout)
	})
}

// plural writes a count with its noun, "1 tag" or "5 tags".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/attache-app/attache/data/export"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/project"
	"github.com/attache-app/attache/data/store"
)

func init() {
	register(command{
		name:    "export",
		usage:   "export --format csv|json|jsonl|timelinejs [--what events|passages|entities] [-o FILE] [--status S] [--type T] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--lanes actor|pair|type] [--title TEXT]\n            attache-cli export --format qdpx [--events] -o FILE.qdpx | --format qdc [-o FILE.qdc]",
		summary: "export events, tagged passages or entities; the whole project as REFI-QDA",
		run:     runExport,
	})
}

// exportFormats lists the formats each kind of record can be exported in.
func exportFormats(what string) []string {
	var out []string
	for _, f := range export.Formats {
		if f.Holds(what) {
			out = append(out, f.Name)
		}
	}
	return out
}

func runExport(e *env) int {
	fs := e.newFlags()
	format := fs.String("format", "", "output format: csv, json, jsonl, timelinejs; qdpx (the whole project, REFI-QDA) or qdc (its codebook)")
	what := fs.String("what", "events", "what to export: events, passages or entities")
	out := fs.String("o", "", "write to this file (replaced only when the export succeeds) instead of standard output")
	lane := fs.String("lanes", "actor", "TimelineJS groups: actor, pair (actor and recipient country) or type")
	title := fs.String("title", "Attaché events", "TimelineJS title slide")
	flt := eventFilterFlags(fs)
	events := fs.Bool("events", false, "qdpx: also export events, as the code branch \"Events (Attaché)\" ▸ event type")
	if code, ok := e.parse(fs); !ok {
		return code
	}
	if isExchangeFormat(*format) {
		return runExportExchange(e, fs, *format, *out, *events)
	}
	if *events {
		return e.misuse("--events goes with --format qdpx")
	}
	f := flt.filter()
	if err := checkExportFlags(fs.NArg(), *format, *what, *lane, f); err != nil {
		e.misuse("%v", err)
		fs.Usage()
		return 2
	}
	// An export only reads: a named project that does not exist is an error,
	// not a new empty project. Without --db the default project opens as for
	// every other command, so a missing one is created (and seeded) first.
	if e.db != "" && !project.IsDatabaseURL(e.db) {
		if _, err := os.Stat(e.db); err != nil {
			return e.fail(fmt.Errorf("open project %s: %w", e.db, errors.Unwrap(err)))
		}
	}
	ctx := context.Background()
	return e.withProject(ctx, func(st store.Store) error {
		o := export.Options{Format: *format, What: *what, Filter: f, Lanes: *lane, Title: *title}
		return writeExport(ctx, st, o, *out, e.stdout)
	})
}

// writeExport exports what o asks for to the file out, replaced only when
// the export succeeds, or to stdout when out is "".
func writeExport(ctx context.Context, st store.Store, o export.Options, out string, stdout io.Writer) error {
	if out != "" {
		_, err := export.ToFile(ctx, st, out, o)
		return err
	}
	write, err := export.Prepare(ctx, st, o)
	if err != nil {
		return err
	}
	_, err = write(stdout)
	return err
}

// checkExportFlags reports bad usage: a format the records cannot be written
// in, event filters on passages or entities, malformed dates.
func checkExportFlags(args int, format, what, lane string, f store.EventFilter) error {
	if args > 0 {
		return errors.New("unexpected arguments")
	}
	formats := exportFormats(what)
	if what != export.WhatEvents && what != export.WhatPassages && what != export.WhatEntities {
		return fmt.Errorf("--what %q: want events, passages or entities", what)
	}
	if format == "" {
		return errors.New("--format is required")
	}
	found := false
	for _, x := range formats {
		found = found || x == format
	}
	if !found {
		return fmt.Errorf("%s can be exported as %s, not %q", what, strings.Join(formats, ", "), format)
	}
	if what != "events" && (f.Status != "" || f.Type != "" || f.From != "" || f.To != "") {
		return fmt.Errorf("--status, --type, --from and --to filter events, not %s", what)
	}
	if _, ok := export.Lane(lane); !ok {
		return fmt.Errorf("--lanes %q: want actor, pair or type", lane)
	}
	if f.Status != "" && f.Status.Valid() != nil {
		return fmt.Errorf("--status %q: want %s", f.Status, model.Choices(model.Statuses()))
	}
	if err := model.ValidDate(f.From); err != nil {
		return fmt.Errorf("--from: %w", err)
	}
	if err := model.ValidDate(f.To); err != nil {
		return fmt.Errorf("--to: %w", err)
	}
	return nil
}

package export

import (
	"context"
	"fmt"
	"io"

	"github.com/attache-app/attache/data/exchange"
	"github.com/attache-app/attache/data/store"
)

// What an export holds.
const (
	WhatEvents   = "events"
	WhatPassages = "passages"
	WhatEntities = "entities"
	WhatProject  = "project"  // the whole project, REFI-QDA .qdpx
	WhatCodebook = "codebook" // the tag tree, REFI-QDA .qdc
)

// Format is a file format the project can be exported in. Formats lists
// them; the app and the command line offer exactly these.
type Format struct {
	Name  string   // as the command line names it: "csv", "jsonl", "qdpx"…
	Label string   // as the app offers it: "CSV", "JSON Lines"…
	Ext   string   // the file name extension, dot included
	What  []string // what it can hold (WhatEvents…), the first by default
	read  func(ctx context.Context, st store.Store, o Options) (writer, error)
}

// writer writes what an export read, and returns how many records it wrote.
type writer func(w io.Writer) (int, error)

// Formats are the export formats, in the order a picker shows them.
var Formats = []Format{
	{Name: "csv", Label: "CSV", Ext: ".csv", What: []string{WhatEvents, WhatPassages, WhatEntities}, read: readCSV},
	{Name: "json", Label: "JSON", Ext: ".json", What: []string{WhatEvents}, read: readEvents(WriteEventsJSON)},
	{Name: "jsonl", Label: "JSON Lines", Ext: ".jsonl", What: []string{WhatEvents}, read: readEvents(WriteEventsJSONL)},
	{Name: "timelinejs", Label: "TimelineJS", Ext: ".timeline.json", What: []string{WhatEvents}, read: readTimelineJS},
	{Name: "qdpx", Label: "REFI-QDA project", Ext: ".qdpx", What: []string{WhatProject}, read: readProject},
	{Name: "qdc", Label: "REFI-QDA codebook", Ext: ".qdc", What: []string{WhatCodebook}, read: readCodebook},
}

// FormatNamed returns the format called name (a Format's Name), and false for
// an unknown one.
func FormatNamed(name string) (Format, bool) {
	for _, f := range Formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// Holds reports whether f can hold what.
func (f Format) Holds(what string) bool {
	for _, w := range f.What {
		if w == what {
			return true
		}
	}
	return false
}

// Options say what to export and how.
type Options struct {
	// Format is a Format's Name.
	Format string
	// What is what to export (WhatEvents…); "" is the format's first.
	What string
	// Filter picks the events to export.
	Filter store.EventFilter
	// Lanes groups TimelineJS slides: a name from Lanes ("" is "actor").
	Lanes string
	// Title is the TimelineJS title slide.
	Title string
	// Project names the project in a .qdpx; "" is the project file's name.
	Project string
	// User is the analyst a .qdpx names; "" is the system's user.
	User string
	// Events adds the events to a .qdpx as codes (see exchange.ExportOptions).
	Events bool
}

// Prepare reads from st what o asks for and returns the function that writes
// it and returns how many records it wrote. Records are read before anything
// is written, so a failed read writes nothing (a .qdpx reads its snapshot
// when written). It fails on an unknown format, or one that cannot hold o.What.
func Prepare(ctx context.Context, st store.Store, o Options) (func(io.Writer) (int, error), error) {
	f, ok := FormatNamed(o.Format)
	if !ok {
		return nil, fmt.Errorf("export: unknown format %q", o.Format)
	}
	if o.What == "" {
		o.What = f.What[0]
	}
	if !f.Holds(o.What) {
		return nil, fmt.Errorf("export: %s cannot be exported as %s", o.What, f.Label)
	}
	return f.read(ctx, st, o)
}

// ToFile exports what o asks for to path, atomically: a failed export leaves
// whatever was at path as it was. It returns how many records the file holds.
func ToFile(ctx context.Context, st store.Store, path string, o Options) (int, error) {
	write, err := Prepare(ctx, st, o)
	if err != nil {
		return 0, err
	}
	var n int
	err = WriteFileAtomic(path, func(w io.Writer) error {
		var err error
		n, err = write(w)
		return err
	})
	return n, err
}

func readCSV(ctx context.Context, st store.Store, o Options) (writer, error) {
	switch o.What {
	case WhatPassages:
		ps, err := PassagesFromStore(ctx, st, store.PassageFilter{})
		if err != nil {
			return nil, err
		}
		return func(w io.Writer) (int, error) { return len(ps), WritePassagesCSV(w, ps) }, nil
	case WhatEntities:
		es, err := EntitiesFromStore(ctx, st, store.EntityFilter{})
		if err != nil {
			return nil, err
		}
		return func(w io.Writer) (int, error) { return len(es), WriteEntitiesCSV(w, es) }, nil
	}
	return readEvents(WriteEventsCSV)(ctx, st, o)
}

// readEvents reads the events o's filter lets through, to be written by write.
func readEvents(write func(io.Writer, []EventRecord) error) func(context.Context, store.Store, Options) (writer, error) {
	return func(ctx context.Context, st store.Store, o Options) (writer, error) {
		evs, err := EventsFromStore(ctx, st, o.Filter)
		if err != nil {
			return nil, err
		}
		return func(w io.Writer) (int, error) { return len(evs), write(w, evs) }, nil
	}
}

func readTimelineJS(ctx context.Context, st store.Store, o Options) (writer, error) {
	if o.Lanes == "" {
		o.Lanes = Lanes[0]
	}
	group, ok := Lane(o.Lanes)
	if !ok {
		return nil, fmt.Errorf("export: unknown lanes %q", o.Lanes)
	}
	return readEvents(func(w io.Writer, evs []EventRecord) error {
		return WriteTimelineJS(w, o.Title, evs, group)
	})(ctx, st, o)
}

func readProject(ctx context.Context, st store.Store, o Options) (writer, error) {
	opts := exchange.ExportOptions{Name: o.Project, User: o.User, Events: o.Events}
	if opts.Name == "" {
		opts.Name = exchange.ProjectName(st.Location())
	}
	if opts.User == "" {
		opts.User = exchange.AnalystName()
	}
	return func(w io.Writer) (int, error) { return exchange.ExportProject(ctx, st, w, opts) }, nil
}

func readCodebook(ctx context.Context, st store.Store, _ Options) (writer, error) {
	return func(w io.Writer) (int, error) { return exchange.ExportCodebook(ctx, st, w) }, nil
}

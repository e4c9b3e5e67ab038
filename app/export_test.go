package app

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/store/sqlite"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/attache-app/attache/data/export"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// eventsSchema compiles the committed JSON Schema of the events export; ref
// picks a part of it ("" for the whole array, "#/$defs/event" for one line).
func eventsSchema(t *testing.T, ref string) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(export.Schema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("events.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("events.schema.json" + ref)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// projectState is what an export must leave unchanged.
type projectState struct {
	Events   []model.Event
	Passages []model.Passage
	Counts   store.Counts
	Undo     string
}

func stateOf(t *testing.T, st store.Store) projectState {
	t.Helper()
	ctx := context.Background()
	var s projectState
	var err error
	s.Events = mustEvents(t, st, store.EventFilter{})
	if s.Passages, err = st.Passages(ctx, store.PassageFilter{}); err != nil {
		t.Fatal(err)
	}
	if s.Counts, err = st.Counts(ctx); err != nil {
		t.Fatal(err)
	}
	if s.Undo, err = st.UndoLabel(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// a byte-order mark tells spreadsheets the file is UTF-8; they drop it
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatalf("%s is not valid CSV: %v", path, err)
	}
	return rows
}

// tempStore opens a new project in a temporary folder, closed when the test ends.
func tempStore(t *testing.T) store.Store {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "export.attache"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// exportTo exports as the app does: what and lanes as the app names them,
// format as the command line does.
func exportTo(ctx context.Context, st store.Store, path, what, format string, filter store.EventFilter, lanes string) (int, error) {
	return export.ToFile(ctx, st, path, exportOptions(what, formatLabel(format), filter, lanes, projectName(st.Location())))
}

// TestExportFormats exports the coded fixture in every format File ▸ Export…
// offers and checks each file as its reader (a JSON parser and the schema, a
// spreadsheet, TimelineJS) would see it.
func TestExportFormats(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	f := addEvents(t, st)
	tag, err := st.CreateTag(ctx, model.Tag{Name: "Summits", Colour: "#3cb44b"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreatePassage(ctx, model.Passage{ArticleID: f.pactArticle.ID, Start: f.pactStart, End: f.pactEnd, TagIDs: []int64{tag}, Note: "=HYPERLINK(\"x\")"}); err != nil {
		t.Fatal(err)
	}
	before := stateOf(t, st)
	dir := t.TempDir()
	exportFile := func(name, what, format string, filter store.EventFilter, lanes string, wantN int) string {
		t.Helper()
		path := filepath.Join(dir, name)
		n, err := exportTo(ctx, st, path, what, format, filter, lanes)
		if err != nil {
			t.Fatalf("export %s: %v", name, err)
		}
		if n != wantN {
			t.Errorf("export %s reports %d records, want %d", name, n, wantN)
		}
		return path
	}

	t.Run("JSON", func(t *testing.T) {
		path := exportFile("events.json", whatEvents, "json", store.EventFilter{}, lanesByActor, 4)
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("the JSON export does not parse: %v", err)
		}
		if err := eventsSchema(t, "").Validate(inst); err != nil {
			t.Fatalf("the JSON export is not valid against the schema: %v", err)
		}
		var recs []export.EventRecord
		if err := json.Unmarshal(raw, &recs); err != nil {
			t.Fatal(err)
		}
		var call *export.EventRecord
		for i := range recs {
			if recs[i].ID == f.call {
				call = &recs[i]
			}
		}
		if call == nil {
			t.Fatalf("the phone call is not exported: %+v", recs)
		}
		if call.Date != "2025-01-17" || call.Event != "CONSULT" || call.Text != f.callQuote || call.Source.ArticleID != f.callArticle.ID ||
			len(call.Actor) != 1 || call.Actor[0].Name != "United States" || call.Recipient[0].Country != "CHN" {
			t.Errorf("the phone call is exported as %+v", *call)
		}
	})

	t.Run("filtered JSON Lines", func(t *testing.T) {
		path := exportFile("confirmed.jsonl", whatEvents, "jsonl", store.EventFilter{Status: model.StatusConfirmed}, lanesByActor, 1)
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n")
		if len(lines) != 1 {
			t.Fatalf("the confirmed-only export has %d lines, want 1", len(lines))
		}
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(lines[0]))
		if err != nil {
			t.Fatal(err)
		}
		if err := eventsSchema(t, "#/$defs/event").Validate(inst); err != nil {
			t.Errorf("the line is not a valid event: %v", err)
		}
		if !strings.Contains(lines[0], `"cameo":"057"`) || !strings.Contains(lines[0], f.pactQuote) {
			t.Errorf("the line is not the Canada–EU pact: %s", lines[0])
		}
	})

	t.Run("CSV", func(t *testing.T) {
		rows := readCSV(t, exportFile("events.csv", whatEvents, "csv", store.EventFilter{}, lanesByActor, 4))
		if len(rows) != 5 || rows[0][0] != "id" || rows[0][1] != "date" {
			t.Fatalf("the events CSV has %d rows, header %q; want a header and 4 events", len(rows), rows[0])
		}
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		found := false
		for _, r := range rows[1:] {
			if r[col["cameo"]] == "057" && r[col["date"]] == "2025-06-23" && r[col["text"]] == f.pactQuote {
				found = true
			}
		}
		if !found {
			t.Errorf("no CSV row for the pact with its CAMEO code, date and quote: %q", rows[1:])
		}
		passages := readCSV(t, exportFile("passages.csv", whatPassages, "csv", store.EventFilter{}, lanesByActor, 1))
		if len(passages) != 2 || passages[0][0] != "article_id" || !strings.HasPrefix(passages[1][6], "'") {
			t.Errorf("the passages CSV is %q, want a header and one row with its formula-like note made inert", passages)
		}
		entities := readCSV(t, exportFile("entities.csv", whatEntities, "csv", store.EventFilter{}, lanesByActor, 4))
		if len(entities) != 5 || !slices.Contains(entities[0], "name") || !slices.Contains(entities[0], "aliases") {
			t.Errorf("the entities CSV is %q, want a header and four entities", entities)
		}
	})

	t.Run("TimelineJS", func(t *testing.T) {
		for _, tc := range []struct {
			lanes string
			want  map[string]string // unique_id -> group
		}{
			{lanesByActor, map[string]string{"event-1": "United States", "event-2": "Canada", "event-3": "China"}},
			{lanesByPair, map[string]string{"event-1": "CHN – USA", "event-2": "CAN – European Union", "event-4": "CAN – USA"}},
			{lanesByType, map[string]string{"event-1": "CONSULT", "event-3": "ACCUSE"}},
		} {
			path := exportFile("events.timeline.json", whatEvents, "timelinejs", store.EventFilter{}, tc.lanes, 4)
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var tl struct {
				Events []struct {
					StartDate struct{ Year, Month, Day string } `json:"start_date"`
					Text      struct{ Headline, Text string }
					Group     string
					UniqueID  string `json:"unique_id"`
				}
			}
			if err := json.Unmarshal(raw, &tl); err != nil {
				t.Fatalf("the TimelineJS file does not parse: %v", err)
			}
			if len(tl.Events) != 4 {
				t.Fatalf("the TimelineJS file has %d slides, want 4", len(tl.Events))
			}
			for _, s := range tl.Events {
				if want, ok := tc.want[s.UniqueID]; ok && s.Group != want {
					t.Errorf("%s: slide %s is in group %q, want %q", tc.lanes, s.UniqueID, s.Group, want)
				}
				if s.UniqueID == "event-1" && (s.StartDate.Year != "2025" || s.StartDate.Month != "1" || s.StartDate.Day != "17" ||
					s.Text.Headline != "United States — CONSULT — China") {
					t.Errorf("the phone call slide is %+v", s)
				}
			}
		}
	})

	if after := stateOf(t, st); !reflect.DeepEqual(before, after) {
		t.Errorf("exporting changed the project:\nbefore %+v\nafter  %+v", before, after)
	}
}

// TestFailedExportLeavesNoFile exports to places that cannot be written: the
// export fails, names the file, and leaves nothing under the target name.
func TestFailedExportLeavesNoFile(t *testing.T) {
	ctx := context.Background()
	st := tempStore(t)
	addEvents(t, st)
	dir := t.TempDir()
	notADir := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notADir, []byte("a file, not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	busy := filepath.Join(dir, "events.json")
	if err := os.MkdirAll(filepath.Join(busy, "inside"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, path, format string }{
		{"folder is a file", filepath.Join(notADir, "events.json"), "json"},
		{"missing folder", filepath.Join(dir, "no", "such", "events.csv"), "csv"},
		{"target is a folder", busy, "json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := exportTo(ctx, st, tc.path, whatEvents, tc.format, store.EventFilter{}, lanesByActor)
			if err == nil {
				t.Fatal("the export succeeded")
			}
			if !strings.Contains(err.Error(), tc.path) {
				t.Errorf("the error %q does not name %s", err, tc.path)
			}
			if fi, err := os.Stat(tc.path); err == nil && !fi.IsDir() {
				t.Errorf("a file was left at %s", tc.path)
			}
		})
	}
	left, err := filepath.Glob(filepath.Join(dir, ".*"))
	if err != nil || len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

// TestFailedExportSaysSo exports from the app to a folder that cannot be
// written: the analyst gets an error naming the file, and the activity
// indicator stops.
func TestFailedExportSaysSo(t *testing.T) {
	d := newDesk(t)
	addEvents(t, d.st)
	notADir := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(notADir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(notADir, "events.json")
	d.wb.exportFile(path, exportOptions(whatEvents, "JSON", store.EventFilter{}, lanesByActor, "desk"))
	if !d.wb.status.activity.Visible() {
		t.Error("no activity indicator while exporting")
	}
	d.waitFor("the error dialog", func() bool { return d.overlay() != nil })
	if texts := labelTexts(d.overlay()); !anyContains(texts, path) {
		t.Errorf("the error dialog says %q, want it to name %s", texts, path)
	}
	if d.wb.status.activity.Visible() {
		t.Error("the activity indicator keeps spinning after the export failed")
	}

	d.wb.win.Canvas().Overlays().Remove(d.overlay())
	good := filepath.Join(t.TempDir(), "events.json")
	d.wb.exportFile(good, exportOptions(whatEvents, "JSON", store.EventFilter{Status: model.StatusSuggested}, lanesByActor, "desk"))
	d.waitFor("the export to finish", func() bool { return !d.wb.status.activity.Visible() })
	if got := d.wb.status.message.Text; got != "Exported 2 records to "+good {
		t.Errorf("the status bar says %q after exporting", got)
	}
	if _, err := os.Stat(good); err != nil {
		t.Error(err)
	}
}

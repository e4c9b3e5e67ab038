package export_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/export"
	"github.com/attache-app/attache/data/store/sqlite"
)

// TestEveryFormatWrites exports the seed project in every format of the
// table, everything each can hold, and checks that the file starts as its
// format does and that the count is the project's.
func TestEveryFormatWrites(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(seedProject(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, err := st.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{export.WhatEvents: c.Events, export.WhatPassages: c.Passages, export.WhatEntities: c.Entities,
		export.WhatProject: c.Articles, export.WhatCodebook: c.Tags}
	starts := map[string]string{"csv": "\ufeff", "json": "[", "jsonl": "{", "timelinejs": "{", "qdpx": "PK\x03\x04", "qdc": "<?xml"}
	dir := t.TempDir()
	for _, f := range export.Formats {
		if f.Name == "" || f.Label == "" || !strings.HasPrefix(f.Ext, ".") || len(f.What) == 0 {
			t.Errorf("format %+v is not fully described", f)
		}
		for _, what := range f.What {
			path := filepath.Join(dir, what+f.Ext)
			n, err := export.ToFile(ctx, st, path, export.Options{Format: f.Name, What: what, Title: "Seed"})
			if err != nil {
				t.Errorf("%s as %s: %v", what, f.Name, err)
				continue
			}
			if n != count[what] || n == 0 {
				t.Errorf("%s as %s: %d records written, want the project's %d", what, f.Name, n, count[what])
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(data, []byte(starts[f.Name])) {
				t.Errorf("%s as %s starts %q, want %q", what, f.Name, data[:min(len(data), 10)], starts[f.Name])
			}
		}
	}
}

// TestExportRefusesWhatAFormatCannotHold asks for a format that does not
// exist, and for passages as JSON: both fail, and no file is left behind.
func TestExportRefusesWhatAFormatCannotHold(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(seedProject(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	dir := t.TempDir()
	for _, o := range []export.Options{{Format: "xml"}, {Format: "json", What: export.WhatPassages}, {Format: "timelinejs", Lanes: "colour"}} {
		path := filepath.Join(dir, "out")
		if _, err := export.ToFile(ctx, st, path, o); err == nil {
			t.Errorf("%+v: the export succeeded", o)
		}
		if _, err := os.Stat(path); err == nil {
			t.Errorf("%+v: a file was left behind", o)
		}
	}
}

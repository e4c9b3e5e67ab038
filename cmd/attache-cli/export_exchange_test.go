package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/exchange/exchangetest"
)

// TestREFIQDACommands moves a coded project through the command line:
// import a .qdpx, export it as .qdpx and its codebook as .qdc, import both
// into new projects.
func TestREFIQDACommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "first.attache")
	var out, errb bytes.Buffer
	if code := run([]string{"--db", db, "import", "--no-extract", exchangetest.Pack(t, "coded.qdpx")}, nil, &out, &errb); code != 0 {
		t.Fatalf("import: exit %d: %s %s", code, out.String(), errb.String())
	}
	if !strings.Contains(out.String(), "coded.qdpx: imported 2 articles, 5 tags, 6 passages\n") || strings.Count(out.String(), "\n") != 1 {
		t.Errorf("import stdout %q", out.String())
	}
	if !strings.Contains(errb.String(), `coded.qdpx: audio source "Press briefing.m4a": only text sources are imported; skipped`) {
		t.Errorf("import stderr lacks the skipped audio source: %q", errb.String())
	}

	qdpx := filepath.Join(dir, "out.qdpx")
	out.Reset()
	errb.Reset()
	if code := run([]string{"--db", db, "export", "--format", "qdpx", "-o", qdpx}, nil, &out, &errb); code != 0 {
		t.Fatalf("export qdpx: exit %d: %s", code, errb.String())
	}
	zr, err := zip.OpenReader(qdpx)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, f := range zr.File {
		names[f.Name] = true
		if f.Name == "project.qde" {
			rc, _ := f.Open()
			qde, _ := io.ReadAll(rc)
			rc.Close()
			if !bytes.Contains(qde, []byte(`name="first"`)) || !bytes.Contains(qde, []byte(`name="Foreign minister on US ties"`)) {
				t.Errorf("project.qde lacks the project or source name")
			}
		}
	}
	zr.Close()
	if !names["project.qde"] || len(names) != 3 {
		t.Errorf("archive holds %v; want project.qde and two sources", names)
	}

	out.Reset()
	if code := run([]string{"--db", db, "export", "--format", "qdc"}, nil, &out, &errb); code != 0 {
		t.Fatalf("export qdc: exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), `<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Attaché">`) || !strings.Contains(out.String(), `name="Phone calls"`) {
		t.Errorf("codebook output:\n%s", out.String())
	}
	qdc := filepath.Join(dir, "codes.qdc")
	os.WriteFile(qdc, out.Bytes(), 0o644)

	second := filepath.Join(dir, "second.attache")
	out.Reset()
	errb.Reset()
	if code := run([]string{"--db", second, "import", "--no-extract", qdpx, qdc}, nil, &out, &errb); code != 0 {
		t.Fatalf("re-import: exit %d: %s %s", code, out.String(), errb.String())
	}
	want := qdpx + ": imported 2 articles, 5 tags, 6 passages\n" + qdc + ": imported 0 articles, 0 tags, 0 passages (5 tags already in the project)\n"
	if got := out.String(); got != want || errb.Len() != 0 {
		t.Errorf("re-import stdout %q (want %q), stderr %q", got, want, errb.String())
	}
}

func TestREFIQDAExportUsage(t *testing.T) {
	db := exportProject(t)
	for _, args := range [][]string{
		{"--format", "qdpx"},
		{"--format", "qdpx", "--what", "passages", "-o", "x.qdpx"},
		{"--format", "qdc", "--events"},
		{"--format", "json", "--events"},
		{"--format", "qdpx", "-o", "x.qdpx", "extra"},
	} {
		var out, errb bytes.Buffer
		if code := run(append([]string{"--db", db, "export"}, args...), nil, &out, &errb); code != 2 || out.Len() != 0 {
			t.Errorf("export %v: exit %d, stdout %q; want 2 and nothing", args, code, out.String())
		}
	}
}

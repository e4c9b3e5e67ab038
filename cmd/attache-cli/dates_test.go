package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImpossibleDateRefused gives 2025-02-31 to every command that takes a
// date: each exits 2 with an error naming the flag, the value and the
// reason, and no project is created.
func TestImpossibleDateRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.attache")
	story := writeTemp(t, dir, "story.txt", "Canada and the EU on Monday signed a defense and security pact in Brussels.\n")
	for _, tc := range []struct {
		name     string
		args     []string
		oneLine  bool
		flagName string
	}{
		{"import", []string{"--db", db, "import", "--published", "2025-02-31", story}, true, "--published"},
		{"extract", []string{"extract", "--published", "2025-02-31"}, true, "--published"},
		{"export", []string{"--db", db, "export", "--format", "csv", "--from", "2025-02-31"}, false, "--from"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(tc.args, strings.NewReader(""), &out, &errb); code != 2 {
				t.Fatalf("exit %d, want 2 (stderr %q)", code, errb.String())
			}
			msg := errb.String()
			if tc.oneLine && strings.Count(msg, "\n") != 1 {
				t.Errorf("stderr is not one line: %q", msg)
			}
			first, _, _ := strings.Cut(msg, "\n")
			for _, want := range []string{tc.flagName, `"2025-02-31"`, "day out of range"} {
				if !strings.Contains(first, want) {
					t.Errorf("error %q does not say %s", first, want)
				}
			}
			if out.Len() != 0 {
				t.Errorf("stdout %q, want nothing", out.String())
			}
			if _, err := os.Stat(db); !os.IsNotExist(err) {
				t.Errorf("a refused command left a project file behind (stat: %v)", err)
			}
		})
	}
}

// TestExtractRecordImpossibleDate: a JSONL record dated 2025-02-31 is
// reported on its own line and the other records are still coded.
func TestExtractRecordImpossibleDate(t *testing.T) {
	in := `{"id":1,"text":"Canada and the EU on Monday signed a defense pact.","published":"2025-02-31"}` + "\n" +
		`{"id":2,"text":"Canada and the EU on Monday signed a defense pact.","published":"2025-06-24T09:30:00Z"}` + "\n"
	var out, errb bytes.Buffer
	code := run([]string{"extract"}, strings.NewReader(in), &out, &errb)
	if code != 1 {
		t.Errorf("exit %d, want 1 (one record failed)", code)
	}
	if !strings.Contains(errb.String(), "2025-02-31") || !strings.Contains(errb.String(), "day out of range") {
		t.Errorf("stderr %q does not name the impossible date", errb.String())
	}
	if n := strings.Count(strings.TrimSpace(out.String()), "\n") + 1; out.Len() == 0 || n != 1 {
		t.Errorf("stdout has %d records, want the good one alone: %q", n, out.String())
	}
}

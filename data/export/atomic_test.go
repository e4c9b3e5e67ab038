package export_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/export"
)

var errFull = errors.New("no space left on device")

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "events.csv")
	if err := export.WriteFileAtomic(path, func(w io.Writer) error {
		return export.WriteEventsCSV(w, seedEvents())
	}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, rows := readCSV(t, data); len(rows) != len(seedEvents()) {
		t.Errorf("%d rows in the file", len(rows))
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}
	assertOnly(t, dir, "events.csv")
}

func TestWriteFileAtomicFailureLeavesNothing(t *testing.T) {
	tests := []struct {
		name     string
		existing string // content of the target before the export, "" none
	}{
		{"new file", ""},
		{"existing file kept", "previous export\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.json")
			if tt.existing != "" {
				if err := os.WriteFile(path, []byte(tt.existing), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			// Fails after writing most of a large export, as a full disk would.
			err := export.WriteFileAtomic(path, func(w io.Writer) error {
				for i := range 10000 {
					if _, err := fmt.Fprintf(w, "{\"id\":%d}\n", i); err != nil {
						return err
					}
				}
				return errFull
			})
			if err == nil || !strings.Contains(err.Error(), path) || !errors.Is(err, errFull) {
				t.Fatalf("error %v, want one naming %s and the reason", err, path)
			}
			if tt.existing == "" {
				assertOnly(t, dir)
				return
			}
			got, _ := os.ReadFile(path)
			if string(got) != tt.existing {
				t.Errorf("target changed to %q", got)
			}
			assertOnly(t, dir, "out.json")
		})
	}
}

func TestWriteFileAtomicUnwritable(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ name, path, reason string }{
		{"missing folder", filepath.Join(dir, "no", "such", "folder", "x.csv"), "no such file or directory"},
		{"target is a folder", dir, ""},
	}
	if os.Geteuid() != 0 {
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		tests = append(tests, struct{ name, path, reason string }{"read-only folder", filepath.Join(ro, "x.csv"), "permission denied"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			called := false
			err := export.WriteFileAtomic(tt.path, func(w io.Writer) error {
				called = true
				_, err := io.WriteString(w, "data")
				return err
			})
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "export: write "+tt.path+": ") || !strings.Contains(msg, tt.reason) || strings.Contains(msg, ".tmp") || strings.Contains(msg, "\n") {
				t.Errorf("error %q: want one line naming %s and the reason %q", msg, tt.path, tt.reason)
			}
			_ = called
		})
	}
	// Nothing was left behind in the folders that exist.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

// assertOnly fails unless dir holds exactly the named files.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("folder holds %v, want %v", got, names)
	}
}

package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseArgs(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "dépêche 1.txt")
	if err := os.WriteFile(file, []byte("The ministers met in Geneva."), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)

	o, err := parseArgs([]string{"--name", "Attaché", "--at", "10,-5", "dépêche 1.txt"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if o.name != "Attaché" || o.at == nil || *o.at != [2]int16{10, -5} || len(o.paths) != 1 {
		t.Fatalf("parseArgs = %+v", o)
	}
	// The relative path must come back absolute, naming the same file.
	if got, _ := filepath.EvalSymlinks(o.paths[0]); got != mustEval(t, file) {
		t.Errorf("path = %q, want %q", o.paths[0], file)
	}

	tests := []struct {
		args   []string
		usage  bool
		errHas string
	}{
		{[]string{"dépêche 1.txt"}, true, ""},
		{[]string{"--window", "0x1", "--name", "A", "dépêche 1.txt"}, true, ""},
		{[]string{"--name", "A"}, true, ""},
		{[]string{"--window", "zz", "dépêche 1.txt"}, false, "not a window id"},
		{[]string{"--name", "A", "--at", "middle", "dépêche 1.txt"}, false, "want X,Y"},
		{[]string{"--name", "A", "missing.txt"}, false, "missing.txt: no such file"},
	}
	for _, tt := range tests {
		_, err := parseArgs(tt.args, io.Discard)
		if tt.usage != errors.Is(err, errUsage) || err == nil || !strings.Contains(err.Error(), tt.errHas) {
			t.Errorf("parseArgs(%q) err = %v, want usage=%v containing %q", tt.args, err, tt.usage, tt.errHas)
		}
	}
}

func mustEval(t *testing.T, p string) string {
	t.Helper()
	r, err := filepath.EvalSymlinks(p)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFlagsAfterArguments imports a file with its flags written after it,
// and a file whose name starts with a dash after "--".
func TestFlagsAfterArguments(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.attache")
	story := writeTemp(t, dir, "story.txt", "Canada and the EU on Monday signed a defense and security pact in Brussels.\n")
	dashed := writeTemp(t, dir, "-dashed.txt", "Japan and the Philippines on Tuesday agreed to hold joint coast guard drills.\n")
	var out, errOut bytes.Buffer
	code := run([]string{"--db", db, "import", story, "--no-extract", "--publication", "Wire", "--", dashed}, nil, &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "story.txt: imported 1") || !strings.Contains(out.String(), "-dashed.txt: imported 1") {
		t.Errorf("stdout %q", out.String())
	}
	out.Reset()
	if code := run([]string{"--db", db, "articles", "--json"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("articles: exit %d, %s", code, errOut.String())
	}
	if strings.Count(out.String(), `"publication": "Wire"`)+strings.Count(out.String(), `"publication":"Wire"`) != 2 {
		t.Errorf("--publication after the file was not applied to both files: %s", out.String())
	}
}

// writeTemp writes a file into dir and returns its path.
func writeTemp(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

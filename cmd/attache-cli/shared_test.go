package main

import (
	"encoding/json"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/store/postgres/pgtest"
)

// sampleFile is the news bundle of the sample corpus the app ships.
func sampleFile(t *testing.T) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "resources", "sample", "taipei-times-bundle.txt")
}

// TestSharedProjectGivesTheSameResultsAsAFile imports the same files into a
// shared project and a project file with extraction, and compares what the
// commands print; then a reader's import is refused and a timeline is
// exported from the server.
func TestSharedProjectGivesTheSameResultsAsAFile(t *testing.T) {
	p := pgtest.NewProject(t)
	file := filepath.Join(t.TempDir(), "same.attache")
	server := p.OwnerURL()
	for _, db := range []string{file, server} {
		if code, out, errOut := runCLI(t, "", "--db", db, "import", "--published", "2025-01-17", sampleFile(t)); code != 0 {
			t.Fatalf("import into %s: exit %d\n%s\n%s", engineName(db), code, out, errOut)
		}
	}
	for _, args := range [][]string{
		{"articles", "--json"},
		{"events", "--json"},
		{"entities", "--json"},
		{"entities", "--json", "--fuzzy", "xi jinp"},
		{"search", "--json", "Taiwan"},
		{"search", "--json", "習近平"},
		{"search", "--json", `"phone call"`},
		{"export", "--format", "csv"},
		{"export", "--format", "csv", "--what", "entities"},
		{"export", "--format", "jsonl"},
	} {
		var outs [2]string
		for i, db := range []string{file, server} {
			code, out, errOut := runCLI(t, "", append([]string{"--db", db}, args...)...)
			if code != 0 {
				t.Fatalf("%v on %s: exit %d: %s", args, engineName(db), code, errOut)
			}
			outs[i] = out
		}
		// The server names its member as each event's coder; a file names none.
		outs[1] = withoutCoder(outs[1], p.Owner)
		if outs[0] != outs[1] {
			a, b := outs[0], outs[1]
			i := 0
			for i < len(a) && i < len(b) && a[i] == b[i] {
				i++
			}
			from := max(i-100, 0)
			t.Errorf("%v differs between the file and the server at byte %d:\n file:   %q\n server: %q", args, i, a[from:min(i+100, len(a))], b[from:min(i+100, len(b))])
		}
		if len(outs[0]) < 10 {
			t.Errorf("%v printed almost nothing: %q", args, outs[0])
		}
	}

	// The same import again adds nothing.
	if code, out, _ := runCLI(t, "", "--db", server, "import", sampleFile(t)); code != 0 || strings.Contains(out, "imported 1") {
		t.Errorf("second import: exit %d\n%s", code, out)
	}

	// A timeline from the server.
	code, out, errOut := runCLI(t, "", "--db", server, "export", "--format", "timelinejs")
	var tl struct {
		Events []json.RawMessage `json:"events"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &tl) != nil || len(tl.Events) == 0 {
		t.Fatalf("timeline export: exit %d, %d events, %s", code, len(tl.Events), errOut)
	}

	// The whole project as REFI-QDA, named after the database.
	qdpx := filepath.Join(t.TempDir(), "team.qdpx")
	if code, _, errOut := runCLI(t, "", "--db", server, "export", "--format", "qdpx", "-o", qdpx); code != 0 {
		t.Fatalf("qdpx export from the server: exit %d, %s", code, errOut)
	}
	if code, out, _ := runCLI(t, "", "--db", server, "export", "--format", "qdc"); code != 0 || !strings.Contains(out, "CodeBook") {
		t.Fatalf("codebook export from the server: exit %d", code)
	}

	// A reader reads but cannot write.
	reader := p.DB + "_reader"
	if code, _, errOut := runCLI(t, "reader-pw\n", "--db", server, "members", "add", reader, "--role", "reader"); code != 0 {
		t.Fatalf("add reader: %s", errOut)
	}
	readerURL := p.URL(reader, "reader-pw")
	if code, out, _ := runCLI(t, "", "--db", readerURL, "events", "--json"); code != 0 || len(out) < 10 {
		t.Fatalf("reader listing events: exit %d", code)
	}
	before, _ := runCLIOut(t, "--db", server, "articles", "--json")
	story := writeTemp(t, t.TempDir(), "new.txt", "Japan and the Philippines on Tuesday agreed to hold joint coast guard drills.\n")
	code, out, errOut = runCLI(t, "", "--db", readerURL, "import", story)
	if msg := out + errOut; code != 1 || !strings.Contains(msg, reader+" is a reader") || !strings.Contains(msg, "read-only") || strings.Count(msg, "\n") != 1 {
		t.Fatalf("reader's import: exit %d, %q", code, msg)
	}
	if after, _ := runCLIOut(t, "--db", server, "articles", "--json"); after != before {
		t.Fatal("a reader's refused import changed the project")
	}
}

// withoutCoder blanks the coder member gives in JSON and in the last CSV
// column.
func withoutCoder(out, member string) string {
	out = strings.ReplaceAll(out, `"coder": "`+member+`"`, `"coder": ""`)
	out = strings.ReplaceAll(out, `"coder":"`+member+`"`, `"coder":""`)
	return strings.ReplaceAll(out, ","+member+"\r\n", ",\r\n")
}

func runCLIOut(t *testing.T, args ...string) (string, int) {
	code, out, _ := runCLI(t, "", args...)
	return out, code
}

func engineName(db string) string {
	if strings.HasPrefix(db, "postgres") {
		return "the server"
	}
	return "the file"
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/store/postgres/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// runCLI runs attache-cli with args and stdin and returns its exit code and
// output.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestMembersCommandAddsListsAndRemoves(t *testing.T) {
	p := pgtest.NewProject(t)
	owner := p.OwnerURL()
	analyst, reader := p.DB+"_ana", p.DB+"_rea"

	if code, out, errOut := runCLI(t, "ana-secret\n", "--db", owner, "members", "add", analyst, "--role", "analyst"); code != 0 || !strings.Contains(out, analyst+": added as analyst") {
		t.Fatalf("add analyst: exit %d, %q %q", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, "rea-secret", "--db", owner, "members", "add", reader, "--role", "reader"); code != 0 {
		t.Fatalf("add reader: exit %d, %q", code, errOut)
	}
	code, out, errOut := runCLI(t, "", "--db", owner, "members", "list")
	if code != 0 {
		t.Fatalf("list: exit %d %q", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || strings.Fields(lines[0])[1] != "owner" || strings.Join(strings.Fields(lines[1]), " ") != analyst+" analyst" || strings.Join(strings.Fields(lines[2]), " ") != reader+" reader" {
		t.Fatalf("list:\n%s", out)
	}

	// The reader may list but not manage; the analyst's password works.
	if code, _, errOut := runCLI(t, "x\n", "--db", p.URL(reader, "rea-secret"), "members", "add", "someone", "--role", "reader"); code != 1 || !strings.Contains(errOut, "only the project's owner") || strings.Count(errOut, "\n") != 1 {
		t.Fatalf("reader adding a member: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runCLI(t, "", "--db", p.URL(analyst, "ana-secret"), "members", "list"); code != 0 {
		t.Fatalf("analyst listing: exit %d, %q", code, errOut)
	}

	if code, out, errOut := runCLI(t, "", "--db", owner, "members", "remove", reader); code != 0 || !strings.Contains(out, reader+": removed") {
		t.Fatalf("remove: exit %d %q %q", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, "", "--db", p.URL(reader, "rea-secret"), "members", "list"); code != 1 || strings.Count(errOut, "\n") != 1 {
		t.Fatalf("removed reader: exit %d, %q", code, errOut)
	}
}

func TestMembersCommandUsage(t *testing.T) {
	p := pgtest.NewProject(t)
	for _, args := range [][]string{
		{"--db", p.OwnerURL(), "members"},
		{"--db", p.OwnerURL(), "members", "add", "bob"},
		{"--db", p.OwnerURL(), "members", "add", "bob", "--role", "admin"},
		{"--db", filepath.Join(t.TempDir(), "p.attache"), "members", "list"},
	} {
		if code, _, _ := runCLI(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args[2:], code)
		}
	}
}

// TestServerFailuresAreOneLineAndExit1 covers what an analyst meets first:
// a wrong password, a server that is not there, a database that is not.
func TestServerFailuresAreOneLineAndExit1(t *testing.T) {
	p := pgtest.NewProject(t)
	t.Setenv("PGPASSWORD", "")
	cases := map[string]struct{ url, want string }{
		"wrong password":   {p.URL(p.Owner, "wrong-secret"), "wrong user name or password for " + p.Owner},
		"missing database": {p.Cluster.URL(p.Owner, p.Password, "nowhere"), `there is no database "nowhere"`},
		"no server":        {"postgres://" + p.Owner + ":wrong-secret@127.0.0.1:1/" + p.DB + "?sslmode=disable", "no PostgreSQL server at 127.0.0.1:1"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", "--db", c.url, "members", "list")
			if code != 1 || out != "" {
				t.Fatalf("exit %d, stdout %q", code, out)
			}
			if strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, c.want) {
				t.Fatalf("stderr %q, want one line saying %q", errOut, c.want)
			}
			if strings.Contains(errOut, "wrong-secret") || strings.Contains(errOut, p.Password) {
				t.Fatalf("stderr shows a password: %q", errOut)
			}
		})
	}
}

// TestPGPasswordIsUsedWhenTheURLHasNone checks the password can stay out of
// the URL (and so out of the shell history and the process list).
func TestPGPasswordIsUsedWhenTheURLHasNone(t *testing.T) {
	p := pgtest.NewProject(t)
	t.Setenv("PGPASSWORD", p.Password)
	if code, out, errOut := runCLI(t, "", "--db", p.URL(p.Owner, ""), "members", "list"); code != 0 || !strings.Contains(out, p.Owner) {
		t.Fatalf("exit %d, %q %q", code, out, errOut)
	}
}

// TestServerLocationIsNotAFilePath: a postgres:// location used by a command
// that works on files must not be taken for a path (no folder "postgres:").
func TestServerLocationIsNotAFilePath(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	code, _, errOut := runCLI(t, "", "--db", "postgres://alice:pw-in-url@127.0.0.1:1/desk?sslmode=disable", "articles")
	if code != 1 || strings.Contains(errOut, "pw-in-url") || strings.Count(errOut, "\n") != 1 {
		t.Fatalf("exit %d, %q", code, errOut)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("a server location made %v in the working folder", entries)
	}
}

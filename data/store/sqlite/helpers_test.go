package sqlite_test

import (
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/attache-app/attache/data/store/sqlite"
)

// openTemp opens a new project in a temporary directory.
func openTemp(t testing.TB) (*sqlite.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "project.attache")
	s, err := sqlite.Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// oldProject writes a project at an older schema version, runs setup (SQL)
// on it and returns its path.
func oldProject(t testing.TB, name string, version int, setup string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := sqlite.CreateAtVersion(path, version); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(setup)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	return path
}

package sqlite_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/store/sqlite"

	"github.com/attache-app/attache/data/store"
)

// seedPath is the real news bundle the project was built from, as shipped in the sample corpus.
const seedPath = "../../../resources/sample/taipei-times-bundle.txt"

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

// seedArticles reads the real seed file and cuts it into its articles: the
// long first article (24 lines) and one teaser per remaining line (a stand-in
// for the ingest splitter).
func seedArticles(t testing.TB) []store.Article {
	t.Helper()
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	chunks := []string{strings.Join(lines[:24], "\n")}
	chunks = append(chunks, lines[24:]...)
	var arts []store.Article
	for i, chunk := range chunks {
		title, _, _ := strings.Cut(chunk, "\n")
		if len([]rune(title)) > 80 {
			title = string([]rune(title)[:80])
		}
		arts = append(arts, store.Article{Title: title, Body: chunk, Publication: "Taipei Times",
			Published: "2025-01-18", SourcePath: seedPath, SourcePos: i})
	}
	return arts
}

// importOne imports a single article and returns its id.
func importOne(t testing.TB, s *sqlite.Store, a store.Article) int64 {
	t.Helper()
	res, err := s.ImportArticles(context.Background(), []store.Article{a})
	if err != nil {
		t.Fatalf("ImportArticles: %v", err)
	}
	if res.IDs[0] == 0 {
		t.Fatalf("ImportArticles: %q skipped as duplicate", a.Title)
	}
	return res.IDs[0]
}

// runeIndex returns the rune offset of sub in s, failing the test if absent.
func runeIndex(t testing.TB, s, sub string) int {
	t.Helper()
	i := strings.Index(s, sub)
	if i < 0 {
		t.Fatalf("%q not found", sub)
	}
	return len([]rune(s[:i]))
}

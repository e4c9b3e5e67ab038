package storetest

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/store"
)

// SeedPath is the real news bundle the project was built from, as shipped
// in the sample corpus.
var SeedPath = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "resources", "sample", "taipei-times-bundle.txt")
}()

// SeedArticles reads the real seed file and cuts it into its articles: the
// long first article (24 lines) and one teaser per remaining line (a stand-in
// for the ingest splitter).
func SeedArticles(t testing.TB) []store.Article {
	t.Helper()
	data, err := os.ReadFile(SeedPath)
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
			Published: "2025-01-18", SourcePath: SeedPath, SourcePos: i})
	}
	return arts
}

// ImportOne imports a single article and returns its id.
func ImportOne(t testing.TB, s store.Store, a store.Article) int64 {
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

// RuneIndex returns the rune offset of sub in s, failing the test if absent.
func RuneIndex(t testing.TB, s, sub string) int {
	t.Helper()
	i := strings.Index(s, sub)
	if i < 0 {
		t.Fatalf("%q not found", sub)
	}
	return len([]rune(s[:i]))
}

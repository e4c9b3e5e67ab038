package extract_test

import (
	"os"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/extract"
)

// seedArticles splits the seed file the way its layout shows: the first 24
// lines are one article, each later line is a teaser of its own.
func seedArticles(t testing.TB) []string {
	t.Helper()
	raw, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")
	arts := []string{strings.Join(lines[:24], "\n")}
	return append(arts, lines[24:]...)
}

func newExtractor(t testing.TB) *extract.Extractor {
	t.Helper()
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	return x
}

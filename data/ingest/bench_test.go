package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/ingest/internal/gen"
	"github.com/attache-app/attache/data/store"
)

var (
	benchOnce sync.Once
	benchFile string
)

// bench20k returns a generated JSON Lines file of 20,000 articles (~16 MB).
func bench20k(b *testing.B) string {
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "ingest-bench-")
		if err != nil {
			b.Fatal(err)
		}
		benchFile = filepath.Join(dir, "20k.jsonl")
		if err := gen.WriteJSONL(benchFile, 20000, 600); err != nil {
			b.Fatal(err)
		}
	})
	return benchFile
}

// BenchmarkReadJSONL20k parses the 20,000-article file without a store.
func BenchmarkReadJSONL20k(b *testing.B) {
	path := bench20k(b)
	opts := ingest.Options{MaxFileSize: 1 << 30}
	for b.Loop() {
		arts, err := ingest.ReadFile(context.Background(), path, opts)
		if err != nil || len(arts) != 20000 {
			b.Fatal(len(arts), err)
		}
	}
}

// BenchmarkImportJSONL20k imports the 20,000-article file into a fresh
// project (no extraction), as `attache-cli import --no-extract` does.
func BenchmarkImportJSONL20k(b *testing.B) {
	path := bench20k(b)
	for b.Loop() {
		st, err := store.Open(filepath.Join(b.TempDir(), "bench.attache"))
		if err != nil {
			b.Fatal(err)
		}
		res, err := ingest.Import(context.Background(), st, []string{path}, ingest.Options{}, nil)
		if err != nil || res[0].Err != nil || res[0].Imported != 20000 {
			b.Fatal(err, res[0].Err)
		}
		st.Close()
	}
}

// BenchmarkReadSeed reads and splits the seed bundle.
func BenchmarkReadSeed(b *testing.B) {
	for b.Loop() {
		if _, err := ingest.ReadFile(context.Background(), seedFiles[0], ingest.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

package ingest_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/attache-app/attache/data/store/sqlite"

	"github.com/attache-app/attache/data/extract"
	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/ingest/internal/gen"
	"github.com/attache-app/attache/data/internal/devcorpus"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

var (
	benchOnce  sync.Once
	benchFile  string
	benchCount int
	benchReal  bool
)

// benchJSONL returns the JSON Lines file the import benchmarks read: every
// story of the development corpus of real wire stories (dateline and body
// as the text) when it is on this machine, else 20,000 generated articles
// (~16 MB).
func benchJSONL(b *testing.B) (path string, articles int) {
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "ingest-bench-")
		if err != nil {
			b.Fatal(err)
		}
		benchFile = filepath.Join(dir, "articles.jsonl")
		stories, err := devcorpus.LoadDefault(0)
		switch {
		case err == nil:
			benchReal, benchCount = true, len(stories)
			err = devcorpus.WriteJSONL(benchFile, stories)
		case devcorpus.IsMissing(err):
			benchCount = 20000
			err = gen.WriteJSONL(benchFile, benchCount, 600)
		}
		if err != nil {
			b.Fatal(err)
		}
	})
	if benchReal {
		b.Logf("%d real wire stories from the development corpus", benchCount)
	} else {
		b.Logf("%d generated articles (the development corpus is not here)", benchCount)
	}
	return benchFile, benchCount
}

// BenchmarkReadJSONL parses the benchmark file without a store.
func BenchmarkReadJSONL(b *testing.B) {
	path, n := benchJSONL(b)
	opts := ingest.Options{MaxFileSize: 1 << 30}
	for b.Loop() {
		arts, err := ingest.ReadFile(context.Background(), path, opts)
		if err != nil || len(arts) != n {
			b.Fatal(len(arts), err)
		}
	}
}

// BenchmarkImportJSONL imports the benchmark file into a fresh project
// without extraction, as `attache-cli import --no-extract` does.
func BenchmarkImportJSONL(b *testing.B) {
	benchImport(b, ingest.Options{})
}

// BenchmarkImportJSONLExtract imports the benchmark file into a fresh
// project with extraction, as `attache-cli import` does: the articles are
// extracted while the file streams and saved with their suggestions.
func BenchmarkImportJSONLExtract(b *testing.B) {
	x, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	benchImport(b, ingest.Options{Extract: func(a model.Article) store.Extraction {
		return extract.ToStore(x.Extract(a.Body, a.Published))
	}})
}

// benchImport times opening a fresh project, importing the benchmark file
// into it and closing it, and reports articles per second of wall time and
// CPU milliseconds per article (the steadier figure on a shared machine).
func benchImport(b *testing.B, opts ingest.Options) {
	path, _ := benchJSONL(b)
	var wall time.Duration
	imported := 0
	cpu := cpuTime()
	for b.Loop() {
		start := time.Now()
		st, err := sqlite.Open(filepath.Join(b.TempDir(), "bench.attache"))
		if err != nil {
			b.Fatal(err)
		}
		res, err := ingest.Import(context.Background(), st, []string{path}, opts, nil)
		if err != nil || res[0].Err != nil || res[0].Imported == 0 {
			b.Fatal(err, res[0].Err)
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		wall += time.Since(start)
		imported += res[0].Imported
	}
	b.ReportMetric(float64(imported)/wall.Seconds(), "articles/s")
	b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(imported), "cpu-ms/article")
}

// cpuTime is the user and system CPU time used by the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkReadSeed reads and splits the seed bundle.
func BenchmarkReadSeed(b *testing.B) {
	for b.Loop() {
		if _, err := ingest.ReadFile(context.Background(), seedFiles[0], ingest.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportJSONLReader imports the benchmark file without extraction
// into readingStore, which does only what the reading goroutine of a real
// store does with each article: it times the reading side of
// `attache-cli import --no-extract`, which runs beside the writer and which
// the writer waits for when it falls behind.
func BenchmarkImportJSONLReader(b *testing.B) {
	path, n := benchJSONL(b)
	for b.Loop() {
		var st readingStore
		res, err := ingest.Import(context.Background(), &st, []string{path}, ingest.Options{}, nil)
		if err != nil || res[0].Err != nil || st.articles != n || st.runes == 0 {
			b.Fatal(err, res[0].Err, st.articles)
		}
	}
}

// readingStore takes the articles of an import as a store's reading
// goroutine does (sqlite's prepareChunks): it computes each one's body hash
// and length, and keeps nothing. Only ImportFrom is implemented: an import
// of a JSON Lines file without extraction calls nothing else.
type readingStore struct {
	store.Store
	articles, runes int
}

func (s *readingStore) ImportFrom(ctx context.Context, next func() (store.ImportItem, bool, error)) (store.ImportResult, error) {
	var res store.ImportResult
	for {
		it, ok, err := next()
		if err != nil || !ok {
			return res, err
		}
		if store.BodyHash(it.Article.Body) == "" {
			return res, errors.New("no hash")
		}
		s.runes += utf8.RuneCountInString(it.Article.Body)
		s.articles++
		res.IDs = append(res.IDs, int64(s.articles))
	}
}

package ingest_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/exchange/exchangetest"
	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// plainReader hides everything but Read, as a network body or an embedded
// file would.
type plainReader struct{ r io.Reader }

func (p plainReader) Read(b []byte) (int, error) { return p.r.Read(b) }

// openPlain opens path as a plainReader, closed when the test ends.
func openPlain(t *testing.T, path string) io.Reader {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return plainReader{f}
}

// outcome is what reading or importing gave, in a comparable form.
func outcome(arts []model.Article, err error) string {
	if err != nil {
		return fmt.Sprintf("error (refused: %v): %v", errors.Is(err, ingest.ErrRefused), err)
	}
	var b strings.Builder
	for _, a := range arts {
		fmt.Fprintf(&b, "%s|%s|%s|%s|%s|%s|%s|%d|%s\n", a.Title, a.Publication, a.Author, a.URL, a.Published, a.Dateline, a.SourcePath, a.SourcePos, a.Body)
	}
	return b.String()
}

// TestReadFromReaderAsFromFile reads every fixture, good and bad, once from
// its path and once from a reader under the same name: the articles, or the
// refusal, are the same.
func TestReadFromReaderAsFromFile(t *testing.T) {
	ctx := context.Background()
	files, err := filepath.Glob(filepath.Join("testdata", "*"))
	if err != nil {
		t.Fatal(err)
	}
	opts := ingest.Options{Publication: "Fallback Wire", Published: "2025-01-02"}
	read, refused := 0, 0
	for _, path := range files {
		if fi, err := os.Stat(path); err != nil || fi.IsDir() {
			continue
		}
		want := outcome(ingest.ReadFile(ctx, path, opts))
		got := outcome(ingest.Read(ctx, path, openPlain(t, path), opts))
		if got != want {
			t.Errorf("%s: from a reader:\n%.600s\nfrom the file:\n%.600s", path, got, want)
		}
		if strings.HasPrefix(want, "error") {
			refused++
		} else {
			read++
		}
	}
	if read < 20 || refused < 2 {
		t.Errorf("compared %d files read and %d refused; the fixtures hold more of both", read, refused)
	}
}

// TestReadFromReaderLimits refuses a reader longer than the size limit, and
// an empty one, naming the file.
func TestReadFromReaderLimits(t *testing.T) {
	ctx := context.Background()
	_, err := ingest.Read(ctx, "wire/big.txt", strings.NewReader(strings.Repeat("Long text. ", 200)), ingest.Options{MaxFileSize: 1000})
	if !errors.Is(err, ingest.ErrRefused) || !strings.Contains(err.Error(), "wire/big.txt") || !strings.Contains(err.Error(), "too large") {
		t.Errorf("an oversized reader gives %v, want a refusal naming wire/big.txt as too large", err)
	}
	_, err = ingest.Read(ctx, "wire/empty.txt", strings.NewReader(""), ingest.Options{})
	if !errors.Is(err, ingest.ErrRefused) || !strings.Contains(err.Error(), "wire/empty.txt") || !strings.Contains(err.Error(), "empty") {
		t.Errorf("an empty reader gives %v, want a refusal naming wire/empty.txt as empty", err)
	}
}

// imported is what an import left in a project, in a comparable form.
func imported(t *testing.T, st store.Store) string {
	t.Helper()
	ctx := context.Background()
	sums, err := st.Articles(ctx, store.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, s := range sums {
		a, err := st.Article(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s|%s|%s|%s|%d|%s\n", a.Title, a.Publication, a.Published, a.SourcePath, a.SourcePos, a.Body)
	}
	c, err := st.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "%+v\n", c)
	return b.String()
}

// TestImportReaderAsImport imports files of every kind of path through the
// pipeline (a bundle, streamed JSON Lines, a zip archive, a REFI-QDA
// project, a refused file) once by path and once from a reader under the
// same name, into two projects: the results and the projects are the same.
func TestImportReaderAsImport(t *testing.T) {
	ctx := context.Background()
	zipped := writeFile(t, "wires.zip", makeZip(t, zipFile{"a.txt", "Mali and Niger reopened their border on Monday after talks in Bamako."},
		zipFile{"b.txt", "Chad recalled its ambassador to Sudan on Tuesday, the foreign ministry said."}))
	paths := []string{
		filepath.Join("testdata", "bundle-wire.txt"),
		filepath.Join("testdata", "articles.jsonl"),
		zipped,
		exchangetest.Pack(t, "coded project.qdpx"),
		filepath.Join("testdata", "utf16be-bom.txt"),
		writeFile(t, "broken.jsonl", []byte("{\"title\": \"ok\", \"body\": \"Fine.\"}\nnot json\n")),
	}
	opts := ingest.Options{Publication: "Fallback Wire", Published: "2025-01-02"}
	byPath := openStore(t)
	byReader := openStore(t)
	for _, path := range paths {
		res, err := ingest.Import(ctx, byPath, []string{path}, opts, nil)
		if err != nil || len(res) != 1 {
			t.Fatalf("Import(%s): %v, %d results", path, err, len(res))
		}
		got, err := ingest.ImportReader(ctx, byReader, path, openPlain(t, path), opts)
		if err != nil {
			t.Fatalf("ImportReader(%s): %v", path, err)
		}
		want := res[0]
		if fmt.Sprint(got.Err) != fmt.Sprint(want.Err) || got.Imported != want.Imported || got.Duplicates != want.Duplicates ||
			got.Exchange != want.Exchange || got.Tags != want.Tags || got.Passages != want.Passages || !reflect.DeepEqual(got.Skipped, want.Skipped) {
			t.Errorf("%s: from a reader %+v\nfrom the file %+v", path, got, want)
		}
	}
	if got, want := imported(t, byReader), imported(t, byPath); got != want {
		t.Errorf("the projects differ:\nfrom readers:\n%.2000s\nfrom files:\n%.2000s", got, want)
	}
	if c, _ := byReader.Counts(ctx); c.Articles < 8 || c.Tags == 0 || c.Passages == 0 {
		t.Errorf("the imports from readers hold %+v, want the articles, tags and passages of every good file", c)
	}
}

// TestImportReaderCancelled rolls back a stream cancelled before it starts.
func TestImportReaderCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	st := openStore(t)
	data, err := os.ReadFile(filepath.Join("testdata", "articles.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.ImportReader(ctx, st, "articles.jsonl", bytes.NewReader(data), ingest.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled import from a reader returns %v, want context.Canceled", err)
	}
	if c, _ := st.Counts(context.Background()); c.Articles != 0 {
		t.Errorf("a cancelled import left %d articles", c.Articles)
	}
}

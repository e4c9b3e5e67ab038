package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/store"
)

// corpus copies some fixtures into a folder tree with a hidden file and an
// empty file.
func corpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"bundle-wire.txt", "articles.jsonl", "feed-rss.xml", "article.html"} {
		data, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		sub := dir
		if strings.HasSuffix(f, ".xml") || strings.HasSuffix(f, ".html") {
			sub = filepath.Join(dir, "web")
			os.MkdirAll(sub, 0o755)
		}
		if err := os.WriteFile(filepath.Join(sub, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, ".hidden.txt"), []byte("A hidden file that must not be imported at all."), 0o644)
	os.MkdirAll(filepath.Join(dir, ".git"), 0o755)
	os.WriteFile(filepath.Join(dir, ".git", "notes.txt"), []byte("Nor anything in a hidden folder."), 0o644)
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	return dir
}

func TestImportFolderTwice(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	dir := corpus(t)
	var last ingest.Progress
	calls := 0
	res, err := ingest.Import(ctx, st, []string{dir}, ingest.Options{}, func(p ingest.Progress) { last = p; calls++ })
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, r := range res {
		paths = append(paths, strings.TrimPrefix(r.Path, dir+"/"))
	}
	if got := strings.Join(paths, " "); got != "articles.jsonl bundle-wire.txt empty.txt web/article.html web/feed-rss.xml" {
		t.Fatalf("files %s", got)
	}
	want := map[string][2]int{"articles.jsonl": {2, 1}, "bundle-wire.txt": {4, 0}, "web/article.html": {1, 0}, "web/feed-rss.xml": {2, 0}}
	total := 0
	for i, r := range res {
		w, ok := want[paths[i]]
		switch {
		case !ok:
			if r.Err == nil || !errors.Is(r.Err, ingest.ErrRefused) || ingest.Reason(r.Err) != "empty file" {
				t.Errorf("%s: err %v, want refused: empty file", paths[i], r.Err)
			}
		case r.Err != nil || r.Imported != w[0] || r.Duplicates != w[1] || len(r.IDs) != w[0]:
			t.Errorf("%s: imported %d dup %d ids %d err %v, want %v", paths[i], r.Imported, r.Duplicates, len(r.IDs), r.Err, w)
		}
		total += r.Imported
	}
	if last.FilesDone != 5 || last.FilesTotal != 5 || last.BytesDone != last.BytesTotal || last.BytesTotal == 0 || calls < 5 {
		t.Errorf("last progress %+v after %d calls", last, calls)
	}
	// What is stored is what ReadFile reads.
	arts := read(t, filepath.Join(dir, "bundle-wire.txt"), ingest.Options{})
	for i, id := range res[1].IDs {
		got, err := st.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got.Body != arts[i].Body || got.Title != arts[i].Title || got.SourcePath != arts[i].SourcePath || got.SourcePos != i || got.Dateline != arts[i].Dateline {
			t.Errorf("stored article %d differs: %+v", i, got)
		}
	}

	again, err := ingest.Import(ctx, st, []string{dir}, ingest.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	dups := 0
	for _, r := range again {
		if r.Imported != 0 {
			t.Errorf("second import added %d from %s", r.Imported, r.Path)
		}
		dups += r.Duplicates
	}
	if dups != total+1 {
		t.Errorf("second import reported %d duplicates, want %d", dups, total+1)
	}
}

func TestImportRefusedFileLeavesNothing(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	bad := writeFile(t, "mixed.zip", makeZip(t,
		zipFile{"good.txt", "A good article about a treaty signed in Vienna on Monday."},
		zipFile{"../../evil.txt", "An article trying to escape the archive."}))
	good := writeFile(t, "good.txt", []byte("Another article, about a summit in Lima, imported after the refused one."))
	res, err := ingest.Import(ctx, st, []string{bad, "/no/such/file.txt", good}, ingest.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 3 || res[0].Err == nil || res[0].Imported != 0 || res[1].Err == nil || res[2].Imported != 1 {
		t.Fatalf("results %+v", res)
	}
	if ingest.Reason(res[1].Err) != "no such file or folder" {
		t.Errorf("missing file reason %q", ingest.Reason(res[1].Err))
	}
	hits, err := st.Search(ctx, "Vienna", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 0 {
		t.Errorf("refused archive left %d articles", len(hits))
	}
}

func TestImportCancel(t *testing.T) {
	st := openStore(t)
	dir := corpus(t)
	ctx, cancel := context.WithCancel(context.Background())
	// Cancel as soon as the second file starts: the first stays, the second
	// is rolled back, the rest never start.
	res, err := ingest.Import(ctx, st, []string{dir}, ingest.Options{}, func(p ingest.Progress) {
		if p.FilesDone == 1 && p.Current != "" {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if len(res) != 1 || res[0].Imported != 2 {
		t.Fatalf("results %+v", res)
	}
	hits, _ := st.Search(context.Background(), "Reuters", 10)
	if len(hits) != 0 {
		t.Errorf("cancelled file left %d articles", len(hits))
	}
}

func TestImportStreamsJSONLines(t *testing.T) {
	defer ingest.SetStreamProgressStep(1000)()
	ctx := context.Background()
	st := openStore(t)
	// Enough text (about 2.5 MB) for the reader to go through the file in
	// several reads, so that progress shows while it streams.
	const n = 8000
	pad := strings.Repeat("The talks went on. ", 12)
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"title":"Item %d","body":"Article number %d about the negotiations. %s","published":"2025-01-%02d"}`+"\n", i, i, pad, i%28+1)
	}
	p := writeFile(t, "many.ndjson", []byte(b.String()))
	size := int64(b.Len())
	var streaming int
	res, err := ingest.Import(ctx, st, []string{p}, ingest.Options{Publication: "Wire"}, func(pr ingest.Progress) {
		if pr.Current != "" && pr.BytesDone > 0 && pr.BytesDone < size {
			streaming++
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Err != nil || res[0].Imported != n {
		t.Fatalf("result %+v", res[0])
	}
	if streaming == 0 {
		t.Errorf("no progress reported while the file streamed")
	}
	a, err := st.Article(ctx, res[0].IDs[n-1])
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != fmt.Sprint("Item ", n-1) || a.SourcePos != n-1 || a.Publication != "Wire" || a.Published != "2025-01-20" {
		t.Errorf("last article %+v", a)
	}
}

// TestImportCancelDuringStream cancels a JSON Lines file while it streams:
// the whole file is rolled back, like any other file.
func TestImportCancelDuringStream(t *testing.T) {
	defer ingest.SetStreamProgressStep(1000)()
	st := openStore(t)
	p := writeFile(t, "stream.jsonl", []byte(streamedLines(50, "")))
	ctx, cancel := context.WithCancel(context.Background())
	res, err := ingest.Import(ctx, st, []string{p}, ingest.Options{}, func(pr ingest.Progress) {
		if pr.BytesDone > 0 && pr.Current != "" {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
	if len(res) != 0 {
		t.Fatalf("results %+v, want none for the cancelled file", res)
	}
	if arts, _ := st.Articles(context.Background(), store.ArticleFilter{}); len(arts) != 0 {
		t.Errorf("cancelled file left %d articles", len(arts))
	}
}

// TestImportStreamFailingLateLeavesNothing breaks a JSON Lines file after
// many good lines: the file is refused and none of its articles stay.
func TestImportStreamFailingLateLeavesNothing(t *testing.T) {
	defer ingest.SetStreamProgressStep(1000)()
	st := openStore(t)
	p := writeFile(t, "broken.jsonl", []byte(streamedLines(500, `{"title": "cut off`+"\n")))
	res, err := ingest.Import(context.Background(), st, []string{p}, ingest.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].Err == nil || res[0].Imported != 0 || !strings.Contains(res[0].Err.Error(), "broken.jsonl") {
		t.Fatalf("result %+v, want the file refused with its name", res)
	}
	if strings.Contains(res[0].Err.Error(), "\n") {
		t.Errorf("error is not one line: %q", res[0].Err)
	}
	if arts, _ := st.Articles(context.Background(), store.ArticleFilter{}); len(arts) != 0 {
		t.Errorf("failed file left %d articles", len(arts))
	}
}

// streamedLines is a JSON Lines text of n articles followed by tail.
func streamedLines(n int, tail string) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"title":"Item %d","body":"Streamed article number %d about the negotiations in Geneva."}`+"\n", i, i)
	}
	return b.String() + tail
}

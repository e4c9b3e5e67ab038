package exchange_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/attache-app/attache/data/store/sqlite"

	"github.com/attache-app/attache/data/exchange"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// reutersPath is the shared Reuters-21578 wire corpus (read, never copied).
const reutersPath = "../../../shared/corpora/reuters-21578/articles.jsonl"

// codedProject builds a project of the first n Reuters stories, with a tree
// of 20 tags and three passages per story carrying one or two tags.
func codedProject(b *testing.B, n int) store.Store {
	b.Helper()
	f, err := os.Open(reutersPath)
	if err != nil {
		b.Skipf("shared corpus not available: %v", err)
	}
	defer f.Close()
	var arts []model.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() && len(arts) < n {
		var r struct{ Title, Body, Published string }
		if json.Unmarshal(sc.Bytes(), &r) == nil && utf8.RuneCountInString(r.Body) > 200 {
			arts = append(arts, model.Article{Title: r.Title, Body: r.Body, Published: r.Published, Publication: "Reuters"})
		}
	}
	st, err := sqlite.Open(filepath.Join(b.TempDir(), "coded.attache"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	ctx := context.Background()
	res, err := st.ImportArticles(ctx, arts)
	if err != nil {
		b.Fatal(err)
	}
	var tags []store.ExchangeTag
	for i := range 20 {
		parent := -1
		if i >= 4 {
			parent = i % 4
		}
		tags = append(tags, store.ExchangeTag{Parent: parent, Name: fmt.Sprintf("code %d", i), Colour: "#336699"})
	}
	x := store.Exchange{Tags: tags}
	for i, id := range res.IDs {
		if id == 0 {
			continue
		}
		a := arts[i]
		a.ID = id
		ea := store.ExchangeArticle{Article: a}
		for k := range 3 {
			start := 40 * k
			ea.Passages = append(ea.Passages, store.ExchangePassage{Start: start, End: start + 60, Tags: []int{(i + k) % 20, (i + 2*k + 1) % 20}})
		}
		x.Articles = append(x.Articles, ea)
	}
	if _, err := st.ImportExchange(ctx, x); err != nil {
		b.Fatal(err)
	}
	return st
}

// BenchmarkExportProject writes 2,000 coded Reuters stories as a .qdpx.
func BenchmarkExportProject(b *testing.B) {
	st := codedProject(b, 2000)
	for b.Loop() {
		if _, err := exchange.ExportProject(context.Background(), st, io.Discard, exchange.ExportOptions{Name: "bench"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportProject imports that .qdpx into a new project.
func BenchmarkImportProject(b *testing.B) {
	st := codedProject(b, 2000)
	path := filepath.Join(b.TempDir(), "coded.qdpx")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := exchange.ExportProject(context.Background(), st, f, exchange.ExportOptions{}); err != nil {
		b.Fatal(err)
	}
	f.Close()
	dir := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		dst, err := sqlite.Open(filepath.Join(dir, fmt.Sprint(i, ".attache")))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := exchange.Import(context.Background(), dst, path); err != nil {
			b.Fatal(err)
		}
		dst.Close()
	}
}

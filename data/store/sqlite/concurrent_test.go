package sqlite_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/attache-app/attache/data/store/storetest"

	"github.com/attache-app/attache/data/store/sqlite"

	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/internal/gen"
)

func toArticles(gs []gen.Article, source string) []store.Article {
	out := make([]store.Article, len(gs))
	for i, g := range gs {
		out[i] = store.Article{Title: g.Title, Publication: g.Publication, Published: g.Published, Body: g.Body,
			SourcePath: source, SourcePos: i}
	}
	return out
}

// TestReadersNotBlockedByImport reads while a long import transaction is open
// in another goroutine; the import is cancelled only after the reads are done,
// so every read below completed while the writer held its transaction.
func TestReadersNotBlockedByImport(t *testing.T) {
	if testing.Short() {
		t.Skip("imports thousands of articles")
	}
	ctx := context.Background()
	s, _ := openTemp(t)
	arts := storetest.SeedArticles(t)
	res, err := s.ImportArticles(ctx, arts)
	must(t, err)
	big := toArticles(gen.Articles(600, 800, 7), "big.txt")

	importCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	// The reader behind the import hands out 600 articles, then waits
	// until it is cancelled, so the transaction holds written rows for as
	// long as the reads take, however fast or slow the machine.
	started := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		i := 0
		_, err := s.ImportArticlesFrom(importCtx, func() (store.Article, bool, error) {
			if i == len(big) {
				close(started)
				<-importCtx.Done()
				return store.Article{}, false, importCtx.Err()
			}
			i++
			return big[i-1], true, nil
		})
		done <- err
	}()
	<-started
	for range 20 {
		select {
		case err := <-done:
			t.Fatalf("import finished before the reads (%v); make it larger", err)
		default:
		}
		list, err := s.Articles(ctx, store.ArticleFilter{Sort: store.ByTitle})
		if err != nil || len(list) != len(arts) {
			t.Fatalf("Articles during import = %d, %v", len(list), err)
		}
		hits, err := s.Search(ctx, "近平 fentanyl", 10)
		if err != nil || len(hits) != 1 {
			t.Fatalf("Search during import = %v, %v", hits, err)
		}
		if _, err := s.Article(ctx, res.IDs[0]); err != nil {
			t.Fatal(err)
		}
	}
	copyPath := filepath.Join(t.TempDir(), "copy.attache")
	must(t, s.SaveCopy(ctx, copyPath))
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("import ended with %v, want it cancelled after the reads", err)
	}
	if c, _ := s.Counts(ctx); c.Articles != len(arts) {
		t.Errorf("a cancelled import left %d articles", c.Articles)
	}
	cp, err := sqlite.Open(copyPath)
	must(t, err)
	defer cp.Close()
	if c, _ := cp.Counts(ctx); c.Articles != len(arts) {
		t.Errorf("copy has %d articles, want %d", c.Articles, len(arts))
	}
}

func TestSaveCopyReplacesAndIsUsable(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	art := storetest.ImportOne(t, s, store.Article{Title: "Call", Body: "Xi Jinping (習近平) spoke to Donald Trump by phone on Friday."})
	passage, err := s.CreatePassage(ctx, store.Passage{ArticleID: art, Start: 0, End: 10, Note: "key"})
	must(t, err)
	dest := filepath.Join(t.TempDir(), "copy.attache")
	must(t, os.WriteFile(dest, []byte("old contents"), 0o644))
	must(t, s.SaveCopy(ctx, dest))
	if entries, _ := os.ReadDir(filepath.Dir(dest)); len(entries) != 1 {
		t.Errorf("temporary files left beside the copy: %v", entries)
	}
	must(t, s.SetPassageNote(ctx, passage, "after the copy"))
	cp, err := sqlite.Open(dest)
	must(t, err)
	defer cp.Close()
	p, err := cp.Passage(ctx, passage)
	if err != nil || p.Note != "key" {
		t.Errorf("copied passage = %+v, %v", p, err)
	}
	if hits, _ := cp.Search(ctx, "近平", 5); len(hits) != 1 {
		t.Errorf("copy search = %v", hits)
	}
	if l, _ := cp.UndoLabel(ctx); l != "Create passage" {
		t.Errorf("copy undo label = %q, want the last change before the copy", l)
	}
}

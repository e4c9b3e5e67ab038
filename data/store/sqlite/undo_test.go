package sqlite_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/sqlite"
)

// The undo log lives in the file: a change can be undone after the project
// is closed and opened again, and a new change then clears the redo stack.
func TestUndoPersistsAndNewChangeClearsRedo(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "project.attache")
	s, err := sqlite.Open(path)
	must(t, err)
	res, err := s.ImportArticles(ctx, []store.Article{{Title: "Call", Body: "Xi Jinping (習近平) spoke to Donald Trump by phone on Friday."}})
	must(t, err)
	passage, err := s.CreatePassage(ctx, store.Passage{ArticleID: res.IDs[0], Start: 0, End: 10})
	must(t, err)
	tag, err := s.CreateTag(ctx, store.Tag{Name: "Security", Colour: "#cc3333"})
	must(t, err)
	must(t, s.SetPassageNote(ctx, passage, "first"))
	must(t, s.SetPassageNote(ctx, passage, "second"))
	must(t, s.Close())
	s, err = sqlite.Open(path)
	must(t, err)
	defer s.Close()
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	p, _ := s.Passage(ctx, passage)
	if p.Note != "first" {
		t.Errorf("note after undo across reopen = %q", p.Note)
	}
	must(t, s.TagPassage(ctx, passage, tag))
	if _, err := s.Redo(ctx); !errors.Is(err, store.ErrNothingToRedo) {
		t.Errorf("Redo after a new change = %v, want ErrNothingToRedo", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

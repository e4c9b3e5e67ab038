package ingest_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/sqlite"
)

// TestProjectFileIsRefusedByAProjectFile: a project file (whatever its
// name) is recognised by its header and not read as articles; a project
// file cannot take it whole, which the refusal says in one line, changing
// nothing.
func TestProjectFileIsRefusedByAProjectFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "mine.backup")
	src, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.ImportArticles(ctx, []store.Article{{Title: "Call", Body: "Envoys met in Istanbul on Monday."}}); err != nil {
		t.Fatal(err)
	}
	if err := src.Close(); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	res, err := ingest.Import(ctx, st, []string{path}, ingest.Options{}, nil)
	if err != nil || len(res) != 1 {
		t.Fatalf("Import: %v %v", res, err)
	}
	if r := res[0]; r.Err == nil || !r.Project || !strings.Contains(r.Err.Error(), path) || !strings.Contains(ingest.Reason(r.Err), "shared project") || strings.Contains(r.Err.Error(), "\n") {
		t.Errorf("result %+v", r)
	}
	if c, _ := st.Counts(ctx); c != (store.Counts{}) {
		t.Errorf("the refused project file changed the project: %+v", c)
	}
}

package project_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/attache-app/attache/data/project"
)

func TestOpenPicksTheEngineFromTheLocation(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "named.attache")
	st, opened, err := project.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if opened != path || st.Location() != path {
		t.Errorf("opened %q, location %q; want %q", opened, st.Location(), path)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("no project file: %v", err)
	}
	// A named project is not seeded: only the default one is.
	if c, err := st.Counts(ctx); err != nil || c.Articles != 0 {
		t.Errorf("counts %+v, %v; want an empty project", c, err)
	}

	for _, url := range []string{"postgres://ana:s3cret@127.0.0.1:5432/team?sslmode=disable", "POSTGRESQL://ana:s3cret@db/team"} {
		if !project.IsDatabaseURL(url) {
			t.Errorf("%s is not taken for a database", url)
		}
	}
	if project.IsDatabaseURL(path) || project.IsDatabaseURL("postgres.attache") {
		t.Error("a file path taken for a database")
	}
}

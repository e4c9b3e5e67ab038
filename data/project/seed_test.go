package project_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/project"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/sqlite"
	"github.com/attache-app/attache/resources"
)

// TestSeed seeds a new project with the embedded sample corpus: every
// article of the bundle comes in, says it comes from the sample, carries the
// manifest's outlet and dates, and has its entities and events extracted.
func TestSeed(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "seeded.attache"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := project.Seed(ctx, st); err != nil {
		t.Fatal(err)
	}
	files, err := resources.Sample()
	if err != nil {
		t.Fatal(err)
	}
	sums, err := st.Articles(ctx, store.ArticleFilter{Sort: store.ByImport})
	if err != nil {
		t.Fatal(err)
	}
	if len(sums) != len(files[0].Published) {
		t.Fatalf("the sample came in as %d articles, want the %d its manifest dates", len(sums), len(files[0].Published))
	}
	for i, s := range sums {
		a, err := st.Article(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a.SourcePath != "sample/"+files[0].Name || a.SourcePos != i {
			t.Errorf("article %d comes from %s #%d, want sample/%s #%d", i, a.SourcePath, a.SourcePos, files[0].Name, i)
		}
		if a.Publication != files[0].Publication {
			t.Errorf("article %d is from %q, want %q", i, a.Publication, files[0].Publication)
		}
		if want := files[0].Published[i]; want != "" && !strings.HasPrefix(a.Published, want) {
			t.Errorf("article %d was published %q, want %q", i, a.Published, want)
		}
	}
	c, err := st.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Entities < 5 || c.Events == 0 || c.Mentions == 0 {
		t.Errorf("the seeded project holds %+v, want the sample's entities, mentions and events", c)
	}
}

package postgres_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/attache-app/attache/data/internal/devcorpus"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/postgres/pgtest"
	"github.com/attache-app/attache/data/store/sqlite"
)

// devArticles reads the development corpus, or skips the benchmark.
func devArticles(b *testing.B) []store.Article {
	stories, err := devcorpus.LoadDefault(0)
	if err != nil {
		b.Skip(err)
	}
	arts := make([]store.Article, len(stories))
	for i, s := range stories {
		arts[i] = store.Article{Title: s.Title, Body: s.Text, Published: s.Published, Publication: "Reuters", SourcePath: "reuters", SourcePos: i}
	}
	return arts
}

// engines opens an empty project of each engine.
func benchEngines(b *testing.B) map[string]func() store.Store {
	return map[string]func() store.Store{
		"sqlite": func() store.Store {
			st, err := sqlite.Open(filepath.Join(b.TempDir(), "bench.attache"))
			if err != nil {
				b.Fatal(err)
			}
			return st
		},
		"postgres": func() store.Store {
			p := pgtest.NewProject(b)
			st, err := postgresOpen(p.OwnerURL())
			if err != nil {
				b.Fatal(err)
			}
			return st
		},
	}
}

// BenchmarkImportDevCorpus imports the whole development corpus, one
// transaction, into a new project of each engine (no extraction).
func BenchmarkImportDevCorpus(b *testing.B) {
	arts := devArticles(b)
	for _, name := range []string{"sqlite", "postgres"} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				st := benchEngines(b)[name]()
				b.StartTimer()
				if _, err := st.ImportArticles(context.Background(), arts); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				st.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(len(arts)), "articles")
		})
	}
}

// BenchmarkSearchDevCorpus runs typical queries on the imported corpus.
func BenchmarkSearchDevCorpus(b *testing.B) {
	arts := devArticles(b)
	ctx := context.Background()
	for _, name := range []string{"sqlite", "postgres"} {
		st := benchEngines(b)[name]()
		if _, err := st.ImportArticles(ctx, arts); err != nil {
			b.Fatal(err)
		}
		for _, q := range []string{"oil", "interest rates", `"trade deficit"`, "bank*"} {
			b.Run(name+"/"+q, func(b *testing.B) {
				for b.Loop() {
					if _, err := st.Search(ctx, q, 50); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		b.Run(name+"/open article", func(b *testing.B) {
			for b.Loop() {
				if _, err := st.Article(ctx, 1234); err != nil {
					b.Fatal(err)
				}
			}
		})
		st.Close()
	}
}

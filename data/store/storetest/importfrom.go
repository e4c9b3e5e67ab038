package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/store"
)

// manyArticles returns n distinct articles; article i mentions "city i" and,
// every tenth, a Chinese name, so both indexes are written.
func manyArticles(n int) []store.Article {
	arts := make([]store.Article, n)
	for i := range arts {
		body := fmt.Sprintf("Delegates met in city%d to discuss tariffs. Talks went on.", i)
		if i%10 == 0 {
			body += " 韓國瑜 spoke."
		}
		arts[i] = store.Article{Title: fmt.Sprintf("Report %d", i), Body: body, SourcePath: "many.jsonl", SourcePos: i}
	}
	return arts
}

// sliceNext hands out arts one by one, then fails with failAt's error when
// failAt >= 0 and that many have been handed out.
func sliceNext(arts []store.Article, failAt int, fail error) func() (store.Article, bool, error) {
	i := 0
	return func() (store.Article, bool, error) {
		if i == failAt {
			return store.Article{}, false, fail
		}
		if i == len(arts) {
			return store.Article{}, false, nil
		}
		i++
		return arts[i-1], true, nil
	}
}

func testImportArticlesFromManyChunks(t *testing.T, open Opener) {
	ctx := context.Background()
	// More than two statements' worth of rows, with duplicates of earlier
	// articles in later chunks and one duplicate already in the project.
	arts := manyArticles(520)
	arts[300].Body = arts[5].Body
	arts[450].Body = strings.ReplaceAll(arts[410].Body, " ", "  \n")
	tests := []struct {
		name   string
		before []store.Article
		dups   map[int]bool
	}{
		{"empty project", nil, map[int]bool{300: true, 450: true}},
		{"one already there", []store.Article{{Title: "earlier", Body: arts[17].Body}}, map[int]bool{17: true, 300: true, 450: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			if tc.before != nil {
				if _, err := s.ImportArticles(ctx, tc.before); err != nil {
					t.Fatal(err)
				}
			}
			res, err := s.ImportArticlesFrom(ctx, sliceNext(arts, -1, nil))
			if err != nil {
				t.Fatal(err)
			}
			if len(res.IDs) != len(arts) || res.Duplicates != len(tc.dups) {
				t.Fatalf("%d ids, %d duplicates; want %d and %d", len(res.IDs), res.Duplicates, len(arts), len(tc.dups))
			}
			seen := map[int64]bool{}
			for i, id := range res.IDs {
				if tc.dups[i] {
					if id != 0 {
						t.Errorf("duplicate %d got id %d", i, id)
					}
					continue
				}
				if id == 0 || seen[id] {
					t.Fatalf("article %d: id %d (zero or repeated)", i, id)
				}
				seen[id] = true
				a, err := s.Article(ctx, id)
				if err != nil || a.Title != arts[i].Title || a.SourcePos != i {
					t.Fatalf("id %d of article %d reads back as %q pos %d (%v)", id, i, a.Title, a.SourcePos, err)
				}
			}
			// Both indexes cover the last chunk too.
			hits, err := s.Search(ctx, "city510", 5)
			if err != nil || len(hits) != 1 || hits[0].ArticleID != res.IDs[510] {
				t.Errorf("search city510 = %+v, %v; want article %d", hits, err, res.IDs[510])
			}
			// Every tenth of 0–519 names him, less 300 (its body was replaced)
			// and 450 (a duplicate).
			hits, err = s.Search(ctx, "韓國瑜", 100)
			if err != nil || len(hits) != 50 {
				t.Errorf("search 韓國瑜 = %d hits, %v; want 50", len(hits), err)
			}
		})
	}
}

func testImportArticlesFromRollsBack(t *testing.T, open Opener) {
	ctx := context.Background()
	arts := manyArticles(450)
	stop := errors.New("reader failed")
	bad := manyArticles(300)
	bad[250].Body = "\xff\xfe"
	tests := []struct {
		name string
		next func() (store.Article, bool, error)
		want string
	}{
		{"reader error after two chunks", sliceNext(arts, 430, stop), "reader failed"},
		{"invalid article in third chunk", sliceNext(bad, -1, nil), "article 250"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			_, err := s.ImportArticlesFrom(ctx, tc.next)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want %q", err, tc.want)
			}
			if c, _ := s.Counts(ctx); c.Articles != 0 {
				t.Errorf("%d articles stored after a failed import", c.Articles)
			}
			if hits, _ := s.Search(ctx, "tariffs", 5); len(hits) != 0 {
				t.Errorf("search finds %d articles after a failed import", len(hits))
			}
		})
	}
}

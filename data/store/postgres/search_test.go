package postgres_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/internal/devcorpus"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/postgres"
	"github.com/attache-app/attache/data/store/postgres/pgtest"
	"github.com/attache-app/attache/data/store/sqlite"
	"github.com/attache-app/attache/resources"
)

// testArticles are real articles to search: the sample corpus the app
// ships, up to 400 stories of the development corpus when it is there, and
// a few in Chinese, Japanese, Korean and accented French written for this
// test.
func testArticles(t *testing.T) []store.Article {
	t.Helper()
	var arts []store.Article
	files, err := resources.Sample()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range files {
		p := filepath.Join(dir, f.Name)
		if err := writeFile(p, f.Data); err != nil {
			t.Fatal(err)
		}
		got, err := ingest.ReadFile(context.Background(), p, ingest.Options{Publication: f.Publication})
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, got...)
	}
	if stories, err := devcorpus.LoadDefault(400); err == nil {
		for _, s := range stories {
			arts = append(arts, store.Article{Title: s.Title, Body: s.Text, Published: s.Published, Publication: "Reuters"})
		}
	} else {
		t.Logf("development corpus not used: %v", err)
	}
	arts = append(arts,
		store.Article{Title: "習近平與拜登通話", Body: "中國國家主席習近平（Xi Jinping）週五與美國總統通電話，雙方討論了台灣問題。北京表示，習近平強調一個中國原則。"},
		store.Article{Title: "日米首脳会談", Body: "岸田首相は東京でバイデン大統領と会談し、北京の動きについて協議した。"},
		store.Article{Title: "한미 정상회담", Body: "윤석열 대통령은 서울에서 미국 대통령과 회담했다. 북한 문제가 논의되었다."},
		store.Article{Title: "Le président à Québec", Body: "Le Président français a rencontré le premier ministre à Québec; l'élève a posé une question sur la sécurité. Café et crème."},
		store.Article{Title: "Beijing talks", Body: "Officials in Beijing (北京) said talks with Washington would resume. Beijing wants calm."},
	)
	return arts
}

// TestSearchMatchesTheProjectFile imports the same articles into a project
// file and a shared project and runs the same queries on both: the same
// articles must come back in the same order, with the same ranks, first
// hits and snippets.
func TestSearchMatchesTheProjectFile(t *testing.T) {
	p := pgtest.NewProject(t)
	ctx := context.Background()
	arts := testArticles(t)

	lite, err := sqlite.Open(filepath.Join(t.TempDir(), "same.attache"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	pg := open(t, p.OwnerURL())
	resLite, err := lite.ImportArticles(ctx, arts)
	if err != nil {
		t.Fatal(err)
	}
	resPG, err := pg.ImportArticles(ctx, arts)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(resLite.IDs) != fmt.Sprint(resPG.IDs) || resLite.Duplicates != resPG.Duplicates {
		t.Fatalf("imports differ: file %d duplicates, server %d", resLite.Duplicates, resPG.Duplicates)
	}

	queries := []string{
		"oil", "Oil prices", "bank*", "said", `"interest rates"`, `"Xi Jinping"`, "trade deficit",
		"U.S.", "china*", "cafe", "Président", "eleve", "quebec", "北京", "習近平", "中", "首相", "대통령",
		"Beijing 北京", `"talks with Washington"`, "wo*", "zzzqqq", `"`, "***", "a", "1987", "Washington Beijing",
	}
	for _, q := range queries {
		want, err := lite.Search(ctx, q, 1000)
		if err != nil {
			t.Fatal(err)
		}
		got, err := pg.Search(ctx, q, 1000)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if len(got) != len(want) {
			t.Errorf("%q: %d hits on the server, %d in the file", q, len(got), len(want))
			continue
		}
		sortTies(want)
		sortTies(got)
		for i := range want {
			w, g := want[i], got[i]
			if g.ArticleID != w.ArticleID || !sameRank(g.Rank, w.Rank) || g.FirstHit != w.FirstHit || g.Snippet != w.Snippet || g.Title != w.Title {
				t.Errorf("%q hit %d:\n server %d rank %.9f first %d %q\n   file %d rank %.9f first %d %q",
					q, i, g.ArticleID, g.Rank, g.FirstHit, g.Snippet, w.ArticleID, w.Rank, w.FirstHit, w.Snippet)
				break
			}
		}
	}

	// The limit keeps the best.
	top, err := pg.Search(ctx, "said", 3)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := pg.Search(ctx, "said", 1000)
	if len(all) > 3 && (len(top) != 3 || top[2].Rank != all[2].Rank) {
		t.Errorf("limit 3 gave %d hits", len(top))
	}
}

// sameRank is exact equality: the server ranks as the file does, to the last bit.
func sameRank(a, b float64) bool { return a == b }

// sortTies orders hits of equal rank by article id: the file's index does
// not promise an order among them.
func sortTies(h []store.SearchHit) {
	sort.SliceStable(h, func(i, j int) bool {
		if !sameRank(h[i].Rank, h[j].Rank) {
			return h[i].Rank < h[j].Rank
		}
		return h[i].ArticleID < h[j].ArticleID
	})
}

func TestImportSkipsDuplicatesAcrossMembersAndKeepsArticlesWhole(t *testing.T) {
	p := pgtest.NewProject(t)
	ctx := context.Background()
	pg := open(t, p.OwnerURL())
	a := store.Article{Title: "Talks", Body: "Officials met   in Geneva.\n", Published: "2025-01-17", SourcePath: "wire.txt", SourcePos: 2}
	res, err := pg.ImportArticles(ctx, []store.Article{a, {Title: "Again", Body: "Officials met in Geneva."}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Duplicates != 1 || res.IDs[0] == 0 || res.IDs[1] != 0 {
		t.Fatalf("import result %+v", res)
	}
	got, err := pg.Article(ctx, res.IDs[0])
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != a.Body || got.Title != a.Title || got.Published != a.Published || got.SourcePos != 2 || got.Hash != store.BodyHash(a.Body) {
		t.Fatalf("article read back as %+v", got)
	}
	if _, err := pg.ImportArticles(ctx, []store.Article{{Title: "ok", Body: "fine"}, {Title: "bad", Body: "  "}}); err == nil {
		t.Fatal("an empty body was accepted")
	}
	if hits, _ := pg.Search(ctx, "fine", 10); len(hits) != 0 {
		t.Fatal("a refused import left an article behind")
	}
	if _, err := pg.Article(ctx, 9999); err == nil {
		t.Fatal("a missing article was found")
	}
	_ = postgres.RoleOwner
}

func TestANulCharacterRefusesTheImportInOneLine(t *testing.T) {
	pg := open(t, pgtest.NewProject(t).OwnerURL())
	_, err := pg.ImportArticles(context.Background(), []store.Article{{Title: "ok", Body: "Fine text."}, {Title: "bad", Body: "Bad\x00text."}})
	if err == nil || !strings.Contains(err.Error(), `"bad" holds a NUL character`) || strings.Contains(err.Error(), "\n") {
		t.Fatalf("error %v", err)
	}
	if c, _ := pg.Counts(context.Background()); c.Articles != 0 {
		t.Fatalf("%d articles after a refused import", c.Articles)
	}
}

package storetest

import (
	"context"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

func testImportSeedDeduplicates(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	arts := SeedArticles(t)
	if len(arts) < 2 {
		t.Fatalf("seed gave %d articles", len(arts))
	}
	// A copy of the first article with different line breaks is a duplicate
	// within the same call.
	again := arts[0]
	again.Body = strings.ReplaceAll(again.Body, "\n", "\n\n  ")
	res, err := s.ImportArticles(ctx, append(arts, again))
	if err != nil {
		t.Fatal(err)
	}
	if res.Duplicates != 1 || res.IDs[len(arts)] != 0 {
		t.Errorf("duplicates = %d, last id = %d; want 1 and 0", res.Duplicates, res.IDs[len(arts)])
	}
	res2, err := s.ImportArticles(ctx, arts[:1])
	if err != nil || res2.Duplicates != 1 || res2.IDs[0] != 0 {
		t.Errorf("re-import = %+v, %v; want a duplicate", res2, err)
	}
	a, err := s.Article(ctx, res.IDs[0])
	if err != nil {
		t.Fatal(err)
	}
	if a.Body != arts[0].Body || a.Hash != store.BodyHash(arts[0].Body) || a.SourcePath != SeedPath {
		t.Errorf("article read back differs: %+v", a)
	}
	c, _ := s.Counts(ctx)
	if c.Articles != len(arts) {
		t.Errorf("Counts.Articles = %d, want %d", c.Articles, len(arts))
	}
}

func testImportIsAllOrNothing(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	_, err := s.ImportArticles(ctx, []store.Article{{Title: "good", Body: "Xi spoke."}, {Title: "bad", Body: "  "}})
	if err == nil || !strings.Contains(err.Error(), "empty body") {
		t.Fatalf("error = %v, want empty body", err)
	}
	if c, _ := s.Counts(ctx); c.Articles != 0 {
		t.Errorf("%d articles stored after a failed import", c.Articles)
	}
}

// A malformed publication date loses no article: the article comes in with
// the date unknown, and the result says which article and which date.
func testImportClearsAMalformedPublishedDate(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	arts := SeedArticles(t)[:3]
	arts[1].Published = "2025-02-31"
	arts[2].Published = "2025-06-24"
	res, err := s.ImportArticles(ctx, arts)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Cleared) != 1 || !strings.Contains(res.Cleared[0].Error(), "2025-02-31") ||
		!strings.Contains(res.Cleared[0].Error(), arts[1].Title) || !strings.Contains(res.Cleared[0].Error(), "day out of range") {
		t.Fatalf("Cleared = %v, want the article and its date", res.Cleared)
	}
	for i, want := range []string{arts[0].Published, "", "2025-06-24"} {
		a, err := s.Article(ctx, res.IDs[i])
		if err != nil {
			t.Fatal(err)
		}
		if a.Published != want {
			t.Errorf("article %d published %q, want %q", i, a.Published, want)
		}
	}
	// Importing the same articles again finds duplicates and reports nothing cleared.
	again, err := s.ImportArticles(ctx, arts)
	if err != nil || len(again.Cleared) != 0 || again.Duplicates != 3 {
		t.Errorf("re-import = %+v, %v; want 3 duplicates and nothing cleared", again, err)
	}
}

func testArticlesFilterAndSort(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	_, err := s.ImportArticles(ctx, []store.Article{
		{Title: "Beta talks", Publication: "Taipei Times", Published: "2025-01-18", Body: "Trump and Xi spoke about TikTok."},
		{Title: "alpha visit", Publication: "Focus Taiwan", Published: "2025-01-10", Body: "Rubio visited Manila."},
		{Title: "Gamma", Publication: "taipei times", Body: "習近平 called."},
	})
	if err != nil {
		t.Fatal(err)
	}
	titles := func(f store.ArticleFilter) string {
		list, err := s.Articles(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, a := range list {
			out = append(out, a.Title)
		}
		return strings.Join(out, "|")
	}
	tests := []struct {
		name string
		f    store.ArticleFilter
		want string
	}{
		{"import order", store.ArticleFilter{}, "Beta talks|alpha visit|Gamma"},
		{"by title", store.ArticleFilter{Sort: store.ByTitle}, "alpha visit|Beta talks|Gamma"},
		{"by date desc", store.ArticleFilter{Sort: store.ByDate, Desc: true}, "Beta talks|alpha visit|Gamma"},
		{"publication", store.ArticleFilter{Publication: "TAIPEI TIMES", Sort: store.ByTitle}, "Beta talks|Gamma"},
		{"date range", store.ArticleFilter{From: "2025-01-15", To: "2025-01-31"}, "Beta talks"},
		{"text", store.ArticleFilter{Text: "tiktok"}, "Beta talks"},
		{"cjk text", store.ArticleFilter{Text: "近平"}, "Gamma"},
		{"limit", store.ArticleFilter{Sort: store.ByTitle, Limit: 1, Offset: 1}, "Beta talks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := titles(tt.f); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func testUpdateArticleMetaKeepsSearchInStep(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	id := ImportOne(t, s, store.Article{Title: "Untitled", Body: "Manila and Washington agreed."})
	err := s.UpdateArticleMeta(ctx, id, store.ArticleMeta{Title: "Philippines pact", Publication: "Rappler", Published: "2025-02-01"})
	if err != nil {
		t.Fatal(err)
	}
	if hits, _ := s.Search(ctx, "pact", 5); len(hits) != 1 {
		t.Errorf("new title not searchable: %v", hits)
	}
	if hits, _ := s.Search(ctx, "untitled", 5); len(hits) != 0 {
		t.Errorf("old title still found: %v", hits)
	}
	if err := s.UpdateArticleMeta(ctx, id, store.ArticleMeta{Published: "last Friday"}); err == nil || !strings.Contains(err.Error(), "not a date") {
		t.Errorf("bad date error = %v", err)
	}
	if err := s.UpdateArticleMeta(ctx, id, store.ArticleMeta{Published: "2025-02-31"}); err == nil || !strings.Contains(err.Error(), "day out of range") {
		t.Errorf("impossible date error = %v", err)
	}
	if a, _ := s.Article(ctx, id); a.Published != "2025-02-01" {
		t.Errorf("a refused date changed the article's date to %q", a.Published)
	}
}

func testSplitAndMergeArticle(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	body := "Xi Jinping called Trump.\n\nESPIONAGE: Taiwan arrests two soldiers for spying."
	id := ImportOne(t, s, store.Article{Title: "Digest", Body: body, SourcePath: "digest.txt"})
	cut := RuneIndex(t, body, "ESPIONAGE")
	tag, _ := s.CreateTag(ctx, store.Tag{Name: "Security", Colour: "#aa0000"})
	before, _ := s.CreatePassage(ctx, store.Passage{ArticleID: id, Start: 0, End: 10, TagIDs: []int64{tag}})
	spyStart := RuneIndex(t, body, "spying")
	after, _ := s.CreatePassage(ctx, store.Passage{ArticleID: id, Start: spyStart, End: spyStart + 6, TagIDs: []int64{tag}})

	if _, err := s.SplitArticle(ctx, id, 3); err == nil || !strings.Contains(err.Error(), "span the cut") {
		t.Errorf("split through a passage: err = %v", err)
	}
	newID, err := s.SplitArticle(ctx, id, cut)
	if err != nil {
		t.Fatal(err)
	}
	first, _ := s.Article(ctx, id)
	second, _ := s.Article(ctx, newID)
	if first.Body != body[:strings.Index(body, "ESPIONAGE")] || !strings.HasPrefix(second.Body, "ESPIONAGE") {
		t.Fatalf("split bodies %q / %q", first.Body, second.Body)
	}
	if second.Title != "ESPIONAGE: Taiwan arrests two soldiers for spying." {
		t.Errorf("new title %q", second.Title)
	}
	p, _ := s.Passage(ctx, after)
	if p.ArticleID != newID || p.Text != "spying" {
		t.Errorf("moved passage = %+v", p)
	}
	p0, _ := s.Passage(ctx, before)
	if p0.ArticleID != id || p0.Text != "Xi Jinping" {
		t.Errorf("kept passage = %+v", p0)
	}
	if hits, _ := s.Search(ctx, "espionage", 5); len(hits) != 1 || hits[0].ArticleID != newID {
		t.Errorf("search after split = %+v", hits)
	}

	if err := s.MergeArticleWithNext(ctx, id); err != nil {
		t.Fatal(err)
	}
	merged, _ := s.Article(ctx, id)
	if merged.Body != body {
		t.Errorf("merge did not restore the body: %q", merged.Body)
	}
	if _, err := s.Article(ctx, newID); err == nil {
		t.Error("next article still exists after merge")
	}
	p, _ = s.Passage(ctx, after)
	if p.ArticleID != id || p.Text != "spying" {
		t.Errorf("passage after merge = %+v", p)
	}
}

func testDeleteArticleCascades(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	id := ImportOne(t, s, store.Article{Title: "Call", Body: "Trump and Xi spoke by phone."})
	ent, _ := s.CreateEntity(ctx, store.Entity{Name: "Donald Trump", Kind: model.KindPerson})
	s.CreatePassage(ctx, store.Passage{ArticleID: id, Start: 0, End: 5})
	s.CreateMention(ctx, store.Mention{EntityID: ent, ArticleID: id, Start: 0, End: 5})
	s.CreateEvent(ctx, store.Event{ArticleID: id, Start: 0, End: 27, Type: "CONSULT", Actors: []int64{ent}})
	if err := s.DeleteArticle(ctx, id); err != nil {
		t.Fatal(err)
	}
	c, _ := s.Counts(ctx)
	if c.Articles != 0 || c.Passages != 0 || c.Mentions != 0 || c.Events != 0 || c.Entities != 1 {
		t.Errorf("counts after delete = %+v", c)
	}
	if hits, _ := s.Search(ctx, "phone", 5); len(hits) != 0 {
		t.Errorf("deleted article still found")
	}
}

package storetest

import (
	"context"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/store"
)

func testSearchSeed(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	arts := SeedArticles(t)
	res, err := s.ImportArticles(ctx, arts)
	if err != nil {
		t.Fatal(err)
	}
	first := res.IDs[0]
	tests := []struct {
		query    string
		wantID   int64  // expected best hit (0 = expect no hits)
		wantMark string // text that must appear between markers in the snippet
	}{
		{"近平", first, "近平"},
		{"習近平", first, "習近平"},
		{"韓國", first, "韓國"},
		{"fentanyl", first, "fentanyl"},
		{"TIKTOK Fentanyl", first, "fentanyl"},
		{"fentan*", first, "fentanyl"},
		{`"Supreme Court"`, first, "Supreme Court"},
		{"Rubio 近平", first, "近平"},
		{"Vera Rubin", res.IDs[2], "Vera"},
		{"espionage", res.IDs[3], "ESPIONAGE"},
		{"zzzunknown", 0, ""},
		{"近平 zzzunknown", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			hits, err := s.Search(ctx, tt.query, 10)
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantID == 0 {
				if len(hits) != 0 {
					t.Fatalf("got %d hits, want none", len(hits))
				}
				return
			}
			if len(hits) == 0 || hits[0].ArticleID != tt.wantID {
				t.Fatalf("hits = %+v, want article %d first", hits, tt.wantID)
			}
			h := hits[0]
			if !strings.Contains(h.Snippet, store.HitStart+tt.wantMark+store.HitEnd) {
				t.Errorf("snippet %q does not mark %q", h.Snippet, tt.wantMark)
			}
			body := arts[0].Body
			for i, id := range res.IDs {
				if id == tt.wantID {
					body = arts[i].Body
				}
			}
			rs := []rune(body)
			if h.FirstHit < 0 || !strings.EqualFold(string(rs[h.FirstHit:h.FirstHit+len([]rune(tt.wantMark))]), tt.wantMark) {
				t.Errorf("FirstHit %d points at %q", h.FirstHit, string(rs[max(h.FirstHit, 0):]))
			}
		})
	}
}

func testSearchNeverSyntaxError(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	ImportOne(t, s, store.Article{Title: "U.S.-China", Body: "The U.S. and China (PRC) met; AND/OR NOT \"quoted\" text * here."})
	for _, q := range []string{`"`, `*`, `AND`, `OR NOT`, `(PRC`, `U.S.`, `a"b`, `NEAR(a b)`, `title:China`, `-`, `^China`, `'`, `""`, `" "`, `**`, `{x}`} {
		if _, err := s.Search(ctx, q, 5); err != nil {
			t.Errorf("Search(%q) error: %v", q, err)
		}
		if _, err := s.Articles(ctx, store.ArticleFilter{Text: q}); err != nil {
			t.Errorf("Articles(%q) error: %v", q, err)
		}
	}
	if hits, _ := s.Search(ctx, "U.S.", 5); len(hits) != 1 {
		t.Errorf("U.S. found %d", len(hits))
	}
	if hits, _ := s.Search(ctx, "(PRC", 5); len(hits) != 1 {
		t.Errorf("(PRC found %d", len(hits))
	}
}

func testSearchRanksTitleAndFrequency(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	res, err := s.ImportArticles(ctx, []store.Article{
		{Title: "Weather", Body: "Rain in Taipei. Tariffs were mentioned once."},
		{Title: "Tariffs on Chinese goods", Body: "Trump threatened tariffs, more tariffs and higher tariffs."},
	})
	if err != nil {
		t.Fatal(err)
	}
	hits, _ := s.Search(ctx, "tariffs", 5)
	if len(hits) != 2 || hits[0].ArticleID != res.IDs[1] || hits[0].Rank > hits[1].Rank {
		t.Errorf("ranking = %+v", hits)
	}
}

func testSearchTitleOnlyHit(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	ImportOne(t, s, store.Article{Title: "Kuomintang caucus", Body: "Legislators met on Monday."})
	hits, _ := s.Search(ctx, "kuomintang", 5)
	if len(hits) != 1 || hits[0].FirstHit != -1 || !strings.HasPrefix(hits[0].Snippet, "Legislators") {
		t.Errorf("title-only hit = %+v", hits)
	}
}

func testSearchMarksFoldedAndPrefixHits(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	body := "Talks in São Paulo ended. Later the SANCTIONS were sanctioned by Brasília."
	ImportOne(t, s, store.Article{Title: "Brazil", Body: body})
	tests := []struct{ query, marked string }{
		{"sao paulo", "São"},
		{`"são paulo"`, "São Paulo"},
		{"sanction*", "SANCTIONS"},
		{"brasilia", "Brasília"},
	}
	for _, tt := range tests {
		hits, err := s.Search(ctx, tt.query, 5)
		if err != nil || len(hits) != 1 {
			t.Fatalf("Search(%q) = %v, %v", tt.query, hits, err)
		}
		if !strings.Contains(hits[0].Snippet, store.HitStart+tt.marked+store.HitEnd) {
			t.Errorf("Search(%q) snippet %q does not mark %q", tt.query, hits[0].Snippet, tt.marked)
		}
		if want := RuneIndex(t, body, tt.marked); hits[0].FirstHit != want {
			t.Errorf("Search(%q) FirstHit = %d, want %d", tt.query, hits[0].FirstHit, want)
		}
	}
}

func testSearchSnippetOfLongArticle(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	filler := strings.Repeat("The delegation discussed routine matters at length. ", 100)
	body := filler + "Then the minister announced sanctions on Pyongyang. " + filler
	ImportOne(t, s, store.Article{Title: "Long", Body: body})
	hits, err := s.Search(ctx, "pyongyang", 5)
	if err != nil || len(hits) != 1 {
		t.Fatalf("hits = %v, %v", hits, err)
	}
	h := hits[0]
	if h.FirstHit != RuneIndex(t, body, "Pyongyang") {
		t.Errorf("FirstHit = %d", h.FirstHit)
	}
	if !strings.HasPrefix(h.Snippet, "…") || !strings.HasSuffix(h.Snippet, "…") ||
		!strings.Contains(h.Snippet, "sanctions on "+store.HitStart+"Pyongyang"+store.HitEnd) {
		t.Errorf("snippet %q", h.Snippet)
	}
	if n := len([]rune(h.Snippet)); n < 150 || n > 320 {
		t.Errorf("snippet is %d runes long", n)
	}
	// The cut falls between words.
	inner := strings.TrimSuffix(strings.TrimPrefix(h.Snippet, "…"), "…")
	if !strings.HasPrefix(inner, "The ") && !strings.HasPrefix(inner, "delegation") && !strings.HasPrefix(inner, "discussed") &&
		!strings.HasPrefix(inner, "routine") && !strings.HasPrefix(inner, "matters") && !strings.HasPrefix(inner, "at ") &&
		!strings.HasPrefix(inner, "length") {
		t.Errorf("snippet starts mid-word: %q", h.Snippet)
	}
}

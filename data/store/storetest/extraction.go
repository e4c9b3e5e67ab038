package storetest

import (
	"context"
	"testing"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// seedExtraction is what an extractor would suggest for the seed's first
// article.
func seedExtraction(t *testing.T, body string) store.Extraction {
	span := func(s string) store.Span {
		i := RuneIndex(t, body, s)
		return store.Span{Start: i, End: i + len([]rune(s))}
	}
	call := span("US president-elect Donald Trump and Chinese President Xi Jinping (習近平) discussed Taiwan")
	return store.Extraction{
		Entities: []store.SuggestedEntity{
			{Name: "Donald Trump", Kind: model.KindPerson, Country: "USA", Role: "GOV", Mentions: []store.Span{span("Donald Trump")}},
			{Name: "Xi Jinping", Kind: model.KindPerson, Country: "CHN", Role: "GOV", Aliases: []store.Alias{{Name: "習近平", Lang: "zh-Hant"}},
				Mentions: []store.Span{span("Xi Jinping"), span("習近平")}},
			{Name: "Marco Rubio", Kind: model.KindPerson, Country: "USA", Role: "LEG", Mentions: []store.Span{span("Marco Rubio")}},
		},
		Events: []store.SuggestedEvent{
			{Actors: []int{0}, Recipients: []int{1}, Type: "CONSULT", Mode: "phone", CAMEO: "040", Goldstein: 1,
				Date: "2025-01-17", Precision: model.PrecisionDay, DateText: "on Friday", DateBasis: model.BasisRelative,
				Text: "US president-elect Donald Trump and Chinese President Xi Jinping (習近平) discussed Taiwan", Start: call.Start, End: call.End},
			{Actors: []int{2}, Recipients: []int{1}, Type: "ACCUSE", CAMEO: "112", Start: span("Marco Rubio").Start, End: span("Marco Rubio").End},
		},
	}
}

func testSaveExtractionRespectsAnalystWork(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	arts := SeedArticles(t)
	id := ImportOne(t, s, arts[0])
	x := seedExtraction(t, arts[0].Body)

	// An analyst already knows Xi under his Chinese name.
	xi, err := s.CreateEntity(ctx, store.Entity{Name: "習近平", Kind: model.KindPerson})
	must(t, err)
	must(t, s.SaveExtraction(ctx, id, x))
	c, _ := s.Counts(ctx)
	if c.Entities != 3 || c.Mentions != 4 || c.Events != 2 {
		t.Fatalf("after first run counts = %+v", c)
	}
	if ms, _ := s.Mentions(ctx, store.MentionFilter{EntityID: xi}); len(ms) != 2 || ms[0].Status != model.StatusSuggested || ms[0].Text != "Xi Jinping" {
		t.Errorf("Xi not matched by alias: %+v", ms)
	}

	// The analyst works on the suggestions.
	ms, _ := s.Mentions(ctx, store.MentionFilter{ArticleID: id})
	must(t, s.SetMentionStatus(ctx, ms[0].ID, model.StatusRejected))
	evs, _ := s.Events(ctx, store.EventFilter{ArticleID: id})
	must(t, s.SetEventStatus(ctx, evs[0].ID, model.StatusRejected))
	edited := evs[1]
	edited.Type, edited.Note = "CONSULT", "not an accusation"
	must(t, s.UpdateEvent(ctx, edited))
	rubio := evs[1].Actors[0]
	trump := evs[0].Actors[0]
	must(t, s.DeleteEntity(ctx, rubio))
	must(t, s.MergeEntities(ctx, xi, trump)) // a silly merge, but the analyst's

	before := snapshot(t, s)
	must(t, s.SaveExtraction(ctx, id, x))
	must(t, s.SaveExtraction(ctx, id, x))
	if after := snapshot(t, s); after != before {
		t.Errorf("re-running extraction changed analyst work:\n%s\nwas:\n%s", after, before)
	}
	if l, _ := s.UndoLabel(ctx); l != "Merge entities" {
		t.Errorf("extraction went on the undo log: top is %q", l)
	}
}

func testSaveExtractionValidates(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	id := ImportOne(t, s, store.Article{Title: "Short", Body: "Xi spoke."})
	tests := []struct {
		name string
		x    store.Extraction
	}{
		{"span past end", store.Extraction{Entities: []store.SuggestedEntity{{Name: "Xi", Kind: model.KindPerson, Mentions: []store.Span{{Start: 0, End: 99}}}}}},
		{"bad kind", store.Extraction{Entities: []store.SuggestedEntity{{Name: "Xi", Kind: "robot", Mentions: []store.Span{{Start: 0, End: 2}}}}}},
		{"bad actor index", store.Extraction{Events: []store.SuggestedEvent{{Actors: []int{3}, Type: "CONSULT", Start: 0, End: 9}}}},
		{"bad type", store.Extraction{Events: []store.SuggestedEvent{{Type: "GOSSIP", Start: 0, End: 9}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := s.SaveExtraction(ctx, id, tt.x); err == nil {
				t.Error("accepted")
			}
			if c, _ := s.Counts(ctx); c.Entities+c.Mentions+c.Events != 0 {
				t.Errorf("partial write: %+v", c)
			}
		})
	}
	if err := s.SaveExtraction(ctx, 999, store.Extraction{}); err == nil {
		t.Error("accepted a missing article")
	}
}

func testSaveExtractionAfterSplitAddsNothing(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	arts := SeedArticles(t)
	body := arts[0].Body + "\n" + arts[1].Body
	id := ImportOne(t, s, store.Article{Title: "Run together", Body: body})
	x := seedExtraction(t, arts[0].Body)
	rubioAt := RuneIndex(t, body, "Marco Rubio")
	cut := RuneIndex(t, body, arts[1].Body)
	// The teaser's suggestions, first in the run-together article's offsets.
	aid := RuneIndex(t, body, "aid as leverage")
	pacific := RuneIndex(t, body, "Pacific")
	teaserIn := func(shift int) store.Extraction {
		return store.Extraction{
			Entities: []store.SuggestedEntity{{Name: "Pacific Islands", Kind: model.KindPlace, Mentions: []store.Span{{Start: pacific - shift, End: pacific - shift + 7}}}},
			Events:   []store.SuggestedEvent{{Actors: []int{0}, Type: "COERCE", Start: aid - shift, End: aid - shift + 15}},
		}
	}
	must(t, s.SaveExtraction(ctx, id, x))
	must(t, s.SaveExtraction(ctx, id, teaserIn(0)))
	ms, _ := s.Mentions(ctx, store.MentionFilter{ArticleID: id})
	for _, m := range ms {
		if m.Start == rubioAt {
			must(t, s.SetMentionStatus(ctx, m.ID, model.StatusRejected))
		}
	}
	evs, _ := s.Events(ctx, store.EventFilter{Type: "COERCE"})
	must(t, s.DeleteEvent(ctx, evs[0].ID))
	second, err := s.SplitArticle(ctx, id, cut)
	must(t, err)
	teaser := teaserIn(cut)
	if ms, _ := s.Mentions(ctx, store.MentionFilter{ArticleID: second}); len(ms) != 1 || ms[0].Text != "Pacific" {
		t.Fatalf("teaser mentions after split = %+v", ms)
	}
	before := snapshot(t, s)
	must(t, s.SaveExtraction(ctx, id, x))
	must(t, s.SaveExtraction(ctx, second, teaser))
	if after := snapshot(t, s); after != before {
		t.Errorf("re-running extraction after a split changed the project:\n%s\nwas:\n%s", after, before)
	}
	must(t, s.MergeArticleWithNext(ctx, id))
	before = snapshot(t, s)
	must(t, s.SaveExtraction(ctx, id, x))
	if after := snapshot(t, s); after != before {
		t.Errorf("re-running extraction after merging back changed the project")
	}
	if ms, _ := s.Mentions(ctx, store.MentionFilter{ArticleID: id, Status: model.StatusRejected}); len(ms) != 1 || ms[0].Start != rubioAt {
		t.Errorf("rejected mention after split and merge = %+v", ms)
	}
}

func testSaveExtractionsIsAllOrNothing(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t)
	arts := SeedArticles(t)
	first, second := ImportOne(t, s, arts[0]), ImportOne(t, s, arts[1])
	x := seedExtraction(t, arts[0].Body)

	// The second article is far shorter than the first: spans taken from the
	// first do not fit in it, so the whole batch must be refused.
	err := s.SaveExtractions(ctx, []store.ArticleExtraction{{ArticleID: first, Extraction: x}, {ArticleID: second, Extraction: x}})
	if err == nil {
		t.Fatal("a batch with an out-of-range span was saved")
	}
	if c, _ := s.Counts(ctx); c.Mentions != 0 || c.Events != 0 || c.Entities != 0 {
		t.Fatalf("a failed batch left rows behind: %+v", c)
	}

	must(t, s.SaveExtractions(ctx, []store.ArticleExtraction{{ArticleID: first, Extraction: x}}))
	if c, _ := s.Counts(ctx); c.Entities != 3 || c.Mentions != 4 || c.Events != 2 {
		t.Fatalf("after a batch of one, counts = %+v, want what SaveExtraction stores", c)
	}
	before := snapshot(t, s)
	must(t, s.SaveExtractions(ctx, []store.ArticleExtraction{{ArticleID: first, Extraction: x}}))
	if after := snapshot(t, s); after != before {
		t.Errorf("re-running a batch added to the project:\n%s\nwas:\n%s", after, before)
	}
}

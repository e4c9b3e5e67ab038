package postgres_test

import (
	"context"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/postgres/pgtest"
)

// TestImportProjectIsAllOrNothing: a project whose last event the model
// refuses imports nothing at all, and the error names the event's field.
func TestImportProjectIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := open(t, pgtest.NewProject(t).OwnerURL())
	body := "Xi Jinping and Donald Trump spoke by phone on Friday about trade."
	p := store.Project{
		Exchange: store.Exchange{
			Tags:     []store.ExchangeTag{{ID: 7, Parent: -1, Name: "Trade"}},
			Articles: []store.ExchangeArticle{{Article: store.Article{ID: 3, Title: "Call", Body: body}, Passages: []store.ExchangePassage{{Start: 0, End: 10, Tags: []int{0}}}}},
		},
		Entities: []store.Entity{{ID: 5, Name: "Xi Jinping", Kind: model.KindPerson, Aliases: []model.Alias{{Name: "Xi"}}}},
		Mentions: []store.Mention{{ID: 9, EntityID: 5, ArticleID: 3, Start: 0, End: 10, Status: model.StatusConfirmed}},
		Events: []store.Event{
			{ID: 1, ArticleID: 3, Start: 0, End: 40, Type: "CONSULT", Actors: []int64{5}, TagIDs: []int64{7}, Status: model.StatusConfirmed},
			{ID: 2, ArticleID: 3, Start: 0, End: 40, Type: "AGREE", Status: "maybe"},
		},
	}
	if _, err := s.ImportProject(ctx, p); err == nil || !strings.Contains(err.Error(), "event 2") {
		t.Fatalf("a refused event: %v", err)
	}
	if c, err := s.Counts(ctx); err != nil || c != (store.Counts{}) {
		t.Fatalf("after a refused import the project holds %+v (%v)", c, err)
	}

	p.Events = p.Events[:1]
	res, err := s.ImportProject(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.NewArticles) != 1 || res.TagsCreated != 1 || res.Passages != 1 || res.EntitiesCreated != 1 || res.Aliases != 1 || res.Mentions != 1 || res.Events != 1 {
		t.Errorf("import: %+v", res)
	}
	evs, err := s.Events(ctx, store.EventFilter{})
	if err != nil || len(evs) != 1 || len(evs[0].Actors) != 1 || len(evs[0].TagIDs) != 1 {
		t.Fatalf("events: %+v %v", evs, err)
	}
	if ent, err := s.Entity(ctx, evs[0].Actors[0]); err != nil || ent.Name != "Xi Jinping" || ent.Mentions != 1 {
		t.Errorf("the event's actor: %+v %v", ent, err)
	}
}

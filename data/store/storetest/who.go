package storetest

import (
	"context"
	"net/url"
	"regexp"
	"testing"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// member is who a project records as the author of changes: the login of a
// project on a server (its location is a URL naming the user), nobody for a
// project file.
func member(s store.Store) string {
	if u, err := url.Parse(s.Location()); err == nil && u.Scheme != "" && u.User != nil {
		return u.User.Username()
	}
	return ""
}

// testEveryReadNamesWhoDidIt checks that tags, passages, entities and events read back
// with who created and last changed them, the same through every read.
func testEveryReadNamesWhoDidIt(t *testing.T, open Opener) {
	s := open(t)
	ctx := context.Background()
	want := model.Who{CreatedBy: member(s), ChangedBy: member(s)}
	art := ImportOne(t, s, store.Article{Title: "Call", Body: "Xi Jinping and Donald Trump spoke by phone on Friday about trade."})
	tag, err := s.CreateTag(ctx, store.Tag{Name: "Trade"})
	if err != nil {
		t.Fatal(err)
	}
	pid, err := s.CreatePassage(ctx, store.Passage{ArticleID: art, Start: 0, End: 10, TagIDs: []int64{tag}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetPassageNote(ctx, pid, "who spoke"); err != nil {
		t.Fatal(err)
	}
	eid, err := s.CreateEvent(ctx, store.Event{ArticleID: art, Start: 0, End: 40, Type: "CONSULT"})
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string, got model.Who) {
		t.Helper()
		if got.CreatedBy != want.CreatedBy || got.ChangedBy != want.ChangedBy {
			t.Errorf("%s: %+v, want %+v", what, got, want)
		}
	}
	tags, err := s.Tags(ctx)
	if err != nil || len(tags) != 1 {
		t.Fatalf("Tags: %v %v", tags, err)
	}
	check("Tags", tags[0].Who)
	p, err := s.Passage(ctx, pid)
	if err != nil {
		t.Fatal(err)
	}
	check("Passage", p.Who)
	ps, err := s.Passages(ctx, store.PassageFilter{TagID: tag})
	if err != nil || len(ps) != 1 {
		t.Fatalf("Passages: %v %v", ps, err)
	}
	check("Passages", ps[0].Who)
	ev, err := s.Event(ctx, eid)
	if err != nil {
		t.Fatal(err)
	}
	check("Event", ev.Who)
	evs, err := s.Events(ctx, store.EventFilter{})
	if err != nil || len(evs) != 1 {
		t.Fatalf("Events: %v %v", evs, err)
	}
	check("Events", evs[0].Who)
	eid2, err := s.CreateEntity(ctx, store.Entity{Name: "Xi Jinping", Kind: model.KindPerson})
	if err != nil {
		t.Fatal(err)
	}
	ent, err := s.Entity(ctx, eid2)
	if err != nil {
		t.Fatal(err)
	}
	check("Entity", ent.Who)
	x, err := s.ExchangeSnapshot(ctx)
	if err != nil || len(x.Articles) != 1 || len(x.Articles[0].Passages) != 1 || len(x.Events) != 1 {
		t.Fatalf("ExchangeSnapshot: %+v %v", x, err)
	}
	check("ExchangeSnapshot passage", x.Articles[0].Passages[0].Who)
	check("ExchangeSnapshot event", x.Events[0].Who)
}

var whoField = regexp.MustCompile(`Who:\{[^}]*\}`)

// withoutWho blanks the members a snapshot names, to compare two projects
// whose owners differ.
func withoutWho(snapshot string) string { return whoField.ReplaceAllString(snapshot, "Who:{}") }

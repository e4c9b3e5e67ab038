package storetest

import (
	"context"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

func testValidationErrorsSayWhatFailed(t *testing.T, open Opener) {
	ctx := context.Background()
	f := newFixture(t, open)
	s := f.s
	tests := []struct {
		name string
		op   func() error
		want string
	}{
		{"passage past end", func() error {
			_, err := s.CreatePassage(ctx, store.Passage{ArticleID: f.art, Start: 10, End: 10000})
			return err
		}, "not within article"},
		{"passage reversed", func() error {
			_, err := s.CreatePassage(ctx, store.Passage{ArticleID: f.art, Start: 10, End: 5})
			return err
		}, "start before end"},
		{"passage unknown tag", func() error {
			_, err := s.CreatePassage(ctx, store.Passage{ArticleID: f.art, Start: 0, End: 5, TagIDs: []int64{77}})
			return err
		}, "tag 77"},
		{"tag colour", func() error {
			_, err := s.CreateTag(ctx, store.Tag{Name: "x", Colour: "red"})
			return err
		}, "#rrggbb"},
		{"tag empty name", func() error {
			_, err := s.CreateTag(ctx, store.Tag{Name: "  "})
			return err
		}, "name is empty"},
		{"tag cycle", func() error { return s.MoveTag(ctx, f.tagA, f.tagKid) }, "descendant"},
		{"entity kind", func() error {
			_, err := s.CreateEntity(ctx, store.Entity{Name: "NATO", Kind: "alliance"})
			return err
		}, "unknown entity kind"},
		{"mention status", func() error { return s.SetMentionStatus(ctx, f.mention, "maybe") }, "unknown status"},
		{"event type", func() error {
			_, err := s.CreateEvent(ctx, store.Event{Type: "GOSSIP"})
			return err
		}, "unknown event type"},
		{"event date", func() error {
			_, err := s.CreateEvent(ctx, store.Event{Type: "AID", Date: "Friday"})
			return err
		}, "not a date"},
		{"event impossible date", func() error {
			_, err := s.CreateEvent(ctx, store.Event{Type: "AID", Date: "2025-02-31"})
			return err
		}, "day out of range"},
		{"event impossible end date", func() error {
			_, err := s.CreateEvent(ctx, store.Event{Type: "AID", Date: "2025-02-01", EndDate: "2025-02-30"})
			return err
		}, "end date"},
		{"event unknown actor", func() error {
			_, err := s.CreateEvent(ctx, store.Event{Type: "AID", Actors: []int64{404}})
			return err
		}, "entity 404"},
		{"merge into itself", func() error { return s.MergeEntities(ctx, f.xi, f.xi) }, "itself"},
		{"remove missing alias", func() error { return s.RemoveAlias(ctx, f.xi, "Pooh") }, "no alias"},
	}
	before := snapshot(t, s)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.op()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want it to mention %q", err, tt.want)
			}
		})
	}
	if snapshot(t, s) != before {
		t.Error("a refused change wrote something")
	}
}

func testTagsTreeAndCounts(t *testing.T, open Opener) {
	ctx := context.Background()
	f := newFixture(t, open)
	s := f.s
	must(t, s.TagPassage(ctx, f.passage, f.tagKid))
	tags, err := s.Tags(ctx)
	must(t, err)
	var got []string
	for _, tg := range tags {
		got = append(got, tg.Name)
		if tg.ID == f.tagA && (tg.Passages != 1 || tg.Colour != "#3366cc") {
			t.Errorf("Diplomacy = %+v", tg)
		}
		if tg.ID == f.tagKid && tg.ParentID != f.tagA {
			t.Errorf("Calls parent = %d", tg.ParentID)
		}
	}
	if strings.Join(got, ",") != "Diplomacy,Calls,Security" {
		t.Errorf("tree order = %v", got)
	}
	must(t, s.DeleteTag(ctx, f.tagA))
	tags, _ = s.Tags(ctx)
	for _, tg := range tags {
		if tg.ID == f.tagKid && tg.ParentID != 0 {
			t.Errorf("child of deleted tag has parent %d, want top level", tg.ParentID)
		}
	}
	p, _ := s.Passage(ctx, f.passage)
	if len(p.TagIDs) != 1 || p.TagIDs[0] != f.tagKid {
		t.Errorf("passage tags after delete = %v", p.TagIDs)
	}
	ps, _ := s.Passages(ctx, store.PassageFilter{TagID: f.tagKid})
	if len(ps) != 1 {
		t.Errorf("passages with Calls = %d", len(ps))
	}
}

func testEntitiesFilterAndMerge(t *testing.T, open Opener) {
	ctx := context.Background()
	f := newFixture(t, open)
	s := f.s
	es, _ := s.Entities(ctx, store.EntityFilter{Name: "近平"})
	if len(es) != 1 || es[0].ID != f.xi {
		t.Errorf("alias search = %+v", es)
	}
	es, _ = s.Entities(ctx, store.EntityFilter{Kind: model.KindCountry})
	if len(es) != 0 {
		t.Errorf("countries = %+v", es)
	}
	must(t, s.MergeEntities(ctx, f.xi, f.dup))
	xi, _ := s.Entity(ctx, f.xi)
	if xi.Mentions != 1 || len(xi.Aliases) != 2 || xi.Aliases[1].Name != "President Xi" {
		t.Errorf("merged entity = %+v", xi)
	}
	ev, _ := s.Event(ctx, f.event)
	if len(ev.Actors) != 1 || ev.Actors[0] != f.xi {
		t.Errorf("event actors after merge = %v", ev.Actors)
	}
}

func testEventsFilter(t *testing.T, open Opener) {
	ctx := context.Background()
	f := newFixture(t, open)
	s := f.s
	second, err := s.CreateEvent(ctx, store.Event{Type: "ACCUSE", ArticleID: f.art2, Actors: []int64{f.trump}, Recipients: []int64{f.xi},
		Date: "2025-02-03", TagIDs: []int64{f.tagB}, CAMEO: "0211"})
	must(t, err)
	ids := func(fl store.EventFilter) []int64 {
		evs, err := s.Events(ctx, fl)
		must(t, err)
		var out []int64
		for _, e := range evs {
			out = append(out, e.ID)
		}
		return out
	}
	tests := []struct {
		name string
		f    store.EventFilter
		want []int64
	}{
		{"all by date", store.EventFilter{}, []int64{f.event, second}},
		{"status", store.EventFilter{Status: model.StatusConfirmed}, []int64{second}},
		{"type", store.EventFilter{Type: "consult"}, []int64{f.event}},
		{"actor", store.EventFilter{ActorID: f.trump}, []int64{second}},
		{"recipient", store.EventFilter{RecipientID: f.trump}, []int64{f.event}},
		{"tag", store.EventFilter{TagID: f.tagB}, []int64{second}},
		{"article", store.EventFilter{ArticleID: f.art}, []int64{f.event}},
		{"from", store.EventFilter{From: "2025-02-01"}, []int64{second}},
		{"to", store.EventFilter{To: "2025-01-31"}, []int64{f.event}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(tt.f)
			if len(got) != len(tt.want) || (len(got) > 0 && got[0] != tt.want[0]) || (len(got) > 1 && got[1] != tt.want[1]) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	e, _ := s.Event(ctx, second)
	if e.CAMEO != "0211" || e.Status != model.StatusConfirmed {
		t.Errorf("event = %+v", e)
	}
	must(t, s.SetEventsStatus(ctx, []int64{f.event, second}, model.StatusRejected))
	if got := ids(store.EventFilter{Status: model.StatusRejected}); len(got) != 2 {
		t.Errorf("bulk reject left %v", got)
	}
	if l, _ := s.Undo(ctx); l != "Reject events" {
		t.Errorf("bulk undo label %q", l)
	}
	if got := ids(store.EventFilter{Status: model.StatusRejected}); len(got) != 0 {
		t.Errorf("bulk undo left %v rejected", got)
	}
}

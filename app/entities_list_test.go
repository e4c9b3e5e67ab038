package app

import (
	"testing"

	"github.com/attache-app/attache/data/model"
)

// TestEntityListRanksByMentionsAndKeepsItsIndex lists entities with no query:
// most mentioned first, in every kind; a reload that changes only mention
// counts keeps the fuzzy index, one that renames an entity rebuilds it.
func TestEntityListRanksByMentionsAndKeepsItsIndex(t *testing.T) {
	all := []model.Entity{
		{ID: 1, Name: "Angola", Kind: model.KindCountry, Mentions: 2},
		{ID: 2, Name: "Brazil", Kind: model.KindCountry, Mentions: 9},
		{ID: 3, Name: "Carla Hills", Kind: model.KindPerson, Mentions: 5, Aliases: []model.Alias{{Name: "Hills"}}},
		{ID: 4, Name: "Dilson Funaro", Kind: model.KindPerson, Mentions: 7},
	}
	l := newEntityList(all, entityList{})
	names := func(rows []entityRow) []string {
		var out []string
		for _, r := range rows {
			out = append(out, r.entity.Name)
		}
		return out
	}
	for _, tc := range []struct {
		kind string
		want []string
	}{
		{allKinds, []string{"Brazil", "Dilson Funaro", "Carla Hills", "Angola"}},
		{"person", []string{"Dilson Funaro", "Carla Hills"}},
		{"country", []string{"Brazil", "Angola"}},
		{"place", nil},
	} {
		got := names(entityRows(l.all, l.byID, l.ix, l.ranked, l.byKind, "", tc.kind))
		if len(got) != len(tc.want) || (len(got) > 0 && got[0] != tc.want[0]) || (len(got) > 1 && got[1] != tc.want[1]) {
			t.Errorf("%s: %q, want %q", tc.kind, got, tc.want)
		}
	}

	more := append([]model.Entity(nil), all...)
	more[0].Mentions = 20
	again := newEntityList(more, l)
	if again.ix != l.ix {
		t.Error("a reload with the same names rebuilt the index")
	}
	if got := names(again.ranked); got[0] != "Angola" {
		t.Errorf("after Angola's mentions grew the list starts %q", got)
	}
	renamed := append([]model.Entity(nil), more...)
	renamed[2].Aliases = []model.Alias{{Name: "USTR"}}
	if newEntityList(renamed, again).ix == again.ix {
		t.Error("a new alias did not rebuild the index")
	}
	if rows := entityRows(again.all, again.byID, again.ix, again.ranked, again.byKind, "dfun", allKinds); len(rows) == 0 || rows[0].entity.Name != "Dilson Funaro" {
		t.Errorf("the kept index does not find Dilson Funaro for dfun")
	}
}

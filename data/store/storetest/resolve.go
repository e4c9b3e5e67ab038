package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// TestSuggestedEntitiesMatchLikeNoCase checks how suggestions find existing
// entities, both while names are looked up one by one and once a large
// batch has made the store read all names at once: by name or alias, ASCII
// letters in any case, other letters as written, and only within a kind.
func testSuggestedEntitiesMatchLikeNoCase(t *testing.T, open Opener) {
	for _, padding := range []int{0, 1500} {
		t.Run(fmt.Sprintf("after %d new names", padding), func(t *testing.T) {
			ctx := context.Background()
			s := open(t)
			xi, err := s.CreateEntity(ctx, store.Entity{Name: "Xi Jinping", Kind: model.KindPerson, Aliases: []store.Alias{{Name: "習近平"}}})
			must(t, err)
			msf, err := s.CreateEntity(ctx, store.Entity{Name: "Ärzte ohne Grenzen", Kind: model.KindOrganisation})
			must(t, err)
			id := ImportOne(t, s, store.Article{Title: "Names", Body: strings.Repeat("word ", 1000)})

			var x store.Extraction
			add := func(name string, kind model.EntityKind, aliases ...string) int {
				se := store.SuggestedEntity{Name: name, Kind: kind, Mentions: []store.Span{{Start: len(x.Entities), End: len(x.Entities) + 1}}}
				for _, a := range aliases {
					se.Aliases = append(se.Aliases, store.Alias{Name: a})
				}
				x.Entities = append(x.Entities, se)
				return len(x.Entities) - 1
			}
			for i := range padding {
				add(fmt.Sprintf("Delegate %04d", i), "person")
			}
			upper := add("XI JINPING", "person")
			byAlias := add("President Xi", "person", "習近平")
			country := add("Xi Jinping", "country")
			lower := add("ärzte ohne grenzen", "organisation")
			exact := add("Ärzte Ohne Grenzen", "organisation")
			again := add("ÄRZTE OHNE GRENZEN", "organisation", "ärzte ohne grenzen")
			must(t, s.SaveExtraction(ctx, id, x))

			ms, err := s.Mentions(ctx, store.MentionFilter{ArticleID: id})
			must(t, err)
			entityAt := map[int]int64{}
			for _, m := range ms {
				entityAt[m.Start] = m.EntityID
			}
			if entityAt[upper] != xi || entityAt[byAlias] != xi {
				t.Errorf("XI JINPING → %d, President Xi (習近平) → %d, want Xi Jinping %d", entityAt[upper], entityAt[byAlias], xi)
			}
			if entityAt[country] == xi {
				t.Error("a country took the person's entity")
			}
			if entityAt[exact] != msf {
				t.Errorf("Ärzte Ohne Grenzen → %d, want %d (ASCII case differs only)", entityAt[exact], msf)
			}
			if entityAt[lower] == msf || entityAt[lower] == 0 {
				t.Errorf("ärzte ohne grenzen → %d: Ä and ä are different letters to NOCASE", entityAt[lower])
			}
			if entityAt[again] != msf {
				t.Errorf("ÄRZTE OHNE GRENZEN → %d, want %d", entityAt[again], msf)
			}
			c, _ := s.Counts(ctx)
			if want := 2 + padding + 2; c.Entities != want {
				t.Errorf("%d entities, want %d", c.Entities, want)
			}
		})
	}
}

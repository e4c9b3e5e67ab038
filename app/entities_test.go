package app

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/widgets"
)

func TestEntitySearchFindsNamesAndAliasesInAnyScript(t *testing.T) {
	b := newUIBench(t)
	a := b.importSeed("習近平")
	b.entity(model.Entity{Name: "Xi Jinping", Kind: model.KindPerson, Country: "CHN", Aliases: []model.Alias{{Name: "習近平", Lang: "zh-Hant"}}},
		a, model.StatusConfirmed, "Xi Jinping", "習近平")
	b.entity(model.Entity{Name: "China", Kind: model.KindCountry, Country: "CHN", Aliases: []model.Alias{{Name: "Beijing"}}},
		a, model.StatusSuggested, "Beijing", "China")
	b.entity(model.Entity{Name: "Marco Rubio", Kind: model.KindPerson, Country: "USA", Aliases: []model.Alias{{Name: "Rubio"}}},
		a, model.StatusSuggested, "Rubio")
	p := b.wb.entities
	p.reload()
	b.pump("the entity list", func() bool { return p.loaded })
	b.wb.showEntitySearch()
	if b.wb.win.Canvas().Focused() != p.query {
		t.Error("Ctrl+2 does not focus the entity search box")
	}

	for _, tc := range []struct {
		query, want string
		runes       []int
	}{
		{"習近平", "Xi Jinping — 習近平", []int{13, 14, 15}},
		{"beij", "China — Beijing", []int{8, 9, 10, 11}},
		{"xjp", "Xi Jinping", []int{0, 3, 6}},
		{"rubio", "Marco Rubio", []int{6, 7, 8, 9, 10}},
	} {
		t.Run(tc.query, func(t *testing.T) {
			p.query.SetText("")
			test.Type(p.query, tc.query)
			if len(p.rows) == 0 {
				t.Fatalf("%q finds nothing", tc.query)
			}
			if got := p.rows[0]; got.text != tc.want || !slices.Equal(got.runes, tc.runes) {
				t.Errorf("%q: first row %q marks %v, want %q marks %v", tc.query, got.text, got.runes, tc.want, tc.runes)
			}
			shown := false
			for _, l := range objectsOf[*widgets.HighlightLabel](p.list) {
				shown = shown || l.Text() == tc.want
			}
			if !shown {
				t.Errorf("%q: the list shows no row %q", tc.query, tc.want)
			}
		})
	}

	p.query.SetText("")
	all, err := b.st.Entities(context.Background(), store.EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortStableFunc(all, func(x, y model.Entity) int { return y.Mentions - x.Mentions })
	var got, want []string
	for _, r := range p.rows {
		got = append(got, fmt.Sprintf("%s (%d)", r.entity.Name, r.entity.Mentions))
	}
	for _, e := range all {
		want = append(want, fmt.Sprintf("%s (%d)", e.Name, e.Mentions))
	}
	if !slices.Equal(got, want) || all[0].Mentions == all[len(all)-1].Mentions {
		t.Errorf("with no query the list is %v, want %v (most mentioned first)", got, want)
	}
	if want := fmt.Sprintf("%d entities", len(all)); p.count.Text != want {
		t.Errorf("the count reads %q, want %q", p.count.Text, want)
	}
	p.kind.SetSelected("country")
	if len(p.rows) != 1 || p.rows[0].entity.Name != "China" {
		t.Fatalf("the country filter lists %d rows", len(p.rows))
	}

	// Down goes from the search box to the results; Space shows the entity.
	b.wb.showEntitySearch()
	test.Type(p.query, "bei")
	p.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if b.wb.win.Canvas().Focused() != p.list {
		t.Fatal("Down in the search box does not move to the results")
	}
	p.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	i := b.wb.inspector
	b.pump("China in the inspector", func() bool { return i.title.Text == "China" && slices.Contains(labelTexts(i.object()), "Aliases") })
}

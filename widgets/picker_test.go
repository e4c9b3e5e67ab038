package widgets_test

import (
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/attache-app/attache/widgets"
)

// entityNames are names from the seed article, as the entity search would offer them.
var entityNames = []string{
	"Xi Jinping", "Donald Trump", "Marco Rubio", "China", "Taiwan", "United States",
	"Ministry of Foreign Affairs (China)", "US Supreme Court", "TikTok", "習近平",
}

// subsequenceSearch is a small fuzzy search: labels containing the query's letters in
// order, case-insensitively, with the matched rune indexes.
func subsequenceSearch(query string) []widgets.PickerItem {
	var out []widgets.PickerItem
	q := []rune(strings.ToLower(query))
	for _, name := range entityNames {
		var matched []int
		k := 0
		for i, r := range []rune(name) {
			if k < len(q) && unicode.ToLower(r) == q[k] {
				matched = append(matched, i)
				k++
			}
		}
		if k == len(q) {
			out = append(out, widgets.PickerItem{Label: name, Matched: matched, Detail: "entity", Value: name})
		}
	}
	return out
}

func newPicker(t *testing.T) (*widgets.Picker, fyne.Window) {
	test.NewTempApp(t)
	p := widgets.NewPicker(subsequenceSearch)
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(400, 400))
	p.FocusEntry()
	return p, w
}

func labels(items []widgets.PickerItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Label)
	}
	return out
}

func TestPicker_KeyboardChooses(t *testing.T) {
	tests := []struct {
		name  string
		typed string
		keys  []fyne.KeyName
		want  string // label chosen, "" for none
	}{
		{"Enter takes the first match", "xi", nil, "Xi Jinping"},
		{"Down then Enter takes the second", "ch", []fyne.KeyName{fyne.KeyDown}, "Ministry of Foreign Affairs (China)"},
		{"Up stops at the first row", "t", []fyne.KeyName{fyne.KeyDown, fyne.KeyUp, fyne.KeyUp}, "Donald Trump"},
		{"Down stops at the last row", "rubio", []fyne.KeyName{fyne.KeyDown, fyne.KeyDown}, "Marco Rubio"},
		{"CJK query", "近平", nil, "習近平"},
		{"no match, nothing chosen", "zzz", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, w := newPicker(t)
			var chosen string
			p.OnChosen = func(it widgets.PickerItem) { chosen = it.Value.(string) }
			test.Type(w.Canvas().Focused(), tt.typed)
			if p.Query() != tt.typed {
				t.Fatalf("query = %q after typing %q", p.Query(), tt.typed)
			}
			for _, k := range tt.keys {
				w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k})
			}
			w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			if chosen != tt.want {
				t.Errorf("chose %q, want %q (items %q)", chosen, tt.want, labels(p.Items()))
			}
		})
	}
}

func TestPicker_ResultsFollowTheQuery(t *testing.T) {
	p, w := newPicker(t)
	if len(p.Items()) != len(entityNames) {
		t.Errorf("empty query shows %d items, want all %d", len(p.Items()), len(entityNames))
	}
	test.Type(w.Canvas().Focused(), "jp")
	if got := labels(p.Items()); len(got) != 1 || got[0] != "Xi Jinping" {
		t.Errorf("items for %q = %q", "jp", got)
	}
	if m := p.Items()[0].Matched; len(m) != 2 || m[0] != 3 || m[1] != 6 {
		t.Errorf("matched = %v, want [3 6]", m)
	}
	if p.Selected() != 0 {
		t.Errorf("Selected() = %d, want the first row", p.Selected())
	}
}

func TestPicker_EscapeCancels(t *testing.T) {
	p, w := newPicker(t)
	cancelled := false
	p.OnCancel = func() { cancelled = true }
	p.OnChosen = func(widgets.PickerItem) { t.Error("Escape chose an item") }
	test.Type(w.Canvas().Focused(), "xi")
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !cancelled {
		t.Error("OnCancel not called")
	}
}

func TestPicker_CreateFromQuery(t *testing.T) {
	tests := []struct {
		typed      string
		wantOffer  string
		wantCreate string
		wantChosen string
	}{
		{"  Quad alliance ", "Quad alliance", "Quad alliance", ""},
		{"taiwan", "", "", "Taiwan"}, // an exact (case-insensitive) label: no create row
		{"tai", "tai", "", "Taiwan"}, // create row comes last; Enter takes the match
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			p, w := newPicker(t)
			var created, chosen string
			p.OnCreate = func(name string) { created = name }
			p.OnChosen = func(it widgets.PickerItem) { chosen = it.Label }
			test.Type(w.Canvas().Focused(), tt.typed)
			if p.CreateOffered() != tt.wantOffer {
				t.Errorf("CreateOffered() = %q, want %q", p.CreateOffered(), tt.wantOffer)
			}
			w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			if created != tt.wantCreate || chosen != tt.wantChosen {
				t.Errorf("created %q chosen %q, want %q %q", created, chosen, tt.wantCreate, tt.wantChosen)
			}
		})
	}
}

func TestPicker_CreateRowByKeyboard(t *testing.T) {
	p, w := newPicker(t)
	var created string
	p.OnCreate = func(name string) { created = name }
	test.Type(w.Canvas().Focused(), "tai")
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	if p.Selected() != len(p.Items()) {
		t.Fatalf("Selected() = %d, want the create row %d", p.Selected(), len(p.Items()))
	}
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if created != "tai" {
		t.Errorf("created %q, want %q", created, "tai")
	}
}

// tapRow taps the list row showing label, as a click on it would.
func tapRow(t *testing.T, w fyne.Window, label string) {
	t.Helper()
	var row fyne.Tappable
	for _, o := range test.LaidOutObjects(w.Content()) {
		if tp, ok := o.(fyne.Tappable); ok {
			row = tp
		}
		if l, ok := o.(*widgets.HighlightLabel); ok && l.Text() == label {
			test.Tap(row)
			return
		}
	}
	t.Fatalf("no row %q", label)
}

func TestPicker_ClickChoosesRow(t *testing.T) {
	p, w := newPicker(t)
	var chosen string
	p.OnChosen = func(it widgets.PickerItem) { chosen = it.Label }
	test.Type(w.Canvas().Focused(), "a")
	tapRow(t, w, "Taiwan")
	if chosen != "Taiwan" {
		t.Errorf("clicking the Taiwan row chose %q", chosen)
	}
	if got := p.Items()[p.Selected()].Label; got != "Taiwan" {
		t.Errorf("highlighted row is %q after the click", got)
	}
	// Clicking the highlighted row again chooses it again.
	chosen = ""
	tapRow(t, w, "Taiwan")
	if chosen != "Taiwan" {
		t.Errorf("clicking the highlighted row again chose %q", chosen)
	}
}

func TestPicker_Markup(t *testing.T) {
	test.NewTempApp(t)
	p := widgets.NewPicker(subsequenceSearch)
	p.OnCreate = func(string) {}
	p.SetPlaceHolder("Find an entity")
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(320, 260))
	p.SetQuery("ch")
	test.AssertRendersToMarkup(t, "picker.xml", w.Canvas())
}

func TestPicker_FocusInTypesIntoTheQuery(t *testing.T) {
	test.NewTempApp(t)
	p := widgets.NewPicker(subsequenceSearch)
	w := test.NewTempWindow(t, p)
	w.Canvas().Unfocus()
	p.FocusIn(w.Canvas())
	if w.Canvas().Focused() == nil {
		t.Fatal("FocusIn left nothing focused")
	}
	test.Type(w.Canvas().Focused(), "rubio")
	if p.Query() != "rubio" {
		t.Fatalf("typed text went to %q, want the query to be %q", p.Query(), "rubio")
	}
}

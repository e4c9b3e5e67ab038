package widgets_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/attache-app/attache/widgets"
)

func labelTexts(t *testing.T, l *widgets.HighlightLabel) []*canvas.Text {
	var out []*canvas.Text
	for _, o := range test.TempWidgetRenderer(t, l).Objects() {
		out = append(out, o.(*canvas.Text))
	}
	return out
}

func TestHighlightLabel_EmphasisesMatchedRunes(t *testing.T) {
	test.NewTempApp(t)
	tests := []struct {
		text    string
		matched []int
		want    []string // runs, emphasised ones in [brackets]
	}{
		{"Xi Jinping", []int{0, 3}, []string{"[X]", "i ", "[J]", "inping"}},
		{"習近平", []int{1, 2}, []string{"習", "[近平]"}},
		{"Nguye\u0302\u0303n Phu Trong", []int{4, 5}, []string{"Nguy", "[e\u0302\u0303]", "n Phu Trong"}},
		{"Taiwan", nil, []string{"Taiwan"}},
		{"Taiwan", []int{0, 1, 2, 3, 4, 5, 99}, []string{"[Taiwan]"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			l := widgets.NewHighlightLabel(tt.text, tt.matched)
			var got []string
			for _, txt := range labelTexts(t, l) {
				s := txt.Text
				if txt.TextStyle.Bold {
					if txt.Color != theme.Color(theme.ColorNamePrimary) {
						t.Errorf("emphasised run %q not in the primary colour", s)
					}
					s = "[" + s + "]"
				}
				got = append(got, s)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("runs = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHighlightLabel_EllipsisWhenNarrow(t *testing.T) {
	test.NewTempApp(t)
	l := widgets.NewHighlightLabel("Ministry of Foreign Affairs of the People's Republic of China", []int{0, 12})
	full := l.MinSize().Width
	l.Resize(fyne.NewSize(full/2, l.MinSize().Height))
	texts := labelTexts(t, l)
	last := texts[len(texts)-1]
	if !strings.HasSuffix(last.Text, "…") {
		t.Errorf("last run %q has no ellipsis", last.Text)
	}
	if end := last.Position().X + last.Size().Width; end > full/2 {
		t.Errorf("text ends at %v, past the label width %v", end, full/2)
	}
}

func TestHighlightLabel_Markup(t *testing.T) {
	test.NewTempApp(t)
	l := widgets.NewHighlightLabel("Xi Jinping (習近平)", []int{0, 3, 12})
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(200, 50))
	test.AssertRendersToMarkup(t, "highlightlabel.xml", w.Canvas())
}

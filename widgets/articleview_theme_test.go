package widgets_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// bigText is the default theme with a larger text size, as a user with a scaled-up
// reading size would have.
type bigText struct{ fyne.Theme }

func (b bigText) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameText {
		return 20
	}
	return b.Theme.Size(n)
}

func TestArticleView_FollowsThemeChanges(t *testing.T) {
	text := seed(t)
	v, _ := newView(t, text, fyne.NewSize(700, 500))
	settings := fyne.CurrentApp().Settings()
	lh := v.LineHeight()
	endY := v.PositionOf(len([]rune(text))).Y

	for _, th := range []fyne.Theme{theme.DarkTheme(), theme.LightTheme()} {
		settings.SetTheme(th)
		v.Refresh()
		want := th.Color(theme.ColorNameForeground, settings.ThemeVariant())
		for _, o := range objectsOf(t, v) {
			if txt, ok := o.(*canvas.Text); ok && txt.Color != want {
				t.Fatalf("text %q colour %v after a theme change, want %v", txt.Text, txt.Color, want)
			}
		}
	}

	settings.SetTheme(bigText{theme.DefaultTheme()})
	v.Refresh()
	if v.LineHeight() <= lh {
		t.Errorf("line height %v with 20pt text, was %v", v.LineHeight(), lh)
	}
	if y := v.PositionOf(len([]rune(text))).Y; y <= endY {
		t.Errorf("the text did not grow taller with a larger text size (end at %v, was %v)", y, endY)
	}
	for _, o := range objectsOf(t, v) {
		if txt, ok := o.(*canvas.Text); ok && txt.TextSize != 20 {
			t.Fatalf("text drawn at %v, want 20", txt.TextSize)
		}
	}
}

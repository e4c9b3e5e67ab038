package widgets_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/attache-app/attache/widgets"
)

// openLongArticle opens text in a new view in a new window, as the app does when it
// shows an article in a fresh tab.
func openLongArticle(text string) {
	v := widgets.NewArticleView()
	w := test.NewWindow(v)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(900, 700))
	v.SetText(text)
	w.Close()
}

// BenchmarkArticleView_Layout10kWords opens a 10,000-word article in a new view: the
// view's word widths are computed (cold per-view cache), the text wrapped and the
// visible lines drawn. One article is opened before timing, so that the process-wide
// one-time costs (loading fonts, measuring the ~80 characters and ~650 character pairs
// of English text) are not counted; BenchmarkArticleView_FirstOpen10kWords shows those.
func BenchmarkArticleView_Layout10kWords(b *testing.B) {
	text := longArticle(b, 10000)
	test.NewTempApp(b)
	openLongArticle(text)
	for b.Loop() {
		openLongArticle(text)
	}
}

// BenchmarkArticleView_FirstOpen10kWords is the very first article the process opens,
// font loading included. Run it alone in a fresh process with -benchtime=1x; later
// iterations are as warm as BenchmarkArticleView_Layout10kWords.
func BenchmarkArticleView_FirstOpen10kWords(b *testing.B) {
	text := longArticle(b, 10000)
	test.NewTempApp(b)
	for b.Loop() {
		openLongArticle(text)
	}
}

// BenchmarkArticleView_OpenAgain10kWords opens a 10,000-word article in a view that has
// seen those words before (warm width cache), as when switching between articles.
func BenchmarkArticleView_OpenAgain10kWords(b *testing.B) {
	text := longArticle(b, 10000)
	v, _ := newView(b, text, fyne.NewSize(900, 700))
	for b.Loop() {
		v.SetText(text)
	}
}

// BenchmarkArticleView_Rewrap10kWords re-wraps a 10,000-word article when the window
// is resized.
func BenchmarkArticleView_Rewrap10kWords(b *testing.B) {
	text := longArticle(b, 10000)
	v, w := newView(b, text, fyne.NewSize(700, 700))
	v.MaxColumns = 0
	wide := false
	for b.Loop() {
		wide = !wide
		if wide {
			w.Resize(fyne.NewSize(900, 700))
		} else {
			w.Resize(fyne.NewSize(700, 700))
		}
	}
}

// BenchmarkArticleView_ScrollStep is one mouse-wheel step in a 10,000-word article
// with passages highlighted and mentions underlined: the visible lines are rebuilt.
func BenchmarkArticleView_ScrollStep(b *testing.B) {
	text := longArticle(b, 10000)
	v, _ := newView(b, text, fyne.NewSize(900, 700))
	var hs []widgets.Highlight
	var us []widgets.Underline
	for i := 0; i < len(text)/2; i += 97 {
		hs = append(hs, widgets.Highlight{Start: i, End: i + 40})
		us = append(us, widgets.Underline{Start: i + 50, End: i + 60, Dashed: i%2 == 0})
	}
	v.SetHighlights(hs)
	v.SetUnderlines(us)
	v.ScrollToOffset(len(text) / 4)
	dy := float32(-40)
	n := 0
	for b.Loop() {
		if n++; n%200 == 0 {
			dy = -dy
		}
		v.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: dy}})
	}
}

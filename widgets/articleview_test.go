package widgets_test

import (
	"image/color"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/attache-app/attache/widgets"
)

// seed is the project's example bundle: a long US–China article and four teasers.
func seed(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// runeIndex returns the rune offset of the n-th (0-based) occurrence of sub in text.
func runeIndex(t testing.TB, text, sub string, n int) int {
	t.Helper()
	from := 0
	for ; ; n-- {
		i := strings.Index(text[from:], sub)
		if i < 0 {
			t.Fatalf("%q not in text", sub)
		}
		if n == 0 {
			return utf8.RuneCountInString(text[:from+i])
		}
		from += i + len(sub)
	}
}

func newView(t testing.TB, text string, size fyne.Size) (*widgets.ArticleView, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	v := widgets.NewArticleView()
	v.SetText(text)
	w := test.NewTempWindow(t, v)
	w.SetPadded(false)
	w.Resize(size)
	return v, w
}

// mid returns the point in the middle of the line height at the caret before off.
func mid(v *widgets.ArticleView, off int) fyne.Position {
	return v.PositionOf(off).AddXY(0, v.LineHeight()/2)
}

func TestArticleView_OffsetPositionRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"English paragraphs", strings.Join(strings.SplitN(seedFirstParagraphs(t), "\n", 4)[:3], "\n\n")},
		{"Chinese names", "Xi Jinping (習近平) spoke with 川普 by phone; 中華民國外交部表示，雙方通話。"},
		{"Japanese and Korean", "東京で会談した。 서울에서 회담했다. End."},
		{"combining characters", "Cafe\u0301 de\u0301ja\u0300 vu, Nguye\u0302\u0303n, an\u0303o."},
		{"trailing blanks before breaks", "first line   \nsecond line \n\nthird"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, _ := newView(t, tt.text, fyne.NewSize(420, 2000))
			runes := []rune(tt.text)
			for off := 0; off <= len(runes); off++ {
				if off < len(runes) && off > 0 && isMark(runes[off]) {
					continue // not a grapheme boundary
				}
				if got := v.OffsetAt(mid(v, off)); got != off {
					t.Errorf("OffsetAt(PositionOf(%d)=%v) = %d", off, v.PositionOf(off), got)
				}
			}
		})
	}
}

func isMark(r rune) bool { return r >= 0x300 && r <= 0x36f }

func seedFirstParagraphs(t testing.TB) string { return seed(t)[:1400] }

func TestArticleView_HitInsideGraphemeLandsOnBoundary(t *testing.T) {
	text := "Cafe\u0301 中文"
	v, _ := newView(t, text, fyne.NewSize(400, 200))
	tests := []struct {
		name       string
		start, end int // grapheme cluster
	}{
		{"e with combining acute", 3, 5},
		{"CJK character", 6, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := mid(v, tt.start), mid(v, tt.end)
			if b.X <= a.X {
				t.Fatalf("cluster %d-%d has no width: %v %v", tt.start, tt.end, a, b)
			}
			w := b.X - a.X
			if got := v.OffsetAt(fyne.NewPos(a.X+w*0.3, a.Y)); got != tt.start {
				t.Errorf("hit at 30%% of the cluster = %d, want %d", got, tt.start)
			}
			if got := v.OffsetAt(fyne.NewPos(a.X+w*0.7, a.Y)); got != tt.end {
				t.Errorf("hit at 70%% of the cluster = %d, want %d", got, tt.end)
			}
		})
	}
}

func TestArticleView_DragSelects(t *testing.T) {
	text := seed(t)
	tests := []struct {
		name     string
		from, to func(v *widgets.ArticleView) fyne.Position
		want     string
	}{
		{"forward within a line",
			func(v *widgets.ArticleView) fyne.Position { return mid(v, runeIndex(t, text, "Donald", 0)) },
			func(v *widgets.ArticleView) fyne.Position { return mid(v, runeIndex(t, text, " and Chinese", 0)) },
			"Donald Trump"},
		{"backward within a line",
			func(v *widgets.ArticleView) fyne.Position { return mid(v, runeIndex(t, text, " (習近平)", 0)) },
			func(v *widgets.ArticleView) fyne.Position { return mid(v, runeIndex(t, text, "Xi Jinping", 0)) },
			"Xi Jinping"},
		{"across paragraphs",
			func(v *widgets.ArticleView) fyne.Position {
				return mid(v, runeIndex(t, text, "the Chinese Ministry", 0))
			},
			func(v *widgets.ArticleView) fyne.Position { return mid(v, runeIndex(t, text, " backed a law", 0)) },
			"the Chinese Ministry of Foreign Affairs said.\nThe call came the same day that the US Supreme Court"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, w := newView(t, text, fyne.NewSize(700, 500))
			var got []int
			v.OnSelectionChanged = func(s, e int) { got = append(got, s, e) }
			from, to := tt.from(v), tt.to(v)
			// The Fyne test driver, like the real one, reports the pointer position and
			// the distance dragged; the drag started at Position - Dragged.
			test.Drag(w.Canvas(), to, to.X-from.X, to.Y-from.Y)
			if s := v.SelectedText(); s != tt.want {
				t.Errorf("SelectedText() = %q, want %q", s, tt.want)
			}
			s, e := v.Selection()
			if len(got) != 2 || got[0] != s || got[1] != e {
				t.Errorf("OnSelectionChanged calls = %v, want one call (%d, %d)", got, s, e)
			}
		})
	}
}

func TestArticleView_DoubleTapSelectsWord(t *testing.T) {
	text := "Xi Jinping (習近平) met Trump’s envoy in 東京です, the café near Nguye\u0302\u0303n's rival."
	tests := []struct {
		at   string // the tap lands in the middle of the first rune of at
		want string
	}{
		{"inping", "Jinping"},
		{"近平", "習近平"},
		{"rump", "Trump’s"},
		{"京", "東京"},
		{"です", "です"},
		{"fé", "café"},
		{"\u0302\u0303n", "Nguye\u0302\u0303n's"},
		{"(", "("},
	}
	v, _ := newView(t, text, fyne.NewSize(900, 200))
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			off := runeIndex(t, text, tt.at, 0)
			// The middle of the first character, and just inside its right edge.
			p := mid(v, off)
			right := mid(v, off+1).X
			p.X = (p.X + right) / 2
			var calls int
			v.OnSelectionChanged = func(int, int) { calls++ }
			v.SetSelection(0, 0)
			v.DoubleTapped(&fyne.PointEvent{Position: p})
			if got := v.SelectedText(); got != tt.want {
				t.Errorf("double-tap at %q selected %q, want %q", tt.at, got, tt.want)
			}
			v.DoubleTapped(&fyne.PointEvent{Position: fyne.NewPos(right-0.5, p.Y)})
			if got := v.SelectedText(); got != tt.want {
				t.Errorf("double-tap at the right edge of %q selected %q, want %q", tt.at, got, tt.want)
			}
			if calls != 1 {
				t.Errorf("OnSelectionChanged called %d times, want 1", calls)
			}
		})
	}
}

func TestArticleView_ShiftClickExtends(t *testing.T) {
	text := seed(t)
	v, _ := newView(t, text, fyne.NewSize(700, 500))
	click := func(off int, shift bool) {
		p := mid(v, off)
		ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}, Button: desktop.MouseButtonPrimary}
		if shift {
			ev.Modifier = fyne.KeyModifierShift
		}
		v.MouseDown(ev)
		v.MouseUp(ev)
		test.TapAt(v, p)
	}
	var tapped []int
	v.OnTapped = func(off int) { tapped = append(tapped, off) }

	click(runeIndex(t, text, "Donald", 0), false)
	if s, e := v.Selection(); s != e || s != runeIndex(t, text, "Donald", 0) {
		t.Fatalf("a click should place the caret before Donald, selection is %d-%d", s, e)
	}
	click(runeIndex(t, text, " (習近平)", 0), true)
	if got, want := v.SelectedText(), "Donald Trump and Chinese President Xi Jinping"; got != want {
		t.Errorf("after shift-click: %q, want %q", got, want)
	}
	click(runeIndex(t, text, "president-elect", 0), true)
	if got, want := v.SelectedText(), "president-elect "; got != want {
		t.Errorf("shift-click before the anchor: %q, want %q", got, want)
	}
	if len(tapped) != 3 || tapped[0] != runeIndex(t, text, "Donald", 0) {
		t.Errorf("OnTapped offsets = %v", tapped)
	}
	// A plain click collapses the selection again.
	click(runeIndex(t, text, "Taiwan", 0), false)
	if s, e := v.Selection(); s != e {
		t.Errorf("plain click left a selection %d-%d", s, e)
	}
}

func TestArticleView_CopyToClipboard(t *testing.T) {
	text := seed(t)
	v, w := newView(t, text, fyne.NewSize(700, 500))
	start := runeIndex(t, text, "Xi Jinping (習近平)", 0)
	v.SetSelection(start, start+len([]rune("Xi Jinping (習近平)")))
	cb := w.Clipboard()
	v.TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
	if got := cb.Content(); got != "Xi Jinping (習近平)" {
		t.Errorf("clipboard after copy = %q", got)
	}

	v.TypedShortcut(&fyne.ShortcutSelectAll{})
	v.TypedShortcut(&fyne.ShortcutCopy{})
	if got := fyne.CurrentApp().Clipboard().Content(); got != text {
		t.Errorf("select all + copy put %d bytes on the clipboard, want the whole text (%d)", len(got), len(text))
	}
}

func TestArticleView_ForwardsOtherShortcuts(t *testing.T) {
	v, w := newView(t, "some text", fyne.NewSize(300, 200))
	tag := &desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault}
	fired := false
	w.Canvas().AddShortcut(tag, func(fyne.Shortcut) { fired = true })
	w.Canvas().Focus(v)
	v.TypedShortcut(tag)
	if !fired {
		t.Error("Ctrl+T typed while the article has the focus did not reach the window's shortcut")
	}
}

// objectsOf returns the objects the view currently draws.
func objectsOf(t *testing.T, v *widgets.ArticleView) []fyne.CanvasObject {
	return test.TempWidgetRenderer(t, v).Objects()
}

func TestArticleView_HighlightsBehindTheRightRuns(t *testing.T) {
	text := seed(t)
	v, _ := newView(t, text, fyne.NewSize(700, 500))
	red := color.NRGBA{R: 0xff, A: 0x60}
	blue := color.NRGBA{B: 0xff, A: 0x60}
	a := runeIndex(t, text, "Taiwan, trade", 0)
	b := runeIndex(t, text, "trade, fentanyl", 0)
	v.SetHighlights([]widgets.Highlight{
		{Start: a, End: a + len("Taiwan, trade"), Color: red},
		{Start: b, End: b + len("trade, fentanyl"), Color: blue},
	})
	objs := objectsOf(t, v)
	rectAt := func(c color.Color) (int, *canvas.Rectangle) {
		for i, o := range objs {
			if r, ok := o.(*canvas.Rectangle); ok && r.FillColor == c {
				return i, r
			}
		}
		t.Fatalf("no rectangle of colour %v", c)
		return 0, nil
	}
	ri, rr := rectAt(red)
	bi, br := rectAt(blue)
	if ri > bi {
		t.Error("the later passage should be layered over the earlier one")
	}
	check := func(name string, r *canvas.Rectangle, start, end int) {
		p0, p1 := v.PositionOf(start), v.PositionOf(end)
		if p0.Y != p1.Y {
			t.Fatalf("%s spans lines; pick another phrase", name)
		}
		if r.Position().X != p0.X || r.Position().X+r.Size().Width != p1.X || r.Position().Y != p0.Y {
			t.Errorf("%s highlight at %v size %v, want x %v-%v y %v", name, r.Position(), r.Size(), p0.X, p1.X, p0.Y)
		}
	}
	check("red", rr, a, a+len("Taiwan, trade"))
	check("blue", br, b, b+len("trade, fentanyl"))
	// The overlap "trade" is covered by both, and both lie behind the word's text.
	for i, o := range objs {
		if txt, ok := o.(*canvas.Text); ok && txt.Text == "trade," {
			if i < bi {
				t.Errorf("text %q drawn before (under) its highlight", txt.Text)
			}
			x := txt.Position().X
			if x < br.Position().X || x >= rr.Position().X+rr.Size().Width {
				t.Errorf("text %q at x %v is not inside the overlap", txt.Text, x)
			}
			return
		}
	}
	t.Error(`no text object "trade,"`)
}

func TestArticleView_UnderlinesSolidAndDashed(t *testing.T) {
	text := seed(t)
	v, _ := newView(t, text, fyne.NewSize(700, 500))
	green := color.NRGBA{G: 0xa0, A: 0xff}
	grey := color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xff}
	xi := runeIndex(t, text, "Xi Jinping", 0)
	tw := runeIndex(t, text, "Taiwan", 0)
	v.SetUnderlines([]widgets.Underline{
		{Start: xi, End: xi + 10, Color: green},
		{Start: tw, End: tw + 6, Color: grey, Dashed: true},
	})
	var solid, dashes []*canvas.Rectangle
	for _, o := range objectsOf(t, v) {
		if r, ok := o.(*canvas.Rectangle); ok {
			switch r.FillColor {
			case green:
				solid = append(solid, r)
			case grey:
				dashes = append(dashes, r)
			}
		}
	}
	if len(solid) != 1 {
		t.Fatalf("confirmed mention: %d rectangles, want one solid line", len(solid))
	}
	if w, want := solid[0].Size().Width, v.PositionOf(xi+10).X-v.PositionOf(xi).X; w != want {
		t.Errorf("solid underline width %v, want %v", w, want)
	}
	if len(dashes) < 3 {
		t.Fatalf("suggested mention: %d dashes, want a dashed line", len(dashes))
	}
	if dashes[0].Size().Height >= solid[0].Size().Height {
		t.Error("the dashed underline should be thinner than the solid one")
	}
}

func TestArticleView_OnlyVisibleLinesHaveObjects(t *testing.T) {
	text := longArticle(t, 10000)
	v, _ := newView(t, text, fyne.NewSize(800, 600))
	count := func() (texts int, lastText string) {
		for _, o := range objectsOf(t, v) {
			if txt, ok := o.(*canvas.Text); ok {
				texts++
				lastText = txt.Text
				if y := txt.Position().Y; y < -v.LineHeight() || y > 600 {
					t.Errorf("text %q at y %v is outside the view", txt.Text, y)
				}
			}
		}
		return texts, lastText
	}
	top, _ := count()
	maxWords := (600/int(v.LineHeight()) + 2) * 20
	if top == 0 || top > maxWords {
		t.Errorf("%d text objects for a 10,000-word article, want 1..%d", top, maxWords)
	}
	v.ScrollToOffset(len([]rune(text)))
	bottom, last := count()
	if bottom == 0 || bottom > maxWords {
		t.Errorf("%d text objects at the end, want 1..%d", bottom, maxWords)
	}
	if !strings.HasSuffix(strings.TrimSpace(text), last) {
		t.Errorf("last drawn word %q is not the end of the article", last)
	}
}

func TestArticleView_Scrolling(t *testing.T) {
	text := longArticle(t, 3000)
	v, w := newView(t, text, fyne.NewSize(600, 400))
	test.Scroll(w.Canvas(), fyne.NewPos(100, 100), 0, 50)
	if v.ScrollOffset() != 0 {
		t.Errorf("scrolling up at the top moved to %v", v.ScrollOffset())
	}
	test.Scroll(w.Canvas(), fyne.NewPos(100, 100), 0, -120)
	if v.ScrollOffset() != 120 {
		t.Errorf("wheel down 120 scrolled to %v", v.ScrollOffset())
	}
	target := runeIndex(t, text, "TikTok", 6)
	v.ScrollToOffset(target)
	if y := v.PositionOf(target).Y; y < 0 || y+v.LineHeight() > 400 {
		t.Errorf("after ScrollToOffset the target is at y %v, outside the view", y)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	end := v.PositionOf(len([]rune(text)))
	if end.Y < 0 || end.Y > 400 {
		t.Errorf("End key: last line at y %v", end.Y)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	if v.ScrollOffset() != 0 {
		t.Errorf("Home key: offset %v", v.ScrollOffset())
	}
}

func TestArticleView_FindHighlight(t *testing.T) {
	text := longArticle(t, 3000)
	v, _ := newView(t, text, fyne.NewSize(600, 400))
	var hits []widgets.TextRange
	for i := 0; ; i++ {
		if strings.Count(text, "fentanyl") <= i {
			break
		}
		s := runeIndex(t, text, "fentanyl", i)
		hits = append(hits, widgets.TextRange{Start: s, End: s + 8})
	}
	cur := len(hits) - 1
	v.SetFind(hits, cur)
	if y := v.PositionOf(hits[cur].Start).Y; y < 0 || y > 400 {
		t.Fatalf("current find hit at y %v, not scrolled into view", y)
	}
	p0, p1 := v.PositionOf(hits[cur].Start), v.PositionOf(hits[cur].End)
	for _, o := range objectsOf(t, v) {
		if r, ok := o.(*canvas.Rectangle); ok && r.Position().X == p0.X && r.Position().Y == p0.Y && r.Size().Width == p1.X-p0.X {
			return
		}
	}
	t.Error("no highlight rectangle behind the current find hit")
}

func TestArticleView_SmallRendering(t *testing.T) {
	text := "Xi Jinping (習近平) spoke with Trump.\n\nThey discussed Taiwan."
	v, w := newView(t, text, fyne.NewSize(260, 150))
	v.SetHighlights([]widgets.Highlight{{Start: 0, End: 10, Color: color.NRGBA{R: 0xff, G: 0xc0, A: 0xff}}})
	v.SetUnderlines([]widgets.Underline{
		{Start: 28, End: 33, Color: color.NRGBA{B: 0xc0, A: 0xff}},
		{Start: 51, End: 57, Color: color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xff}, Dashed: true},
	})
	v.SetSelection(41, 50) // "discussed"
	test.AssertRendersToMarkup(t, "articleview_small.xml", w.Canvas())
}

// longArticle repeats the seed until it holds n words; every fifth word of each
// repetition gets a suffix, so the vocabulary grows like a real long text's.
func longArticle(t testing.TB, n int) string {
	paras := strings.Split(seed(t), "\n")
	var b strings.Builder
	count := 0
	for rep := 0; count < n; rep++ {
		for _, p := range paras {
			fs := strings.Fields(p)
			for i, f := range fs {
				if count == n {
					break
				}
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(f)
				if rep > 0 && i%5 == 0 {
					b.WriteString(string(rune('a' + rep%26)))
				}
				count++
			}
			if count == n {
				break
			}
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

func TestArticleView_ScrollbarDragScrollsWithoutSelecting(t *testing.T) {
	text := longArticle(t, 3000)
	v, w := newView(t, text, fyne.NewSize(600, 400))
	v.SetSelection(5, 5)
	// Drag the thumb (at the top of the strip on the right edge) down by 100 px.
	test.Drag(w.Canvas(), fyne.NewPos(596, 110), 0, 100)
	if v.ScrollOffset() <= 100 {
		t.Errorf("dragging the scroll bar 100 px scrolled only %v px of a long text", v.ScrollOffset())
	}
	if s, e := v.Selection(); s != 5 || e != 5 {
		t.Errorf("dragging the scroll bar changed the selection to %d-%d", s, e)
	}
}

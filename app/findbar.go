package app

import (
	"strconv"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/widgets"
)

// findBar is the reader's find-in-article bar (Ctrl+F): every occurrence is
// highlighted, Enter moves to the next one.
type findBar struct {
	r       *reader
	entry   *findEntry
	count   *widget.Label
	box     *fyne.Container
	hits    []widgets.TextRange
	current int
}

func newFindBar(r *reader) *findBar {
	f := &findBar{r: r, entry: &findEntry{Entry: widget.Entry{Wrapping: fyne.TextWrap(fyne.TextTruncateClip)}}, count: widget.NewLabel("")}
	f.entry.ExtendBaseWidget(f.entry)
	f.entry.onEscape = f.hide
	f.entry.SetPlaceHolder("Find in article")
	f.entry.OnChanged = func(string) { f.current = 0; f.search() }
	f.entry.OnSubmitted = func(string) { f.next(1) }
	prev := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { f.next(-1) })
	next := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { f.next(1) })
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), f.hide)
	f.box = container.NewBorder(nil, nil, widget.NewIcon(theme.SearchIcon()), container.NewHBox(f.count, prev, next, closeBtn), f.entry)
	f.box.Hide()
	return f
}

func (f *findBar) object() fyne.CanvasObject { return f.box }

func (r *reader) showFind() {
	if r.articleID == 0 {
		return
	}
	if !r.find.box.Visible() && r.find.entry.Text != "" {
		// hide cleared the marks; show the previous query's matches again
		r.find.search()
	}
	r.find.box.Show()
	r.wb.win.Canvas().Focus(r.find.entry)
}

func (f *findBar) hide() {
	f.box.Hide()
	f.hits = nil
	f.r.view.SetFind(nil, -1)
	if c := f.r.wb.win.Canvas(); c.Focused() == f.entry {
		c.Focus(f.r.view)
	}
}

// findEntry is the find bar's query entry; Escape closes the bar.
type findEntry struct {
	widget.Entry
	onEscape func()
}

func (e *findEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

func (f *findBar) reset() {
	f.hits = nil
	f.entry.SetText("")
	f.box.Hide()
}

// search finds every case-insensitive occurrence of the query, as rune spans,
// and marks them, the current one focused.
func (f *findBar) search() {
	f.hits = findAll(f.r.article.Body, f.entry.Text)
	if f.current < len(f.hits) {
		f.focusHit()
		return
	}
	switch {
	case f.entry.Text == "":
		f.count.SetText("")
	case len(f.hits) == 0:
		f.count.SetText("no matches")
	default:
		f.count.SetText(plural(len(f.hits), "match"))
	}
	f.r.view.SetFind(f.hits, -1)
}

func (f *findBar) next(step int) {
	if len(f.hits) == 0 {
		return
	}
	f.current = (f.current + step + len(f.hits)) % len(f.hits)
	f.focusHit()
}

func (f *findBar) focusHit() {
	if f.current < len(f.hits) {
		f.r.view.SetFind(f.hits, f.current)
		f.count.SetText(strings.Join([]string{strconv.Itoa(f.current + 1), "of", strconv.Itoa(len(f.hits))}, " "))
	}
}

// findAll returns the rune spans of the case-insensitive occurrences of q in body.
func findAll(body, q string) []widgets.TextRange {
	if strings.TrimSpace(q) == "" {
		return nil
	}
	text, needle := []rune(body), []rune(q)
	for i := range text {
		text[i] = unicode.ToLower(text[i])
	}
	for i := range needle {
		needle[i] = unicode.ToLower(needle[i])
	}
	var out []widgets.TextRange
	for i := 0; i+len(needle) <= len(text); i++ {
		if runesEqual(text[i:i+len(needle)], needle) {
			out = append(out, widgets.TextRange{Start: i, End: i + len(needle)})
			i += len(needle) - 1
		}
	}
	return out
}

func runesEqual(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

package app

import (
	"context"
	"image/color"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/attache-app/attache/data/store/sqlite"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/widgets"
)

// importLimit bounds an import in the app: the first one in a test run also
// loads the extractor's gazetteer, which takes seconds under the race detector
// and many more on a loaded machine.
const importLimit = 2 * time.Minute

// waitLimit bounds any other wait for the window. Waits end as soon as their
// condition holds; the limit only says when to give up on a hung window, so
// it is generous enough for a machine busy with other work.
const waitLimit = time.Minute

// seedPath is the real sample bundle the default project is built from.
var seedPath = filepath.Join("..", "resources", "sample", "taipei-times-bundle.txt")

// uiLoop stands in for the desktop driver's UI goroutine: fyne.Do callbacks
// from background work are queued and run on the test goroutine while the
// test waits, so widgets are only ever touched from one goroutine (the test
// driver would otherwise run them on the background goroutine).
type uiLoop struct {
	fyne.Driver
	mu    sync.Mutex
	queue []func()
	wake  chan struct{}
}

func (d *uiLoop) DoFromGoroutine(fn func(), wait bool) {
	if !wait {
		d.push(fn)
		return
	}
	done := make(chan struct{})
	d.push(func() { fn(); close(done) })
	<-done
}

func (d *uiLoop) push(fn func()) {
	d.mu.Lock()
	d.queue = append(d.queue, fn)
	d.mu.Unlock()
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

func (d *uiLoop) next() func() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.queue) == 0 {
		return nil
	}
	fn := d.queue[0]
	d.queue = d.queue[1:]
	return fn
}

// loopApp is the Fyne test app with the queueing driver.
type loopApp struct {
	fyne.App
	loop *uiLoop
}

func (a *loopApp) Driver() fyne.Driver { return a.loop }

// newLoopApp makes the Fyne test app with the queueing driver the current app.
func newLoopApp(t *testing.T) *loopApp {
	base := test.NewTempApp(t)
	a := &loopApp{App: base, loop: &uiLoop{Driver: base.Driver(), wake: make(chan struct{}, 1)}}
	fyne.SetCurrentApp(a)
	return a
}

// desk is the workbench window on a real temporary project.
type desk struct {
	t    *testing.T
	wb   *workbench
	st   store.Store
	loop *uiLoop
}

// newDesk opens the workbench on a new, empty project file.
func newDesk(t *testing.T) *desk {
	t.Helper()
	a := newLoopApp(t)
	path := filepath.Join(t.TempDir(), "desk.attache")
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return openDesk(t, a, st, path)
}

// openDesk opens the workbench on st (at path) in app a.
func openDesk(t *testing.T, a *loopApp, st store.Store, path string) *desk {
	t.Helper()
	wb := newWorkbench(a)
	d := &desk{t: t, wb: wb, st: st, loop: a.loop}
	wb.setProject(st, path)
	d.settle()
	t.Cleanup(func() {
		// Closing the window cancels the background work; closing the
		// project waits for it and then closes the store.
		wb.cancel()
		wb.closeProject()
		d.loop.settle(t, wb)
	})
	return d
}

// waitFor runs UI callbacks until cond holds, failing the test after
// waitLimit.
func (d *desk) waitFor(what string, cond func() bool) {
	d.t.Helper()
	d.waitWithin(waitLimit, what, cond)
}

// waitWithin is waitFor with a given deadline.
func (d *desk) waitWithin(limit time.Duration, what string, cond func() bool) {
	d.t.Helper()
	d.loop.runUntil(d.t, limit, what, cond)
}

// settle runs UI callbacks until the window has no background work in
// flight and no callback is queued: every load started so far has shown its
// result or been dropped, and every change has been applied.
func (d *desk) settle() {
	d.t.Helper()
	d.loop.settle(d.t, d.wb)
}

// runUntil runs queued UI callbacks until cond holds, failing t after limit.
func (l *uiLoop) runUntil(t *testing.T, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if fn := l.next(); fn != nil {
			fn()
			continue
		}
		left := time.Until(deadline)
		if left <= 0 {
			t.Fatalf("timed out waiting for %s", what)
		}
		select {
		case <-l.wake:
		case <-time.After(min(left, 20*time.Millisecond)):
		}
	}
}

// settle runs queued UI callbacks until wb has no background work in flight
// and none is queued, failing t after a minute.
func (l *uiLoop) settle(t *testing.T, wb *workbench) {
	t.Helper()
	l.runUntil(t, waitLimit, "the window's background work to finish", func() bool {
		return wb.inFlight.Load() == 0 && l.empty()
	})
}

// empty reports whether no UI callback is queued.
func (l *uiLoop) empty() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.queue) == 0
}

// importSeed imports the sample bundle through the importer (as File ▸
// Import… does) and waits until the article list shows its five articles.
func (d *desk) importSeed() {
	d.t.Helper()
	d.wb.importer.start([]string{seedPath}, ingest.Options{Publication: "Taipei Times"})
	d.waitWithin(importLimit, "the import to finish", func() bool { return !d.wb.importer.running })
	d.waitFor("five articles listed", func() bool { return d.wb.articles.rows.len() == 5 })
}

// openListed opens the i-th article of the sidebar list, as a click does,
// and waits until the reader shows it.
func (d *desk) openListed(i int) store.ArticleSummary {
	d.t.Helper()
	a := d.listed()[i]
	d.wb.articles.list.Select(i)
	d.waitFor("the article in the reader", func() bool { return d.wb.reader.article.ID == a.ID })
	return a
}

// overlay is the window's topmost pop-up (a dialog), or nil.
func (d *desk) overlay() fyne.CanvasObject { return d.wb.win.Canvas().Overlays().Top() }

// overlayWith waits for a pop-up holding an object of type T and returns it.
func overlayWith[T any](d *desk, what string) T {
	d.t.Helper()
	var found T
	d.waitFor(what, func() bool {
		o := d.overlay()
		if o == nil {
			return false
		}
		got := objectsOf[T](o)
		if len(got) == 0 {
			return false
		}
		found = got[0]
		return true
	})
	return found
}

// objectsOf returns the visible objects of type T under o, walking containers
// and widgets' renderers.
func objectsOf[T any](o fyne.CanvasObject) []T {
	var out []T
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		if t, ok := o.(T); ok {
			out = append(out, t)
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, k := range c.Objects {
				walk(k)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(c).Objects() {
				walk(k)
			}
		}
	}
	walk(o)
	return out
}

// buttonLabelled returns the n-th (from 0) visible button reading text under o.
func buttonLabelled(t *testing.T, o fyne.CanvasObject, text string, n int) *widget.Button {
	t.Helper()
	for _, b := range objectsOf[*widget.Button](o) {
		if b.Text == text {
			if n == 0 {
				return b
			}
			n--
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// labelTexts returns the texts of the visible labels under o.
func labelTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, l := range objectsOf[*widget.Label](o) {
		out = append(out, l.Text)
	}
	return out
}

// anyContains reports whether one of texts contains sub.
func anyContains(texts []string, sub string) bool {
	for _, s := range texts {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// highlightAt reports whether the article view draws a rectangle of colour c
// (ignoring alpha) starting at rune offset off: what the analyst sees as a
// highlighted passage.
func highlightAt(v *widgets.ArticleView, off int, c color.Color) bool {
	want := color.NRGBAModel.Convert(c).(color.NRGBA)
	at := v.PositionOf(off)
	for _, r := range objectsOf[*canvas.Rectangle](v) {
		got := color.NRGBAModel.Convert(r.FillColor).(color.NRGBA)
		if got.R != want.R || got.G != want.G || got.B != want.B {
			continue
		}
		p := r.Position()
		if abs32(p.X-at.X) <= 1 && at.Y >= p.Y-1 && at.Y <= p.Y+r.Size().Height {
			return true
		}
	}
	return false
}

func abs32(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}

// runeIndex returns the rune offset of the first occurrence of sub in s.
func runeIndex(t *testing.T, s, sub string) int {
	t.Helper()
	i := strings.Index(s, sub)
	if i < 0 {
		t.Fatalf("%q not found", sub)
	}
	return len([]rune(s[:i]))
}

// mustEvents lists the project's events matching f.
func mustEvents(t *testing.T, st store.Store, f store.EventFilter) []model.Event {
	t.Helper()
	evs, err := st.Events(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

// press delivers a key combination as Fyne's desktop driver does: Ctrl+Z,
// Ctrl+Y, Ctrl+C, Ctrl+A become the standard shortcuts, others a custom one;
// a main-menu entry with that shortcut runs first, else the focused widget
// gets it when it handles shortcuts, else the window's canvas.
func (d *desk) press(key fyne.KeyName, mod fyne.KeyModifier) {
	d.t.Helper()
	var sc fyne.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: mod}
	if mod == fyne.KeyModifierControl {
		switch key {
		case fyne.KeyZ:
			sc = &fyne.ShortcutUndo{}
		case fyne.KeyY:
			sc = &fyne.ShortcutRedo{}
		case fyne.KeyC:
			sc = &fyne.ShortcutCopy{Clipboard: d.wb.app.Clipboard()}
		case fyne.KeyA:
			sc = &fyne.ShortcutSelectAll{}
		}
	}
	if m := d.wb.win.MainMenu(); m != nil {
		for _, menu := range m.Items {
			for _, it := range menu.Items {
				if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() && it.Action != nil {
					it.Action()
					return
				}
			}
		}
	}
	c := d.wb.win.Canvas()
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	c.(fyne.Shortcutable).TypedShortcut(sc)
}

// listed returns the summaries of the articles the sidebar lists, in order.
func (d *desk) listed() []store.ArticleSummary {
	d.t.Helper()
	got, err := d.st.ArticleSummaries(context.Background(), d.wb.articles.rows.ids)
	if err != nil {
		d.t.Fatal(err)
	}
	return got
}

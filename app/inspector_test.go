package app

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/store/sqlite"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/resources"
	"github.com/attache-app/attache/widgets"
)

// uiBench is a workbench on a real temporary project, driven from the test
// goroutine.
type uiBench struct {
	t   *testing.T
	wb  *workbench
	st  store.Store
	drv *uiLoop
}

func newUIBench(t *testing.T) *uiBench {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "p.attache"))
	if err != nil {
		t.Fatal(err)
	}
	return newUIBenchOn(t, st)
}

// newUIBenchOn is newUIBench on an open project, which it closes at the end.
func newUIBenchOn(t *testing.T, st store.Store) *uiBench {
	t.Helper()
	a := newLoopApp(t)
	wb := newWorkbench(a)
	wb.st, wb.work = st, openWorkOn(wb.ctx, st) // open without loading the views
	wb.win.Resize(fyne.NewSize(1320, 820))
	b := &uiBench{t: t, wb: wb, st: st, drv: a.loop}
	t.Cleanup(func() {
		wb.cancel()
		wb.closeProject()
		b.settle()
	})
	return b
}

// pump runs UI callbacks until cond holds, failing the test after a while.
func (b *uiBench) pump(what string, cond func() bool) {
	b.t.Helper()
	b.drv.runUntil(b.t, waitLimit, what, cond)
}

// settle runs UI callbacks until the window has no background work in flight.
func (b *uiBench) settle() {
	b.t.Helper()
	b.drv.settle(b.t, b.wb)
}

// importSeed imports the sample bundle (the seed the project was built
// from) and returns the article whose body contains marker.
func (b *uiBench) importSeed(marker string) model.Article {
	b.t.Helper()
	ctx := context.Background()
	files, err := resources.Sample()
	if err != nil || len(files) == 0 {
		b.t.Fatalf("no sample corpus: %v", err)
	}
	arts, err := ingest.Read(ctx, files[0].Name, bytes.NewReader(files[0].Data), ingest.Options{Publication: files[0].Publication})
	if err != nil {
		b.t.Fatal(err)
	}
	res, err := b.st.ImportArticles(ctx, arts)
	if err != nil {
		b.t.Fatal(err)
	}
	for i, a := range arts {
		if strings.Contains(a.Body, marker) {
			a.ID = res.IDs[i]
			return a
		}
	}
	b.t.Fatalf("no seed article contains %q", marker)
	return model.Article{}
}

// entity creates an entity and a mention for each occurrence of each of
// texts in a, with the given status; it returns the entity's id.
func (b *uiBench) entity(e model.Entity, a model.Article, status model.Status, texts ...string) int64 {
	b.t.Helper()
	ctx := context.Background()
	id, err := b.st.CreateEntity(ctx, e)
	if err != nil {
		b.t.Fatal(err)
	}
	body := []rune(a.Body)
	for _, text := range texts {
		n := len([]rune(text))
		for k := 0; k+n <= len(body); k++ {
			if string(body[k:k+n]) == text {
				if _, err := b.st.CreateMention(ctx, model.Mention{EntityID: id, ArticleID: a.ID, Start: k, End: k + n, Status: status}); err != nil {
					b.t.Fatal(err)
				}
			}
		}
	}
	return id
}

// topOverlay is the window's topmost pop-up (a dialog), or nil.
func (b *uiBench) topOverlay() fyne.CanvasObject {
	return b.wb.win.Canvas().Overlays().Top()
}

func mentionStatus(t *testing.T, st store.Store, id int64) model.Status {
	t.Helper()
	ms, err := st.Mentions(context.Background(), store.MentionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.ID == id {
			return m.Status
		}
	}
	return ""
}

func TestConfirmMentionFromInspectorThenUndo(t *testing.T) {
	b := newUIBench(t)
	ctx := context.Background()
	a := b.importSeed("習近平")
	xi := b.entity(model.Entity{Name: "Xi Jinping", Kind: model.KindPerson, Country: "CHN"}, a, model.StatusSuggested, "Xi Jinping")
	ms, err := b.st.Mentions(ctx, store.MentionFilter{EntityID: xi})
	if err != nil || len(ms) == 0 {
		t.Fatalf("no mention of Xi Jinping in the seed article: %v", err)
	}
	m := ms[0]
	i := b.wb.inspector
	i.showMention(m.ID)
	shows := func(status model.Status) func() bool {
		return func() bool {
			return i.title.Text == "Mention" && slices.Contains(labelTexts(i.object()), "Status: "+status.Label())
		}
	}
	b.pump("the mention in the inspector", shows(model.StatusSuggested))
	if !slices.Contains(labelTexts(i.object()), "Xi Jinping") {
		t.Error("the mention view does not name the entity it points at")
	}

	test.Tap(buttonLabelled(t, i.object(), "Confirm", 0))
	b.pump("the confirmed mention", shows(model.StatusConfirmed))
	if got := mentionStatus(t, b.st, m.ID); got != model.StatusConfirmed {
		t.Fatalf("after Confirm the store has status %q, want confirmed", got)
	}
	if buttonLabelled(t, i.object(), "Confirm", 0).Importance != widget.SuccessImportance {
		t.Error("the Confirm button does not show that the mention is confirmed")
	}

	if _, err := b.st.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if got := mentionStatus(t, b.st, m.ID); got != model.StatusSuggested {
		t.Fatalf("after Undo the store has status %q, want suggested", got)
	}
	b.wb.refresh()
	b.pump("the inspector to follow the undo", shows(model.StatusSuggested))

	test.Tap(buttonLabelled(t, i.object(), "Reject", 0))
	b.pump("the rejected mention", shows(model.StatusRejected))
	if got := mentionStatus(t, b.st, m.ID); got != model.StatusRejected {
		t.Fatalf("after Reject the store has status %q, want rejected", got)
	}
}

func TestMergeEntityFromInspectorMovesMentions(t *testing.T) {
	b := newUIBench(t)
	ctx := context.Background()
	a := b.importSeed("習近平")
	keep := b.entity(model.Entity{Name: "Xi Jinping", Kind: model.KindPerson, Country: "CHN"}, a, model.StatusConfirmed, "Xi Jinping")
	drop := b.entity(model.Entity{Name: "習近平", Kind: model.KindPerson}, a, model.StatusSuggested, "習近平")
	before, _ := b.st.Mentions(ctx, store.MentionFilter{EntityID: keep})
	dropped, _ := b.st.Mentions(ctx, store.MentionFilter{EntityID: drop})
	if len(dropped) == 0 {
		t.Fatal("the seed article has no 習近平")
	}

	i := b.wb.inspector
	i.showEntity(drop)
	b.pump("the entity in the inspector", func() bool { return i.title.Text == "習近平" })
	test.Tap(buttonLabelled(t, i.object(), "Merge into…", 0))
	b.pump("the entity picker", func() bool { return b.topOverlay() != nil })
	b.choose(keep)

	b.pump("the confirmation", func() bool {
		return b.topOverlay() != nil && anyContains(labelTexts(b.topOverlay()), "Merge “習近平” into “Xi Jinping”")
	})
	test.Tap(buttonLabelled(t, b.topOverlay(), "Yes", 0))
	b.pump("the kept entity in the inspector", func() bool { return i.title.Text == "Xi Jinping" && i.target.id == keep })

	after, err := b.st.Mentions(ctx, store.MentionFilter{EntityID: keep})
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before)+len(dropped) {
		t.Errorf("after the merge Xi Jinping has %d mentions, want %d", len(after), len(before)+len(dropped))
	}
	if _, err := b.st.Entity(ctx, drop); err == nil {
		t.Error("the merged entity still exists")
	}
	e, _ := b.st.Entity(ctx, keep)
	if len(e.Aliases) != 1 || e.Aliases[0].Name != "習近平" {
		t.Errorf("the kept entity's aliases are %v, want the merged name", e.Aliases)
	}
	tabs := objectsOf[*container.AppTabs](i.object())
	if len(tabs) != 1 || tabs[0].Items[1].Text != "Mentions (2)" {
		t.Errorf("the entity view does not list both mentions")
	}
}

// choose picks entity id in the fuzzy picker on top of the window, as a
// click on its row would.
func (b *uiBench) choose(id int64) {
	b.t.Helper()
	pickers := objectsOf[*widgets.Picker](b.topOverlay())
	if len(pickers) == 0 {
		b.t.Fatal("no picker is shown")
	}
	pickers[0].OnChosen(widgets.PickerItem{Label: "chosen", Value: id})
}

func TestContextAround(t *testing.T) {
	body := []rune("Chinese President Xi Jinping (習近平) discussed Taiwan with US President Donald Trump.")
	for _, tc := range []struct {
		name          string
		in            string // the body, when not the one above
		start, end    int
		before, after int
		want, span    string
	}{
		{"cut at words", "", 18, 28, 12, 12, "…President Xi Jinping (習近平)…", "Xi Jinping"},
		{"CJK span", "", 30, 33, 5, 12, "…(習近平) discussed…", "習近平"},
		{"whole body", "", 0, 7, 200, 200, string(body), "Chinese"},
		{"no room before", "", 0, 7, 5, 10, "Chinese President…", "Chinese"},
		{"at the end", "", 77, 83, 10, 10, "…Donald Trump.", "Trump."},
		{"white space collapsed", "Leaders  met:\n\nXi   Jinping\tand  Biden  talked.", 15, 27, 100, 100, "Leaders met: Xi   Jinping and Biden talked.", "Xi   Jinping"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := body
			if tc.in != "" {
				in = []rune(tc.in)
			}
			s := contextAround(in, tc.start, tc.end, tc.before, tc.after)
			if s.text != tc.want {
				t.Errorf("text %q, want %q", s.text, tc.want)
			}
			if got := string([]rune(s.text)[s.start:s.end]); got != tc.span {
				t.Errorf("span %q, want %q", got, tc.span)
			}
		})
	}
}

func TestPassageInspectorSavesNoteAndRemovesTag(t *testing.T) {
	b := newUIBench(t)
	ctx := context.Background()
	a := b.importSeed("習近平")
	tag, err := b.st.CreateTag(ctx, model.Tag{Name: "Leaders", Colour: tagPalette[3]})
	if err != nil {
		t.Fatal(err)
	}
	start := len([]rune(a.Body[:strings.Index(a.Body, "Xi Jinping")]))
	pid, err := b.st.CreatePassage(ctx, model.Passage{ArticleID: a.ID, Start: start, End: start + 10, TagIDs: []int64{tag}})
	if err != nil {
		t.Fatal(err)
	}
	i := b.wb.inspector
	i.showPassage(pid)
	b.pump("the passage", func() bool { return i.title.Text == "Passage" && slices.Contains(labelTexts(i.object()), "Leaders") })
	if !slices.Contains(labelTexts(i.object()), "“Xi Jinping”") {
		t.Error("the passage view does not quote the passage")
	}

	notes := objectsOf[*noteEntry](i.object())
	if len(notes) != 1 {
		t.Fatal("no note entry")
	}
	save := buttonLabelled(t, i.object(), "Save note", 0)
	if !save.Disabled() {
		t.Error("Save note is enabled before any change")
	}
	test.Type(notes[0], "Xi speaks first")
	test.Tap(save)
	passage := func() model.Passage {
		p, err := b.st.Passage(ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	b.pump("the saved note", func() bool { return passage().Note == "Xi speaks first" })

	var remove *widget.Button
	for _, btn := range objectsOf[*widget.Button](i.object()) {
		if btn.Icon == theme.CancelIcon() && btn.Text == "" {
			remove = btn
		}
	}
	if remove == nil {
		t.Fatal("the tag chip has no remove button")
	}
	test.Tap(remove)
	b.pump("the tag removed", func() bool {
		return len(passage().TagIDs) == 0 && slices.Contains(labelTexts(i.object()), "No tags yet.")
	})
	if got := objectsOf[*noteEntry](i.object())[0].Text; got != "Xi speaks first" {
		t.Errorf("after the reload the note reads %q", got)
	}
}

func TestValidCountryOrEmpty(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"", true}, {"CHN", true}, {"usa", true}, {" TWN ", true},
		{"CN", false}, {"CHNA", false}, {"C1N", false}, {"中国", false},
	} {
		if err := validCountryOrEmpty(tc.in); (err == nil) != tc.ok {
			t.Errorf("validCountryOrEmpty(%q) = %v, want ok=%v", tc.in, err, tc.ok)
		}
	}
}

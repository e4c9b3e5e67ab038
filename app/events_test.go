package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/widgets"
)

// eventFixture is a small coded project: the seed's articles (imported
// without extraction, so that only these events exist) and four events
// between four parties, of different statuses, types and dates.
type eventFixture struct {
	usa, chn, can, eu               int64
	call, pact, accusal, sanctions  int64
	callArticle, pactArticle        model.Article
	callStart, callEnd              int
	pactStart, pactEnd              int
	callQuote, pactQuote            string
	statuses                        map[int64]model.Status
	allEvents, notRejected, byMonth []int64
}

func addEvents(t *testing.T, st store.Store) eventFixture {
	t.Helper()
	ctx := context.Background()
	arts, err := ingest.ReadFile(ctx, seedPath, ingest.Options{Publication: "Taipei Times"})
	if err != nil {
		t.Fatal(err)
	}
	res, err := st.ImportArticles(ctx, arts)
	if err != nil {
		t.Fatal(err)
	}
	var f eventFixture
	for i, a := range arts {
		a.ID = res.IDs[i]
		switch {
		case strings.Contains(a.Body, "phone call"):
			f.callArticle = a
		case strings.Contains(a.Body, "Canada and the EU"):
			f.pactArticle = a
		}
	}
	span := func(a model.Article, quote string) (int, int) {
		s := runeIndex(t, a.Body, quote)
		return s, s + len([]rune(quote))
	}
	f.callQuote = "Xi Jinping (習近平) discussed Taiwan, trade, fentanyl and TikTok in a phone call"
	f.pactQuote = "Canada and the EU on Monday signed a defense and security pact"
	f.callStart, f.callEnd = span(f.callArticle, f.callQuote)
	f.pactStart, f.pactEnd = span(f.pactArticle, f.pactQuote)

	entity := func(name string, kind model.EntityKind, country string) int64 {
		id, err := st.CreateEntity(ctx, model.Entity{Name: name, Kind: kind, Country: country})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	f.usa = entity("United States", "country", "USA")
	f.chn = entity("China", "country", "CHN")
	f.can = entity("Canada", "country", "CAN")
	f.eu = entity("European Union", "organisation", "")
	event := func(e model.Event) int64 {
		id, err := st.CreateEvent(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	f.call = event(model.Event{Actors: []int64{f.usa}, Recipients: []int64{f.chn}, Type: model.EventConsult, Mode: "phone", CAMEO: "040", Goldstein: 1,
		Date: "2025-01-17", Precision: model.PrecisionDay, DateBasis: model.BasisRelative, DateText: "on Friday", ArticleID: f.callArticle.ID,
		Start: f.callStart, End: f.callEnd, Text: f.callQuote, Status: model.StatusSuggested})
	f.pact = event(model.Event{Actors: []int64{f.can}, Recipients: []int64{f.eu}, Type: model.EventSupport, CAMEO: "057", Goldstein: 8,
		Date: "2025-06-23", Precision: model.PrecisionDay, ArticleID: f.pactArticle.ID, Start: f.pactStart, End: f.pactEnd, Text: f.pactQuote,
		Status: model.StatusConfirmed})
	f.accusal = event(model.Event{Actors: []int64{f.chn}, Recipients: []int64{f.usa}, Type: model.EventAccuse, CAMEO: "112", Goldstein: -2,
		Date: "2025-03-01", Precision: model.PrecisionMonth, Text: "China accused the US of meddling.", Status: model.StatusSuggested})
	f.sanctions = event(model.Event{Actors: []int64{f.usa}, Recipients: []int64{f.can}, Type: model.EventSanction, CAMEO: "163", Goldstein: -8,
		Date: "2025-02-10", Precision: model.PrecisionDay, Text: "Washington imposed tariffs on Canada.", Status: model.StatusRejected})
	f.statuses = map[int64]model.Status{f.call: model.StatusSuggested, f.pact: model.StatusConfirmed, f.accusal: model.StatusSuggested, f.sanctions: model.StatusRejected}
	f.allEvents = []int64{f.call, f.pact, f.accusal, f.sanctions}
	f.notRejected = []int64{f.call, f.pact, f.accusal}
	return f
}

// eventsDesk is the workbench on the event fixture, with the Events tab shown.
func eventsDesk(t *testing.T) (*desk, eventFixture) {
	t.Helper()
	d := newDesk(t)
	f := addEvents(t, d.st)
	d.wb.centre.SelectIndex(1)
	d.waitFor("the events listed", func() bool { return len(d.wb.events.data.events) == len(f.allEvents) })
	return d, f
}

func eventIDs(evs []model.Event) []int64 {
	var ids []int64
	for _, ev := range evs {
		ids = append(ids, ev.ID)
	}
	slices.Sort(ids)
	return ids
}

func sorted(ids ...int64) []int64 {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}

// timelineShows returns the events the timeline draws a mark for, after
// zooming to fit.
func timelineShows(tl *widgets.Timeline, ids []int64) []int64 {
	tl.ZoomToFit()
	var out []int64
	for _, id := range ids {
		if _, _, ok := tl.MarkBounds(id); ok {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// TestEventsFilterNarrowsListAndTimeline sets the Events view's filter
// widgets and checks that the list and the timeline show the same events.
func TestEventsFilterNarrowsListAndTimeline(t *testing.T) {
	d, f := eventsDesk(t)
	v := d.wb.events
	d.wb.centre.SelectIndex(2) // the timeline in view; the filter bar keeps working
	for _, tc := range []struct {
		name             string
		status, kind     string
		from, to         string
		want, onTimeline []int64
	}{
		{"everything", anyChoice, anyChoice, "", "", f.allEvents, f.notRejected},
		{"suggested", "suggested", anyChoice, "", "", []int64{f.call, f.accusal}, []int64{f.call, f.accusal}},
		{"type", anyChoice, "SUPPORT", "", "", []int64{f.pact}, []int64{f.pact}},
		{"date range", anyChoice, anyChoice, "2025-02-01", "2025-03-31", []int64{f.accusal, f.sanctions}, []int64{f.accusal}},
		{"rejected", "rejected", anyChoice, "", "", []int64{f.sanctions}, nil},
		{"status and range", "confirmed", anyChoice, "2025-06-01", "", []int64{f.pact}, []int64{f.pact}},
		{"nothing", "confirmed", "ACCUSE", "", "", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v.status.SetSelected(tc.status)
			v.kind.SetSelected(tc.kind)
			v.from.SetText(tc.from)
			v.to.SetText(tc.to)
			want := sorted(tc.want...)
			d.waitFor("the filtered list", func() bool { return slices.Equal(eventIDs(v.data.events), want) })
			d.settle()
			if got := v.list.Length(); got != len(want) {
				t.Errorf("the list has %d rows, want %d", got, len(want))
			}
			if got, wantCount := v.count.Text, plural(len(want), "event"); got != wantCount {
				t.Errorf("the count reads %q, want %q", got, wantCount)
			}
			if got := timelineShows(d.wb.timeline.tl, f.allEvents); !slices.Equal(got, sorted(tc.onTimeline...)) {
				t.Errorf("the timeline shows %v, want %v", got, sorted(tc.onTimeline...))
			}
		})
	}
}

// TestAcceptTickedIsOneUndoableStep ticks every listed suggestion, accepts
// them, and undoes the acceptance in one step.
func TestAcceptTickedIsOneUndoableStep(t *testing.T) {
	d, f := eventsDesk(t)
	v := d.wb.events
	v.status.SetSelected("suggested")
	d.waitFor("the suggestions", func() bool { return len(v.data.events) == 2 })

	test.Tap(buttonLabelled(t, v.object(), "Tick all", 0))
	checks := objectsOf[*widget.Check](v.list)
	ticked := 0
	for _, c := range checks {
		if c.Checked {
			ticked++
		}
	}
	if ticked != 2 {
		t.Errorf("after Tick all %d rows show a tick, want 2", ticked)
	}
	test.Tap(buttonLabelled(t, v.object(), "Accept ticked", 0))
	d.waitFor("the suggestions to leave the list", func() bool { return len(v.data.events) == 0 })
	for _, id := range []int64{f.call, f.accusal} {
		if ev, _ := d.st.Event(context.Background(), id); ev.Status != model.StatusConfirmed {
			t.Errorf("event %d is %s after Accept ticked, want confirmed", id, ev.Status)
		}
	}
	if ev, _ := d.st.Event(context.Background(), f.sanctions); ev.Status != model.StatusRejected {
		t.Errorf("the rejected event became %s", ev.Status)
	}

	d.wb.undo()
	d.waitFor("the suggestions back", func() bool { return len(v.data.events) == 2 })
	for id, want := range f.statuses {
		if ev, _ := d.st.Event(context.Background(), id); ev.Status != want {
			t.Errorf("after one Undo event %d is %s, want %s", id, ev.Status, want)
		}
	}
}

// TestAcceptTickedActsOnListedEventsOnly ticks everything, narrows the
// filter, and accepts: events the filter hides must not change.
func TestAcceptTickedActsOnListedEventsOnly(t *testing.T) {
	d, f := eventsDesk(t)
	v := d.wb.events
	test.Tap(buttonLabelled(t, v.object(), "Tick all", 0))
	v.kind.SetSelected("CONSULT")
	d.waitFor("the phone call alone", func() bool { return len(v.data.events) == 1 })
	test.Tap(buttonLabelled(t, v.object(), "Accept ticked", 0))
	d.waitFor("the call confirmed", func() bool {
		ev, _ := d.st.Event(context.Background(), f.call)
		return ev.Status == model.StatusConfirmed
	})
	d.settle()
	for _, id := range []int64{f.accusal, f.sanctions} {
		if ev, _ := d.st.Event(context.Background(), id); ev.Status != f.statuses[id] {
			t.Errorf("event %d, hidden by the filter, became %s (was %s)", id, ev.Status, f.statuses[id])
		}
	}
}

// TestEventEditorSaves edits an event through the editor's form: an actor
// and recipients added with the entity picker, a new tag, type, date and
// precision.
func TestEventEditorSaves(t *testing.T) {
	d, f := eventsDesk(t)
	v := d.wb.events
	i := slices.IndexFunc(v.data.events, func(ev model.Event) bool { return ev.ID == f.accusal })
	v.list.Select(i)
	test.Tap(buttonLabelled(t, v.object(), "Edit…", 0))
	form := overlayWith[*widget.Form](d, "the event editor")
	editor := d.overlay()

	pick := func(n int, name string) {
		t.Helper()
		test.Tap(buttonLabelled(t, form, "Add…", n))
		d.waitFor("the entity picker", func() bool { return d.overlay() != editor })
		p := objectsOf[*widgets.Picker](d.overlay())[0]
		p.SetQuery(name)
		if len(p.Items()) == 0 || p.Items()[0].Label != name {
			t.Fatalf("the picker offers %v for %q", p.Items(), name)
		}
		p.OnChosen(p.Items()[0])
		d.waitFor("the editor again", func() bool { return d.overlay() == editor })
	}
	pick(0, "Canada") // actors
	pick(1, "Canada") // recipients
	pick(1, "Canada") // twice: no duplicate
	pick(1, "European Union")
	if !anyContains(buttonTexts(form), "Canada") {
		t.Error("the editor shows no chip for the added actor")
	}
	// A new tag typed in the tag picker is created and put on the event.
	test.Tap(buttonLabelled(t, form, "Add…", 2))
	d.waitFor("the tag picker", func() bool { return d.overlay() != editor })
	tp := objectsOf[*widgets.Picker](d.overlay())[0]
	tp.SetQuery("Trade war")
	tp.OnCreate(tp.CreateOffered())
	d.waitFor("the new tag's chip", func() bool { return d.overlay() == editor && anyContains(buttonTexts(form), "Trade war") })
	for _, s := range objectsOf[*widget.Select](form) {
		switch {
		case slices.Contains(s.Options, "PROTEST"):
			s.SetSelected("PROTEST")
		case slices.Contains(s.Options, "month"):
			s.SetSelected("year")
		}
	}
	for _, e := range objectsOf[*widget.Entry](form) {
		switch e.PlaceHolder {
		case "YYYY-MM-DD":
			e.SetText("2024-11-05")
		case "e.g. phone, visit, statement":
			e.SetText("statement")
		}
	}
	test.Tap(buttonLabelled(t, editor, "Save", 0))
	d.waitFor("the edited event in the list", func() bool {
		for _, ev := range v.data.events {
			if ev.ID == f.accusal && ev.Type == "PROTEST" {
				return true
			}
		}
		return false
	})
	ev, err := d.st.Event(context.Background(), f.accusal)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ev.Actors, []int64{f.chn, f.can}) || !slices.Equal(ev.Recipients, []int64{f.usa, f.can, f.eu}) {
		t.Errorf("saved actors %v recipients %v, want [%d %d] and [%d %d %d]", ev.Actors, ev.Recipients, f.chn, f.can, f.usa, f.can, f.eu)
	}
	if ev.Type != "PROTEST" || ev.Mode != "statement" || ev.Date != "2024-11-05" || ev.Precision != "year" || ev.DateBasis != "explicit" {
		t.Errorf("saved %s/%s on %s (%s, %s), want PROTEST/statement on 2024-11-05 (year, explicit)", ev.Type, ev.Mode, ev.Date, ev.Precision, ev.DateBasis)
	}
	tags, err := d.st.Tags(context.Background())
	if err != nil || len(tags) != 1 || tags[0].Name != "Trade war" || !slices.Equal(ev.TagIDs, []int64{tags[0].ID}) {
		t.Errorf("the event carries tags %v; the project has %+v (%v), want the new tag Trade war on the event", ev.TagIDs, tags, err)
	}
	if ev.CAMEO != "112" || ev.Status != model.StatusSuggested || ev.Text != "China accused the US of meddling." {
		t.Errorf("the editor changed what it was not asked to: %+v", ev)
	}
}

// TestEventEditorClearsDate clears an event's date in the editor: the event
// is then unresolved, not explicitly dated.
func TestEventEditorClearsDate(t *testing.T) {
	d, f := eventsDesk(t)
	v := d.wb.events
	v.list.Select(slices.IndexFunc(v.data.events, func(ev model.Event) bool { return ev.ID == f.pact }))
	test.Tap(buttonLabelled(t, v.object(), "Edit…", 0))
	form := overlayWith[*widget.Form](d, "the event editor")
	editor := d.overlay()
	for _, e := range objectsOf[*widget.Entry](form) {
		if e.PlaceHolder == "YYYY-MM-DD" {
			e.SetText("")
		}
	}
	test.Tap(buttonLabelled(t, editor, "Save", 0))
	d.waitFor("the saved event", func() bool {
		ev, _ := d.st.Event(context.Background(), f.pact)
		return ev.Date == ""
	})
	ev, _ := d.st.Event(context.Background(), f.pact)
	if ev.DateBasis != "unresolved" {
		t.Errorf("an event whose date was cleared has date basis %q, want unresolved", ev.DateBasis)
	}
	d.wb.centre.SelectIndex(2)
	d.settle()
	if got := timelineShows(d.wb.timeline.tl, []int64{f.call, f.pact}); !slices.Equal(got, []int64{f.call}) {
		t.Errorf("the timeline draws %v, want the phone call alone (the pact has no date now)", got)
	}
}

// TestEventEditorRefusesImpossibleDate types 2025-02-31 as an event's date:
// the field says why, saving shows an error naming the date, and the stored
// event keeps its date.
func TestEventEditorRefusesImpossibleDate(t *testing.T) {
	d, f := eventsDesk(t)
	v := d.wb.events
	before, err := d.st.Event(context.Background(), f.pact)
	if err != nil {
		t.Fatal(err)
	}
	v.list.Select(slices.IndexFunc(v.data.events, func(ev model.Event) bool { return ev.ID == f.pact }))
	test.Tap(buttonLabelled(t, v.object(), "Edit…", 0))
	form := overlayWith[*widget.Form](d, "the event editor")
	editor := d.overlay()
	var date *widget.Entry
	for _, e := range objectsOf[*widget.Entry](form) {
		if e.PlaceHolder == "YYYY-MM-DD" {
			date = e
		}
	}
	if date == nil {
		t.Fatal("the event editor has no date field")
	}
	date.SetText("2025-02-28")
	if err := date.Validate(); err != nil {
		t.Errorf("the date field refuses the real date 2025-02-28: %v", err)
	}
	date.SetText("2025-02-31")
	if err := date.Validate(); err == nil || !strings.Contains(err.Error(), "day out of range") {
		t.Errorf("the date field accepts 2025-02-31 (validation: %v)", err)
	}
	test.Tap(buttonLabelled(t, editor, "Save", 0))
	d.waitFor("an error naming the date", func() bool {
		return d.overlay() != nil && anyContains(labelTexts(d.overlay()), `"2025-02-31" is not a calendar date`)
	})
	if ev, _ := d.st.Event(context.Background(), f.pact); ev.Date != before.Date {
		t.Errorf("the event's date became %q, want %q kept", ev.Date, before.Date)
	}
}

func buttonTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, b := range objectsOf[*widget.Button](o) {
		out = append(out, b.Text)
	}
	return out
}

// TestNewEventFromSelection selects the phone-call sentence and presses
// Ctrl+E: the editor comes pre-filled with what extraction finds (type, CAMEO
// code, both leaders matched to the project's entities, the date resolved
// against the publication date), and saving adds the analyst's event.
func TestNewEventFromSelection(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	d.importSeed() // extraction adds the leaders as entities
	var call model.Article
	for _, s := range d.listed() {
		a, err := d.st.Article(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(a.Body, "phone call") {
			call = a
		}
	}
	m := model.ArticleMeta{Title: call.Title, Publication: call.Publication, Published: "2025-01-18", Author: call.Author, URL: call.URL, Dateline: call.Dateline, Language: call.Language}
	if err := d.st.UpdateArticleMeta(ctx, call.ID, m); err != nil {
		t.Fatal(err)
	}
	before := mustEvents(t, d.st, store.EventFilter{ArticleID: call.ID})
	d.wb.openArticle(call.ID, -1, -1)
	r := d.wb.reader
	d.waitFor("the article", func() bool { return r.article.ID == call.ID && r.article.Published == "2025-01-18" })
	end := runeIndex(t, call.Body, "biggest rival.") + len([]rune("biggest rival."))
	r.view.SetSelection(0, end)

	r.newEventFromSelection()
	form := overlayWith[*widget.Form](d, "the event editor")
	editor := d.overlay()
	chips := buttonTexts(form)
	for _, name := range []string{"Donald Trump", "Xi Jinping"} {
		if !slices.Contains(chips, name) {
			t.Errorf("the editor does not name %s among its parties: %q", name, chips)
		}
	}
	if !anyContains(chips, "041") {
		t.Errorf("the editor's CAMEO code is not 041: %q", chips)
	}
	for _, s := range objectsOf[*widget.Select](form) {
		if slices.Contains(s.Options, "CONSULT") && s.Selected != "CONSULT" {
			t.Errorf("the editor's type is %q, want CONSULT", s.Selected)
		}
	}
	dated := false
	for _, e := range objectsOf[*widget.Entry](form) {
		if e.PlaceHolder == "YYYY-MM-DD" {
			dated = e.Text == "2025-01-17"
		}
	}
	if !dated {
		t.Error("the editor's date is not Friday 2025-01-17")
	}
	test.Tap(buttonLabelled(t, editor, "Save", 0))
	d.waitFor("the new event", func() bool { return len(mustEvents(t, d.st, store.EventFilter{ArticleID: call.ID})) == len(before)+1 })
	var added model.Event
	for _, ev := range mustEvents(t, d.st, store.EventFilter{ArticleID: call.ID}) {
		if !slices.ContainsFunc(before, func(b model.Event) bool { return b.ID == ev.ID }) {
			added = ev
		}
	}
	if added.Start != 0 || added.End != end || added.Status != model.StatusConfirmed || added.Type != "CONSULT" ||
		added.Date != "2025-01-17" || len(added.Actors)+len(added.Recipients) != 2 {
		t.Errorf("the saved event is %+v", added)
	}
}

package app

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/sqlite"
)

// bigEventLoad adds n suggested events to the call article of f, so that
// listing the project's events takes a while.
func bigEventLoad(t *testing.T, st store.Store, f eventFixture, n int) {
	t.Helper()
	x := store.Extraction{Entities: []store.SuggestedEntity{
		{Name: "Old Project Actor", Kind: model.KindPerson, Country: "USA"},
		{Name: "Old Project Recipient", Kind: model.KindPerson, Country: "CHN"},
	}}
	body := []rune(f.callArticle.Body)
	types := model.EventTypes()
	for i := range n {
		start := i % (len(body) - 10)
		x.Events = append(x.Events, store.SuggestedEvent{Actors: []int{0}, Recipients: []int{1}, Type: types[i%len(types)],
			Date: fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28), Precision: model.PrecisionDay, Text: fmt.Sprintf("old event %d", i),
			Start: start, End: start + 1 + i/len(body)})
	}
	if err := st.SaveExtraction(context.Background(), f.callArticle.ID, x); err != nil {
		t.Fatal(err)
	}
}

// TestSwitchingProjectsDropsOldLoads opens another project while every view
// of the first one is loading (the first project is big, and the harness
// holds back the loads' results until the switch is made): none of the old
// project's data shows up, no error is reported, and the old project is
// closed once its loads are done.
func TestSwitchingProjectsDropsOldLoads(t *testing.T) {
	d := newDesk(t)
	f := addEvents(t, d.st)
	bigEventLoad(t, d.st, f, 3000)
	ctx := context.Background()
	if _, err := d.st.CreateTag(ctx, model.Tag{Name: "Old tag", Colour: "#3cb44b"}); err != nil {
		t.Fatal(err)
	}
	d.wb.refresh()
	d.settle()
	oldTitles := map[string]bool{}
	for _, a := range d.listed() {
		oldTitles[a.Title] = true
	}
	if len(oldTitles) != 5 || len(d.wb.events.all.events) < 3000 || len(d.wb.tags.list) != 1 {
		t.Fatalf("the first project shows %d articles, %d events, %d tags", len(oldTitles), len(d.wb.events.all.events), len(d.wb.tags.list))
	}

	otherPath := filepath.Join(t.TempDir(), "other.attache")
	other, err := sqlite.Open(otherPath)
	if err != nil {
		t.Fatal(err)
	}
	res, err := other.ImportArticles(ctx, []model.Article{{Title: "The other project's only article", Body: "Nothing happened here."}})
	if err != nil || len(res.IDs) != 1 {
		t.Fatalf("import into the other project: %v", err)
	}

	// Every view of the old project starts loading; the harness runs none
	// of their results before the switch.
	old := d.wb.work
	d.wb.refresh()
	d.wb.openArticle(f.pactArticle.ID, -1, -1)
	d.wb.inspector.showEvent(f.call)
	d.wb.inspector.showEntity(f.usa)
	eventsGen := d.wb.events.gen
	d.wb.setProject(other, otherPath)

	// Until a list is loaded from the other project it may still show the
	// old one; once it has, the old data must not come back. The reader and
	// the inspector were cleared by the switch.
	var seen []string
	fresh := map[string]bool{}
	check := func(view string, isNew, isOld bool, what string) {
		if fresh[view] && isOld {
			seen = append(seen, view+": "+what)
		}
		fresh[view] = fresh[view] || isNew
	}
	newCounts := "1 article · 0 entities · 0 events · 0 passages"
	oldShown := func() {
		wb := d.wb
		check("article list", wb.articles.rows.len() == 1, wb.articles.rows.len() > 1, plural(wb.articles.rows.len(), "article"))
		check("events view", wb.events.gen > eventsGen, len(wb.events.all.events) > 0, plural(len(wb.events.all.events), "event"))
		check("entities", len(wb.entities.all) == 0, len(wb.entities.all) > 0, plural(len(wb.entities.all), "entity"))
		check("tags", len(wb.tags.list) == 0, len(wb.tags.list) > 0, plural(len(wb.tags.list), "tag"))
		check("status bar", wb.status.counts.Text == newCounts, wb.status.counts.Text != newCounts, wb.status.counts.Text)
		check("reader", true, oldTitles[wb.reader.article.Title], wb.reader.article.Title)
		check("inspector", true, wb.inspector.target.kind != inspectNothing || !anyContains(labelTexts(wb.inspector.box), "Select a passage"), wb.inspector.title.Text)
	}
	d.waitFor("the other project shown", func() bool {
		oldShown()
		return d.wb.reader.article.Title == "The other project's only article" && d.wb.inFlight.Load() == 0 && d.loop.empty()
	})
	for _, s := range dedupe(seen) {
		t.Errorf("the old project's data appeared after the switch: %s", s)
	}
	if o := d.overlay(); o != nil {
		t.Errorf("a dialog is shown after the switch: %q", labelTexts(o))
	}
	for _, view := range []string{"article list", "events view", "entities", "tags", "status bar"} {
		if !fresh[view] {
			t.Errorf("the %s never showed the other project", view)
		}
	}
	if _, err := old.st.Counts(ctx); err == nil {
		t.Error("the old project is still open once its loads are done")
	}
}

// dedupe returns ss without repeats, in order.
func dedupe(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// TestSwitchingProjectsFinishesImport opens another project while an import
// into the first one runs: the import completes into the project it was
// started on (whose store is closed only afterwards), without an error, and
// the other project is left as it was.
func TestSwitchingProjectsFinishesImport(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	firstPath := d.wb.path
	otherPath := filepath.Join(t.TempDir(), "other.attache")
	other, err := sqlite.Open(otherPath)
	if err != nil {
		t.Fatal(err)
	}
	d.wb.importer.start([]string{seedPath}, ingest.Options{Publication: "Taipei Times"})
	d.wb.setProject(other, otherPath)
	d.waitWithin(importLimit, "the import to finish", func() bool { return !d.wb.importer.running })
	d.settle()
	if o := d.overlay(); o != nil {
		t.Errorf("a dialog is shown: %q", labelTexts(o))
	}
	if got := d.wb.status.message.Text; got != "Imported 5 articles from 1 file" {
		t.Errorf("the status bar says %q, want the import's summary", got)
	}
	if c, err := other.Counts(ctx); err != nil || c.Articles != 0 {
		t.Errorf("the other project holds %+v (%v), want nothing imported into it", c, err)
	}
	first, err := sqlite.Open(firstPath)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	if c, err := first.Counts(ctx); err != nil || c.Articles != 5 || c.Events == 0 {
		t.Errorf("the first project holds %+v (%v), want the five imported articles with their events", c, err)
	}
}

// TestInspectorShowsTheLastChoice asks the inspector for one object after
// another, faster than they load, with a refresh of the project in between:
// it ends up showing the last one asked for, whichever load finishes last.
func TestInspectorShowsTheLastChoice(t *testing.T) {
	d := newDesk(t)
	f := addEvents(t, d.st)
	ctx := context.Background()
	tag, err := d.st.CreateTag(ctx, model.Tag{Name: "Summits", Colour: "#3cb44b"})
	if err != nil {
		t.Fatal(err)
	}
	passage, err := d.st.CreatePassage(ctx, model.Passage{ArticleID: f.pactArticle.ID, Start: f.pactStart, End: f.pactEnd, TagIDs: []int64{tag}})
	if err != nil {
		t.Fatal(err)
	}
	i := d.wb.inspector
	for _, tc := range []struct {
		name  string
		steps func()
		want  string
	}{
		{"passage, then event, then a refresh", func() { i.showPassage(passage); i.showEvent(f.call); d.wb.refresh() }, "Event"},
		{"event, then entity", func() { i.showEvent(f.call); i.showEntity(f.can) }, "Canada"},
		{"entity, then event", func() { i.showEntity(f.can); i.showEvent(f.pact) }, "Event"},
		{"event, then cleared", func() { i.showEvent(f.call); i.clear() }, ""},
	} {
		tc.steps()
		d.settle()
		shown := ""
		if !anyContains(labelTexts(i.box), "Select a passage") {
			shown = i.title.Text
		}
		if shown != tc.want {
			t.Errorf("%s: the inspector shows %q, want %q", tc.name, shown, tc.want)
		}
	}
}

package app

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/project"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/postgres"
	"github.com/attache-app/attache/data/store/postgres/pgtest"
)

// TestPublishToSharedProjectThenInspectorNamesWho publishes a project file
// through File ▸ Publish to Shared Project… twice (the second time adds
// nothing), then opens the shared project as one member after another has
// edited a passage: the inspector says who created and who changed it.
func TestPublishToSharedProjectThenInspectorNamesWho(t *testing.T) {
	ctx := context.Background()
	b := newUIBench(t)
	a := b.importSeed("習近平")
	tag, err := b.st.CreateTag(ctx, model.Tag{Name: "Leaders"})
	if err != nil {
		t.Fatal(err)
	}
	start := len([]rune(a.Body[:strings.Index(a.Body, "Xi Jinping")]))
	if _, err := b.st.CreatePassage(ctx, model.Passage{ArticleID: a.ID, Start: start, End: start + 10, TagIDs: []int64{tag}, Note: "who spoke"}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.st.CreateEvent(ctx, model.Event{ArticleID: a.ID, Start: start, End: start + 10, Type: "CONSULT", Summary: "Xi calls"}); err != nil {
		t.Fatal(err)
	}
	arts, err := b.st.Articles(ctx, store.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}

	p := pgtest.NewProject(t)
	owner, err := project.OpenShared(ctx, p.OwnerURL(), project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	ana, bea := p.DB+"_ana", p.DB+"_bea"
	for _, n := range []string{ana, bea} {
		if _, err := owner.AddMember(ctx, n, postgres.RoleAnalyst, "pw-"+n); err != nil {
			t.Fatal(err)
		}
	}
	anaURL := p.URL(ana, "pw-"+ana)

	b.wb.publishDialog()
	form := b.topOverlay()
	entries := objectsOf[*widget.Entry](form)
	if len(entries) != 1 {
		t.Fatalf("the publish dialog has %d entries", len(entries))
	}
	test.Type(entries[0], anaURL)
	test.Tap(buttonLabelled(t, form, "Publish", 0))
	published := func(want string) {
		t.Helper()
		b.pump("the publication's report", func() bool {
			o := b.topOverlay()
			return o != nil && anyContains(labelTexts(o), "Published to")
		})
		report := strings.Join(labelTexts(b.topOverlay()), "\n")
		if !strings.Contains(report, want) || strings.Contains(report, "pw-") {
			t.Errorf("report %q, want %q", report, want)
		}
		b.wb.win.Canvas().Overlays().Remove(b.topOverlay())
	}
	published("added " + strconv.Itoa(len(arts)) + " articles, 1 tag, 1 passage, 0 entities, 0 aliases, 0 mentions and 1 event")
	b.wb.publish(anaURL)
	published("added 0 articles, 0 tags, 0 passages, 0 entities, 0 aliases, 0 mentions and 0 events;\nalready there: " + strconv.Itoa(len(arts)) + " articles, 1 tag")

	// Bea edits the note of the passage Ana published.
	beaStore, err := project.OpenShared(ctx, p.URL(bea, "pw-"+bea), project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer beaStore.Close()
	ps, err := beaStore.Passages(ctx, store.PassageFilter{})
	if err != nil || len(ps) != 1 {
		t.Fatalf("passages on the server: %v %v", ps, err)
	}
	if err := beaStore.SetPassageNote(ctx, ps[0].ID, "Xi speaks first"); err != nil {
		t.Fatal(err)
	}
	evs, err := beaStore.Events(ctx, store.EventFilter{})
	if err != nil || len(evs) != 1 {
		t.Fatalf("events on the server: %v %v", evs, err)
	}

	anaStore, err := project.OpenShared(ctx, anaURL, project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := newUIBenchOn(t, anaStore)
	i := s.wb.inspector
	i.showPassage(ps[0].ID)
	s.pump("who made the passage", func() bool {
		return i.title.Text == "Passage" && anyContains(labelTexts(i.object()), "created by "+ana+" · changed by "+bea)
	})
	i.showEvent(evs[0].ID)
	s.pump("who made the event", func() bool {
		return i.title.Text == "Event" && anyContains(labelTexts(i.object()), "created by "+ana)
	})
}

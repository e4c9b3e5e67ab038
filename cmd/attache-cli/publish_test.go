package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/project"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/postgres/pgtest"
	"github.com/attache-app/attache/data/store/sqlite"
)

// TestImportProjectFileIntoSharedProject moves an analyst's project file —
// the sample corpus with extraction, plus tags, a passage with its note, an
// alias, a marked mention, an edited and a rejected event — into a shared
// project twice: the first import brings everything, the second adds nothing,
// and the server then lists the same articles, entities and events as the
// file.
func TestImportProjectFileIntoSharedProject(t *testing.T) {
	file := filepath.Join(t.TempDir(), "mine.attache")
	if code, out, errOut := runCLI(t, "", "--db", file, "import", "--published", "2025-01-17", sampleFile(t)); code != 0 {
		t.Fatalf("import into the file: exit %d\n%s\n%s", code, out, errOut)
	}
	addAnalystWork(t, file)

	// Another project file does not take it (it would lose the file's
	// entities and events), and says so in one line naming the file.
	other := filepath.Join(t.TempDir(), "other.attache")
	if code, out, errOut := runCLI(t, "", "--db", other, "import", file); code != 1 || !strings.HasPrefix(out, file+": refused: ") || !strings.Contains(out, "shared project") || strings.Count(out+errOut, "\n") != 1 {
		t.Errorf("a project file into a project file: exit %d %q %q", code, out, errOut)
	}

	p := pgtest.NewProject(t)
	server := p.OwnerURL()
	code, out, errOut := runCLI(t, "", "--db", server, "import", file)
	if code != 0 || !strings.Contains(out, "imported 5 articles, 2 tags, 1 passages, ") || errOut != "" {
		t.Fatalf("first import: exit %d\n%s\n%s", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "", "--db", server, "import", file)
	if code != 0 || !strings.Contains(out, "imported 0 articles, 0 tags, 0 passages, 0 entities, 0 aliases, 0 mentions, 0 events (5 articles, 2 tags, ") {
		t.Fatalf("second import: exit %d\n%s\n%s", code, out, errOut)
	}

	counts := func(db string) store.Counts {
		st, _, err := project.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		c, err := st.Counts(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	if a, b := counts(file), counts(server); a != b || a.Passages != 1 || a.Tags != 2 || a.Mentions == 0 || a.Events == 0 {
		t.Errorf("counts: file %+v, server %+v", a, b)
	}
	for _, args := range [][]string{
		{"events", "--json"},
		{"entities", "--json"},
		{"export", "--format", "json", "--what", "events"},
	} {
		f, s := sameAs(t, file, args), sameAs(t, server, args)
		if len(f) == 0 {
			t.Fatalf("%v: the file lists nothing", args)
		}
		if !slices.Equal(f, s) {
			t.Errorf("%v: the file and the server differ:\nfile:   %v\nserver: %v", args, f, s)
		}
	}
	for _, args := range [][]string{{"export", "--format", "csv", "--what", "passages"}} {
		_, f, _ := runCLI(t, "", append([]string{"--db", file}, args...)...)
		_, s, _ := runCLI(t, "", append([]string{"--db", server}, args...)...)
		if withoutCoder(s, p.Owner) != f || !strings.Contains(f, "who spoke") {
			t.Errorf("passages differ:\nfile:\n%s\nserver:\n%s", f, s)
		}
	}
	if code, out, _ := runCLI(t, "", "--db", server, "search", "--json", "Taiwan"); code != 0 || len(out) < 10 {
		t.Errorf("search on the server after the import: exit %d %q", code, out)
	}
}

// addAnalystWork does, through the store, what an analyst does to a project.
func addAnalystWork(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	arts, err := st.Articles(ctx, store.ArticleFilter{})
	if err != nil || len(arts) == 0 {
		t.Fatalf("articles: %v", err)
	}
	a, err := st.Article(ctx, arts[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	people, err := st.CreateTag(ctx, store.Tag{Name: "People", Colour: "#336699"})
	if err != nil {
		t.Fatal(err)
	}
	leaders, err := st.CreateTag(ctx, store.Tag{Name: "Leaders", ParentID: people})
	if err != nil {
		t.Fatal(err)
	}
	xi := strings.Index(a.Body, "Xi Jinping")
	if xi < 0 {
		t.Fatal("the first article does not name Xi Jinping")
	}
	start := len([]rune(a.Body[:xi]))
	if _, err := st.CreatePassage(ctx, store.Passage{ArticleID: a.ID, Start: start, End: start + 10, TagIDs: []int64{leaders}, Note: "who spoke"}); err != nil {
		t.Fatal(err)
	}
	ents, err := st.Entities(ctx, store.EntityFilter{Name: "Xi Jinping"})
	if err != nil || len(ents) == 0 {
		t.Fatalf("no entity Xi Jinping: %v", err)
	}
	if err := st.AddAlias(ctx, ents[0].ID, model.Alias{Name: "President Xi", Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateMention(ctx, store.Mention{EntityID: ents[0].ID, ArticleID: a.ID, Start: start, End: start + 2}); err != nil {
		t.Fatal(err)
	}
	evs, err := st.Events(ctx, store.EventFilter{})
	if err != nil || len(evs) < 2 {
		t.Fatalf("the sample gives %d events: %v", len(evs), err)
	}
	ev := evs[0]
	ev.Note, ev.Status, ev.TagIDs = "checked against the wire", model.StatusConfirmed, []int64{leaders}
	if err := st.UpdateEvent(ctx, ev); err != nil {
		t.Fatal(err)
	}
	if err := st.SetEventStatus(ctx, evs[1].ID, model.StatusRejected); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateEvent(ctx, store.Event{Type: "CONSULT", Summary: "talks without a source", Actors: []int64{ents[0].ID}}); err != nil {
		t.Fatal(err)
	}
}

// sameAs runs a listing command and returns its records without the ids each
// project gives its own and without the coder, sorted, so that two projects
// holding the same work compare equal.
func sameAs(t *testing.T, db string, args []string) []string {
	t.Helper()
	code, out, errOut := runCLI(t, "", append([]string{"--db", db}, args...)...)
	if code != 0 {
		t.Fatalf("%v on %s: exit %d: %s", args, engineName(db), code, errOut)
	}
	var recs []any
	if err := json.Unmarshal([]byte(out), &recs); err != nil {
		t.Fatalf("%v on %s: %v", args, engineName(db), err)
	}
	var keys []string
	for _, r := range recs {
		dropIDs(r)
		b, _ := json.Marshal(r)
		keys = append(keys, string(b))
	}
	slices.Sort(keys)
	return keys
}

func dropIDs(v any) {
	switch v := v.(type) {
	case map[string]any:
		for _, k := range []string{"id", "entity_id", "article_id", "coder"} {
			delete(v, k)
		}
		for _, x := range v {
			dropIDs(x)
		}
	case []any:
		for _, x := range v {
			dropIDs(x)
		}
	}
}

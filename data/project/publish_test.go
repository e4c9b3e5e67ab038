package project_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/extract"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/project"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/postgres/pgtest"
	"github.com/attache-app/attache/data/store/sqlite"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// TestPublishSeedProjectTwice publishes the seeded sample project to a
// shared project twice: the first time brings every article, entity,
// mention and event, the second adds nothing, and the shared project then
// holds the same counts and the same events as the file, and extraction run
// there again neither repeats the file's suggestions nor brings back one the
// analyst deleted.
func TestPublishSeedProjectTwice(t *testing.T) {
	ctx := context.Background()
	src, err := sqlite.Open(filepath.Join(t.TempDir(), "mine.attache"))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if err := project.Seed(ctx, src); err != nil {
		t.Fatal(err)
	}
	tag, err := src.CreateTag(ctx, model.Tag{Name: "Follow up"})
	if err != nil {
		t.Fatal(err)
	}
	evs, err := src.Events(ctx, store.EventFilter{})
	if err != nil || len(evs) == 0 {
		t.Fatalf("the seed has no events: %v", err)
	}
	evs[0].TagIDs, evs[0].Note = []int64{tag}, "ask the desk"
	if err := src.UpdateEvent(ctx, evs[0]); err != nil {
		t.Fatal(err)
	}
	// A suggestion the analyst deleted stays deleted on the shared project.
	if err := src.DeleteEvent(ctx, evs[len(evs)-1].ID); err != nil {
		t.Fatal(err)
	}

	p := pgtest.NewProject(t)
	first, err := project.Publish(ctx, src, p.OwnerURL(), project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := src.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.NewArticles) != want.Articles || first.EntitiesCreated != want.Entities || first.Events != want.Events || first.Mentions != want.Mentions || first.TagsCreated != 1 {
		t.Errorf("first publish %+v, file holds %+v", first, want)
	}
	second, err := project.Publish(ctx, src, p.OwnerURL(), project.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(second.NewArticles) != 0 || second.TagsCreated != 0 || second.EntitiesCreated != 0 || second.Aliases != 0 || second.Mentions != 0 || second.Events != 0 ||
		second.EventsKnown != want.Events || second.EntitiesReused != want.Entities {
		t.Errorf("second publish added something: %+v", second)
	}

	dst, _, err := project.Open(ctx, p.OwnerURL())
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	if got, _ := dst.Counts(ctx); got != want {
		t.Errorf("shared project holds %+v, the file %+v", got, want)
	}
	if a, b := eventKeys(t, src), eventKeys(t, dst); !slices.Equal(a, b) {
		t.Errorf("events differ:\nfile:   %v\nshared: %v", a, b)
	}

	// Extraction run again on the shared project knows the suggestions the
	// file brought: it adds nothing.
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	ids, err := dst.ArticleIDs(ctx, store.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if err := extract.Run(ctx, dst, x, ids); err != nil {
		t.Fatal(err)
	}
	if got, _ := dst.Counts(ctx); got != want {
		t.Errorf("extraction again on the shared project: %+v, the file %+v", got, want)
	}
}

// eventKeys describes each event by what it says, not by ids.
func eventKeys(t *testing.T, st store.Store) []string {
	t.Helper()
	ctx := context.Background()
	evs, err := st.Events(ctx, store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	tags, err := st.Tags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tagName := map[int64]string{}
	for _, tg := range tags {
		tagName[tg.ID] = tg.Name
	}
	names := func(ids []int64) string {
		ents, err := st.EntitiesByID(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		var n []string
		for _, id := range ids {
			n = append(n, ents[id].Name)
		}
		return strings.Join(n, "+")
	}
	var keys []string
	for _, e := range evs {
		var tn []string
		for _, id := range e.TagIDs {
			tn = append(tn, tagName[id])
		}
		keys = append(keys, strings.Join([]string{string(e.Type), e.Date, e.Mode, e.CAMEO, string(e.Status), names(e.Actors), names(e.Recipients),
			e.Text, e.Note, strings.Join(tn, ",")}, "|"))
	}
	slices.Sort(keys)
	return keys
}

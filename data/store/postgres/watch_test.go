package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/attache-app/attache/data/store"
)

func TestWatchReportsOtherMembersChangesAtOnce(t *testing.T) {
	_, _, ana, bea, art := team(t)
	ctx, cancel := context.WithCancel(context.Background())
	changes, err := ana.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	expect := func(table string) {
		t.Helper()
		deadline := time.After(2 * time.Second)
		for {
			select {
			case got, ok := <-changes:
				if !ok {
					t.Fatal("watch ended")
				}
				if got == table {
					return
				}
			case <-deadline:
				t.Fatalf("no change of %s reported within 2 s", table)
			}
		}
	}
	if _, err := bea.CreatePassage(ctx, store.Passage{ArticleID: art, Start: 0, End: 5}); err != nil {
		t.Fatal(err)
	}
	expect("passages")
	if _, err := bea.ImportArticles(ctx, []store.Article{{Title: "New", Body: "Fresh wire copy."}}); err != nil {
		t.Fatal(err)
	}
	expect("articles")
	if _, err := bea.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	expect("passages")
	cancel()
	for range changes { // the channel closes once the watch has stopped
	}
}

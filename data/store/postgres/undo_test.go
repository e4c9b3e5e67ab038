package postgres_test

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/postgres"
	"github.com/attache-app/attache/data/store/postgres/pgtest"
)

// team opens a project as its owner and as two analysts, with one article.
func team(t *testing.T) (p *pgtest.Project, owner, ana, bea *postgres.Store, article int64) {
	t.Helper()
	p = pgtest.NewProject(t)
	ctx := context.Background()
	owner = open(t, p.OwnerURL())
	for _, n := range []string{"ana", "bea"} {
		if _, err := owner.AddMember(ctx, p.DB+"_"+n, postgres.RoleAnalyst, n+"-pw"); err != nil {
			t.Fatal(err)
		}
	}
	ana = open(t, p.URL(p.DB+"_ana", "ana-pw"))
	bea = open(t, p.URL(p.DB+"_bea", "bea-pw"))
	res, err := ana.ImportArticles(ctx, []store.Article{{Title: "Call", Body: "Xi Jinping and Donald Trump spoke by phone on Friday about trade and Taiwan."}})
	if err != nil {
		t.Fatal(err)
	}
	return p, owner, ana, bea, res.IDs[0]
}

func TestEachAnalystUndoesTheirOwnChanges(t *testing.T) {
	p, _, ana, bea, art := team(t)
	ctx := context.Background()
	trade, err := ana.CreateTag(ctx, store.Tag{Name: "Trade", Colour: "#aa0000"})
	if err != nil {
		t.Fatal(err)
	}
	pid, err := bea.CreatePassage(ctx, store.Passage{ArticleID: art, Start: 0, End: 10, TagIDs: []int64{trade}, Note: "who spoke"})
	if err != nil {
		t.Fatal(err)
	}

	// Ana's last change is the tag, Bea's the passage.
	if l, _ := ana.UndoLabel(ctx); l != "Create tag" {
		t.Fatalf("ana's undo label %q", l)
	}
	if l, _ := bea.UndoLabel(ctx); l != "Create passage" {
		t.Fatalf("bea's undo label %q", l)
	}
	if l, err := bea.Undo(ctx); err != nil || l != "Create passage" {
		t.Fatalf("bea undo: %q %v", l, err)
	}
	if _, err := bea.Passage(ctx, pid); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("bea's passage still there after her undo: %v", err)
	}
	if tags, _ := bea.Tags(ctx); len(tags) != 1 {
		t.Fatalf("bea's undo touched ana's tag: %v", tags)
	}
	if _, err := bea.Undo(ctx); !errors.Is(err, store.ErrNothingToUndo) {
		t.Fatalf("bea has nothing more to undo, got %v", err)
	}
	if l, err := bea.Redo(ctx); err != nil || l != "Create passage" {
		t.Fatalf("bea redo: %q %v", l, err)
	}
	got, err := ana.Passage(ctx, pid)
	if err != nil || got.Note != "who spoke" || len(got.TagIDs) != 1 || got.Text != "Xi Jinping" {
		t.Fatalf("passage after redo: %+v %v", got, err)
	}

	// Who did what.
	var createdBy, updatedBy string
	if err := p.Cluster.QueryRow(ctx, p.DB, `SELECT created_by, updated_by FROM attache.passages`, &createdBy, &updatedBy); err != nil {
		t.Fatal(err)
	}
	if createdBy != p.DB+"_bea" || updatedBy != p.DB+"_bea" {
		t.Fatalf("passage created by %q, changed by %q", createdBy, updatedBy)
	}
	if err := ana.SetPassageNote(ctx, pid, "Xi and Trump"); err != nil {
		t.Fatal(err)
	}
	if err := p.Cluster.QueryRow(ctx, p.DB, `SELECT created_by, updated_by FROM attache.passages`, &createdBy, &updatedBy); err != nil {
		t.Fatal(err)
	}
	if createdBy != p.DB+"_bea" || updatedBy != p.DB+"_ana" {
		t.Fatalf("after ana's edit: created by %q, changed by %q", createdBy, updatedBy)
	}
}

func TestUndoRefusesWhenAnotherAnalystChangedTheRowSince(t *testing.T) {
	_, _, ana, bea, art := team(t)
	ctx := context.Background()
	pid, err := ana.CreatePassage(ctx, store.Passage{ArticleID: art, Start: 15, End: 27})
	if err != nil {
		t.Fatal(err)
	}
	if err := ana.SetPassageNote(ctx, pid, "ana's note"); err != nil {
		t.Fatal(err)
	}
	if err := bea.SetPassageNote(ctx, pid, "bea's note"); err != nil {
		t.Fatal(err)
	}
	_, err = ana.Undo(ctx)
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "changed since by "+strings.TrimSuffix(bea.User(), "")) {
		t.Fatalf("undo over another analyst's change: %v", err)
	}
	got, _ := ana.Passage(ctx, pid)
	if got.Note != "bea's note" {
		t.Fatalf("refused undo changed the note to %q", got.Note)
	}
	if l, _ := ana.UndoLabel(ctx); l != "Edit note" {
		t.Fatalf("refused undo was used up: label now %q", l)
	}
	// Bea's undo restores ana's note; then ana may undo her own.
	if _, err := bea.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := ana.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ := ana.Passage(ctx, pid); got.Note != "" {
		t.Fatalf("note after both undos %q", got.Note)
	}
}

func TestUndoDeleteTagBringsBackItsPassageTagsAndChildren(t *testing.T) {
	_, _, ana, _, art := team(t)
	ctx := context.Background()
	parent, _ := ana.CreateTag(ctx, store.Tag{Name: "Asia"})
	child, _ := ana.CreateTag(ctx, store.Tag{Name: "China", ParentID: parent})
	pid, err := ana.CreatePassage(ctx, store.Passage{ArticleID: art, Start: 0, End: 10, TagIDs: []int64{parent, child}})
	if err != nil {
		t.Fatal(err)
	}
	if err := ana.MoveTag(ctx, parent, child); err == nil {
		t.Fatal("a tag moved under its own child")
	}
	if err := ana.DeleteTag(ctx, parent); err != nil {
		t.Fatal(err)
	}
	tags, _ := ana.Tags(ctx)
	if len(tags) != 1 || tags[0].ParentID != 0 {
		t.Fatalf("after delete: %+v", tags)
	}
	if _, err := ana.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	tags, _ = ana.Tags(ctx)
	if len(tags) != 2 || tags[0].Name != "Asia" || tags[1].ParentID != parent || tags[0].Passages != 1 {
		t.Fatalf("after undo: %+v", tags)
	}
	if p, _ := ana.Passage(ctx, pid); len(p.TagIDs) != 2 {
		t.Fatalf("passage tags after undo: %v", p.TagIDs)
	}
}

func TestReaderCannotWriteOrUndo(t *testing.T) {
	p, owner, ana, _, art := team(t)
	ctx := context.Background()
	if _, err := owner.AddMember(ctx, p.DB+"_rea", postgres.RoleReader, "rea-pw"); err != nil {
		t.Fatal(err)
	}
	reader := open(t, p.URL(p.DB+"_rea", "rea-pw"))
	if _, err := ana.CreatePassage(ctx, store.Passage{ArticleID: art, Start: 0, End: 2}); err != nil {
		t.Fatal(err)
	}
	for name, write := range map[string]func() error{
		"create passage": func() error {
			_, err := reader.CreatePassage(ctx, store.Passage{ArticleID: art, Start: 3, End: 5})
			return err
		},
		"import":     func() error { _, err := reader.ImportArticles(ctx, []store.Article{{Body: "New text."}}); return err },
		"delete tag": func() error { return reader.DeleteTag(ctx, 1) },
	} {
		err := write()
		if !errors.Is(err, postgres.ErrReadOnly) && !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s as reader: %v", name, err)
		}
	}
	if ps, _ := reader.Passages(ctx, store.PassageFilter{ArticleID: art}); len(ps) != 1 {
		t.Fatalf("reader sees %d passages", len(ps))
	}
	if l, err := reader.UndoLabel(ctx); err != nil || l != "" {
		t.Fatalf("reader's undo label %q, %v", l, err)
	}
	if _, err := reader.Undo(ctx); !errors.Is(err, postgres.ErrReadOnly) {
		t.Fatalf("reader undo: %v", err)
	}
}

func TestTheServerKeepsEachMemberToTheirOwnUndoLog(t *testing.T) {
	p, _, ana, _, _ := team(t)
	ctx := context.Background()
	if _, err := ana.CreateTag(ctx, store.Tag{Name: "Ana's"}); err != nil {
		t.Fatal(err)
	}
	// Bea, connected straight to the server, sees and changes none of
	// Ana's log.
	db, err := sql.Open("pgx", p.URL(p.DB+"_bea", "bea-pw"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM attache.undo_log`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("bea sees %d undo records (%v)", n, err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO attache.undo_log(member, label, before, after) VALUES ($1, 'x', '[]', '[]')`, ana.User()); err == nil {
		t.Fatal("bea wrote a record on ana's log")
	}
	if l, _ := ana.UndoLabel(ctx); l != "Create tag" {
		t.Fatalf("ana's undo label %q", l)
	}
}

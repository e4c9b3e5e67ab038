package sqlite_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/store/storetest"

	"github.com/attache-app/attache/data/store/sqlite"

	"github.com/attache-app/attache/data/store"
)

func TestOpenRefusesForeignFilesUnchanged(t *testing.T) {
	dir := t.TempDir()
	otherDB := filepath.Join(dir, "other.sqlite")
	db, err := sql.Open("sqlite", otherDB)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES ('hello')`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	newer := filepath.Join(dir, "newer.attache")
	s, err := sqlite.Open(newer)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, _ = sql.Open("sqlite", newer)
	if _, err := db.Exec(`PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("Xi Jinping (習近平) spoke to Trump on Friday.\n"), 0o644)

	tests := []struct {
		name, path, want string
	}{
		{"other sqlite app", otherDB, "not an Attaché project"},
		{"newer schema", newer, "newer version"},
		{"plain text", text, "not an SQLite database"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(tt.path)
			s, err := sqlite.Open(tt.path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.path) {
				t.Errorf("error %q does not say %q and name the file", err, tt.want)
			}
			after, _ := os.ReadFile(tt.path)
			if !bytes.Equal(before, after) {
				t.Error("file changed")
			}
			for _, side := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(tt.path + side); err == nil {
					t.Errorf("left %s beside the file", side)
				}
			}
		})
	}
}

func TestOpenCreatesAndReopens(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "Projects #1 & 100% ?")
	must(t, os.Mkdir(dir, 0o755))
	path := filepath.Join(dir, "Taiwan notes.attache")
	s, err := sqlite.Open(path)
	must(t, err)
	id := storetest.ImportOne(t, s, store.Article{Title: "Call", Body: "Trump and Xi spoke by phone."})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("project not at %s: %v", path, err)
	}
	s2, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	a, err := s2.Article(ctx, id)
	if err != nil || a.Body != "Trump and Xi spoke by phone." {
		t.Fatalf("reopened article = %+v, %v", a, err)
	}
	var mode string
	db, _ := sql.Open("sqlite", "file:"+url.PathEscape(path)+"?mode=ro")
	defer db.Close()
	db.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
}

// TestOpenEmptyFileInitialises opens a zero-byte file (as a file manager's
// "new document" makes): it becomes a project with the current schema, like
// a project created from nothing, and articles can be imported and found.
func TestOpenEmptyFileInitialises(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "empty.attache")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fresh, freshPath := openTemp(t)
	fresh.Close()
	appID, version := schemaOf(t, path)
	wantID, wantVersion := schemaOf(t, freshPath)
	if version == 0 || version != wantVersion || appID != sqlite.ApplicationID || wantID != sqlite.ApplicationID {
		t.Errorf("the empty file has application id %#x, schema %d; a new project has %#x, %d (want %#x)",
			appID, version, wantID, wantVersion, sqlite.ApplicationID)
	}
	if backups, _ := filepath.Glob(path + ".bak*"); len(backups) != 0 {
		t.Errorf("an empty file was backed up as if migrated: %v", backups)
	}
	id := storetest.ImportOne(t, s, store.Article{Title: "Manila talks", Body: "Xi Jinping (習近平) called Donald Trump about Taiwan."})
	hits, err := s.Search(ctx, "近平 Taiwan", 5)
	if err != nil || len(hits) != 1 || hits[0].ArticleID != id {
		t.Errorf("search in the initialised project = %+v, %v; want article %d", hits, err, id)
	}
}

// schemaOf reads a project file's application id and schema version.
func schemaOf(t *testing.T, path string) (appID, version int) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.QueryRow(`SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version)`).Scan(&appID, &version); err != nil {
		t.Fatalf("read schema of %s: %v", path, err)
	}
	return appID, version
}

func TestMigrationKeepsBackup(t *testing.T) {
	ctx := context.Background()
	path := oldProject(t, "old.attache", 1,
		`INSERT INTO articles(title, body, runes, hash) VALUES ('Old', '習近平 met Trump', 14, 'h1')`)
	s, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	hits, err := s.Search(ctx, "近平", 10)
	if err != nil || len(hits) != 1 {
		t.Fatalf("search after migration = %v, %v; want the old article", hits, err)
	}
	bak, err := sql.Open("sqlite", "file:"+path+".bak-v1?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer bak.Close()
	var version int
	var title string
	if err := bak.QueryRow(`SELECT (SELECT user_version FROM pragma_user_version), title FROM articles`).Scan(&version, &title); err != nil {
		t.Fatalf("backup unreadable: %v", err)
	}
	if version != 1 || title != "Old" {
		t.Errorf("backup has version %d, title %q", version, title)
	}
}

func TestNotFound(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	_, err := s.Article(ctx, 42)
	if !errors.Is(err, store.ErrNotFound) || !strings.Contains(err.Error(), "article 42") {
		t.Errorf("Article(42) error = %v", err)
	}
	if err := s.SetPassageNote(ctx, 7, "x"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("SetPassageNote(7) error = %v", err)
	}
	if _, err := s.Entity(ctx, 3); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Entity(3) error = %v", err)
	}
}

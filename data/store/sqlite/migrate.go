package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/attache-app/attache/data/store/internal/textsearch"
)

// ApplicationID is the value of PRAGMA application_id that marks an SQLite
// file as an Attaché project ("ATTC").
const ApplicationID = 0x41545443

// migrations bring the schema from version i to i+1; PRAGMA user_version holds
// the number applied. Each runs in its own transaction. Never edit a released
// migration: append a new one.
var migrations = []func(tx *sql.Tx) error{
	migrateCore,
	migrateSearch,
	migrateLeanIndexes,
	migrateImportHash,
	migrateListOrder,
}

// inspect checks an existing file without writing to it and returns its
// schema version (0 for a new or empty file).
func inspect(path string) (int, error) {
	size, err := fileSize(path)
	if err != nil || size <= 0 {
		return 0, err
	}
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("store: open %s: %w", path, err)
	}
	header := make([]byte, 100)
	_, err = io.ReadFull(f, header)
	f.Close()
	if err != nil || string(header[:16]) != "SQLite format 3\x00" {
		return 0, fmt.Errorf("store: open %s: not an Attaché project (not an SQLite database)", path)
	}
	// Without a write-ahead log or a rollback journal beside it the main
	// file is complete, and immutable=1 reads it without creating -wal or
	// -shm files. With a log, a read-only connection sees the logged changes
	// too. A journal is left by a transaction that was cut short (an import
	// into an empty project writes under one, see bulkload.go): reading
	// through a connection that may write lets SQLite roll it back first.
	mode := "immutable=1"
	if _, err := os.Stat(path + "-wal"); err == nil {
		mode = "mode=ro"
	}
	if _, err := os.Stat(path + "-journal"); err == nil {
		mode = "mode=rw"
	}
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+"?"+mode+"&_pragma=busy_timeout(5000)")
	if err != nil {
		return 0, fmt.Errorf("store: open %s: %w", path, err)
	}
	defer db.Close()
	var appID, version, objects int
	row := db.QueryRow(`SELECT (SELECT application_id FROM pragma_application_id),
		(SELECT user_version FROM pragma_user_version),
		(SELECT count(*) FROM sqlite_schema)`)
	if err := row.Scan(&appID, &version, &objects); err != nil {
		return 0, fmt.Errorf("store: open %s: not readable as an SQLite database: %w", path, err)
	}
	switch {
	case appID == 0 && objects == 0:
		return 0, nil // an empty SQLite database: safe to initialise
	case appID != ApplicationID:
		return 0, fmt.Errorf("store: open %s: not an Attaché project (application id %#x)", path, appID)
	case version > len(migrations):
		return 0, fmt.Errorf("store: open %s: made by a newer version of Attaché (schema %d, this version reads up to %d)", path, version, len(migrations))
	}
	return version, nil
}

// backup keeps a consistent copy of a file before it is migrated, named
// <path>.bak-v<version> (with a numeric suffix if that name is taken).
func backup(path string, version int) error {
	dest := path + ".bak-v" + strconv.Itoa(version)
	for i := 2; ; i++ {
		if _, err := os.Stat(dest); errors.Is(err, os.ErrNotExist) {
			break
		}
		dest = path + ".bak-v" + strconv.Itoa(version) + "." + strconv.Itoa(i)
	}
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return fmt.Errorf("store: back up %s before migrating: %w", path, err)
	}
	defer db.Close()
	if _, err := db.Exec(`VACUUM INTO ?`, dest); err != nil {
		return fmt.Errorf("store: back up %s before migrating: %w", path, err)
	}
	return nil
}

// migrate applies the missing migrations, each in its own transaction.
func migrate(db *sql.DB) error {
	ctx := context.Background()
	for {
		var version int
		if err := db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
		if version > len(migrations) {
			return fmt.Errorf("made by a newer version of Attaché (schema %d)", version)
		}
		if version == len(migrations) {
			return nil
		}
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migrate to schema %d: %w", version+1, err)
		}
		if err := migrations[version](tx); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to schema %d: %w", version+1, err)
		}
		if _, err := tx.Exec(`PRAGMA user_version = ` + strconv.Itoa(version+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to schema %d: %w", version+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate to schema %d: %w", version+1, err)
		}
	}
}

func migrateCore(tx *sql.Tx) error {
	_, err := tx.Exec(`
PRAGMA application_id = ` + strconv.Itoa(ApplicationID) + `;
CREATE TABLE articles (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	title       TEXT NOT NULL DEFAULT '',
	publication TEXT NOT NULL DEFAULT '',
	author      TEXT NOT NULL DEFAULT '',
	url         TEXT NOT NULL DEFAULT '',
	published   TEXT NOT NULL DEFAULT '',
	dateline    TEXT NOT NULL DEFAULT '',
	language    TEXT NOT NULL DEFAULT '',
	body        TEXT NOT NULL,
	runes       INTEGER NOT NULL,
	hash        TEXT NOT NULL UNIQUE,
	source_path TEXT NOT NULL DEFAULT '',
	source_pos  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source_path, source_pos);

CREATE TABLE tags (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	parent_id   INTEGER REFERENCES tags(id) ON DELETE CASCADE,
	name        TEXT NOT NULL,
	colour      TEXT NOT NULL DEFAULT '#888888',
	description TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tags_parent ON tags(parent_id);

CREATE TABLE passages (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	start      INTEGER NOT NULL,
	"end"      INTEGER NOT NULL,
	note       TEXT NOT NULL DEFAULT '',
	CHECK (start >= 0 AND start < "end")
);
CREATE INDEX passages_article ON passages(article_id, start);

CREATE TABLE passage_tags (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
	tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
	UNIQUE (passage_id, tag_id)
);
CREATE INDEX passage_tags_tag ON passage_tags(tag_id);

CREATE TABLE entities (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	name        TEXT NOT NULL,
	kind        TEXT NOT NULL,
	country     TEXT NOT NULL DEFAULT '',
	role        TEXT NOT NULL DEFAULT '',
	description TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

CREATE TABLE aliases (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
	name      TEXT NOT NULL,
	lang      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX aliases_entity ON aliases(entity_id);
CREATE INDEX aliases_name ON aliases(name COLLATE NOCASE);

CREATE TABLE mentions (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	entity_id   INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
	article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	start       INTEGER NOT NULL,
	"end"       INTEGER NOT NULL,
	status      TEXT NOT NULL,
	machine_key TEXT,
	CHECK (start >= 0 AND start < "end")
);
CREATE INDEX mentions_article ON mentions(article_id, start);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE UNIQUE INDEX mentions_machine ON mentions(article_id, machine_key) WHERE machine_key IS NOT NULL;

CREATE TABLE events (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	type        TEXT NOT NULL DEFAULT '',
	mode        TEXT NOT NULL DEFAULT '',
	cameo       TEXT NOT NULL DEFAULT '',
	goldstein   REAL NOT NULL DEFAULT 0,
	date        TEXT NOT NULL DEFAULT '',
	end_date    TEXT NOT NULL DEFAULT '',
	precision   TEXT NOT NULL DEFAULT '',
	date_text   TEXT NOT NULL DEFAULT '',
	date_basis  TEXT NOT NULL DEFAULT '',
	location    TEXT NOT NULL DEFAULT '',
	summary     TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL DEFAULT '',
	article_id  INTEGER REFERENCES articles(id) ON DELETE CASCADE,
	start       INTEGER NOT NULL DEFAULT 0,
	"end"       INTEGER NOT NULL DEFAULT 0,
	status      TEXT NOT NULL,
	note        TEXT NOT NULL DEFAULT '',
	machine_key TEXT
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_date ON events(date);
CREATE UNIQUE INDEX events_machine ON events(article_id, machine_key) WHERE machine_key IS NOT NULL;

CREATE TABLE event_entities (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
	entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
	role      TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
	pos       INTEGER NOT NULL
);
CREATE INDEX event_entities_event ON event_entities(event_id);
CREATE INDEX event_entities_entity ON event_entities(entity_id);

CREATE TABLE event_tags (
	id       INTEGER PRIMARY KEY AUTOINCREMENT,
	event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
	tag_id   INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
	UNIQUE (event_id, tag_id)
);
CREATE INDEX event_tags_tag ON event_tags(tag_id);

-- Machine suggestions the analyst deleted, so that re-running extraction
-- does not bring them back.
CREATE TABLE dismissed (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	machine_key TEXT NOT NULL,
	UNIQUE (article_id, machine_key)
);

CREATE TABLE undo_log (
	id     INTEGER PRIMARY KEY AUTOINCREMENT,
	label  TEXT NOT NULL,
	before TEXT NOT NULL,
	after  TEXT NOT NULL,
	undone INTEGER NOT NULL DEFAULT 0
);
`)
	return err
}

// migrateSearch adds the full-text indexes: articles_fts (unicode61 words of
// title and body, kept in step by triggers) and articles_cjk (overlapping
// bigrams of CJK runs, kept in step by the store's Go code).
func migrateSearch(tx *sql.Tx) error {
	if _, err := tx.Exec(`
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, body, content='articles', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2');
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)');
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, body ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
	INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
CREATE VIRTUAL TABLE articles_cjk USING fts5(grams, tokenize='unicode61');
`); err != nil {
		return err
	}
	rows, err := tx.Query(`SELECT id, title, body FROM articles`)
	if err != nil {
		return err
	}
	type doc struct {
		id          int64
		title, body string
	}
	var docs []doc
	for rows.Next() {
		var d doc
		if err := rows.Scan(&d.id, &d.title, &d.body); err != nil {
			rows.Close()
			return err
		}
		docs = append(docs, d)
	}
	rows.Close()
	// This migration writes articles_cjk itself: indexCJK follows the
	// current schema, where the bigrams live in article_grams.
	for _, d := range docs {
		grams := textsearch.Grams(d.title, d.body)
		if grams == "" {
			continue
		}
		if _, err := tx.Exec(`INSERT INTO articles_cjk(rowid, grams) VALUES (?, ?)`, d.id, grams); err != nil {
			return err
		}
	}
	return rows.Err()
}

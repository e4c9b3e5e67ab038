package sqlite

import "database/sql"

// migrateLeanIndexes rebuilds both full-text indexes as contentless tables
// without per-document token counts (columnsize=0).
//
// With token counts, FTS5's bm25() looks each match's counts up in a docsize
// table: one statement per matching row, more than half of a search's time
// (BenchmarkSearch20k). Without them bm25() gets a length of -1 per column,
// which turns its length normalisation off: the ranking becomes BM25 with
// b = 0. The column weights carry the k1 of the formula (effective k1 =
// 0.3/weight when b = 0.75 meets a length of -1), so weights of 2.5 for the
// title and 0.25 for the body give BM25 with k1 = 1.2, b = 0, and a title
// word counting ten body words. TestSearchRanking holds this in place.
//
// A contentless table can only forget a row when given the values it
// indexed, so the CJK bigrams move to a plain table (article_grams) whose
// triggers keep articles_cjk in step, as the articles table's triggers do
// for articles_fts.
func migrateLeanIndexes(tx *sql.Tx) error {
	_, err := tx.Exec(`
DROP TRIGGER articles_fts_ai;
DROP TRIGGER articles_fts_ad;
DROP TRIGGER articles_fts_au;
DROP TABLE articles_fts;

CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, body, content='', columnsize=0,
	tokenize='unicode61 remove_diacritics 2');
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(2.5, 0.25)');
INSERT INTO articles_fts(rowid, title, body) SELECT id, title, body FROM articles;
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

CREATE TABLE article_grams (
	id    INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	grams TEXT NOT NULL
);
INSERT INTO article_grams(id, grams) SELECT rowid, grams FROM articles_cjk;
DROP TABLE articles_cjk;
CREATE VIRTUAL TABLE articles_cjk USING fts5(
	grams, content='', columnsize=0, tokenize='unicode61');
INSERT INTO articles_cjk(articles_cjk, rank) VALUES ('rank', 'bm25(0.25)');
INSERT INTO articles_cjk(rowid, grams) SELECT id, grams FROM article_grams;
CREATE TRIGGER article_grams_ai AFTER INSERT ON article_grams BEGIN
	INSERT INTO articles_cjk(rowid, grams) VALUES (new.id, new.grams);
END;
CREATE TRIGGER article_grams_ad AFTER DELETE ON article_grams BEGIN
	INSERT INTO articles_cjk(articles_cjk, rowid, grams) VALUES ('delete', old.id, old.grams);
END;
CREATE TRIGGER article_grams_au AFTER UPDATE ON article_grams BEGIN
	INSERT INTO articles_cjk(articles_cjk, rowid, grams) VALUES ('delete', old.id, old.grams);
	INSERT INTO articles_cjk(rowid, grams) VALUES (new.id, new.grams);
END;
`)
	return err
}

// migrateImportHash lets the full-text index gather the terms of up to
// 16 MB of text in memory before writing them as one segment (FTS5's
// default is 1 MB). An import inserts a few megabytes per statement, so
// it writes a handful of segments instead of dozens, and the merges that
// keep the index compact have a fraction of the work.
func migrateImportHash(tx *sql.Tx) error {
	_, err := tx.Exec(`INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 16777216)`)
	return err
}

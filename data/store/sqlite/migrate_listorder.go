package sqlite

import "database/sql"

// migrateListOrder adds an index for each order of the article list, so that
// a project of a million articles lists its ids by date or by title from an
// index alone instead of reading (and sorting) every row, body included.
// Each index holds exactly the ORDER BY of articleListQuery, in both
// directions where the keys do not all reverse together.
func migrateListOrder(tx *sql.Tx) error {
	_, err := tx.Exec(`
CREATE INDEX articles_oldest ON articles(published = '', published, title COLLATE NOCASE, id);
CREATE INDEX articles_newest ON articles(published = '', published DESC, title COLLATE NOCASE, id);
CREATE INDEX articles_title ON articles(title COLLATE NOCASE, id);
`)
	return err
}

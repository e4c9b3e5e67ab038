package sqlite

import (
	"database/sql"
	"strings"
)

// CreateAtVersion writes a project file at an older schema version, for
// migration tests.
func CreateAtVersion(path string, version int) error {
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return err
	}
	defer db.Close()
	saved := migrations
	migrations = migrations[:version]
	defer func() { migrations = saved }()
	return migrate(db)
}

// ArticleIDsPlan returns SQLite's query plan for the ids ArticleIDs reads
// with f, one step a line.
func (s *Store) ArticleIDsPlan(f ArticleFilter) (string, error) {
	where, order, args, _ := articleListQuery(f)
	rows, err := s.r.Query(`EXPLAIN QUERY PLAN SELECT id FROM articles WHERE `+where+order, args...)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			return "", err
		}
		plan = append(plan, detail)
	}
	return strings.Join(plan, "\n"), rows.Err()
}

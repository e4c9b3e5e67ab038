package store

import "database/sql"

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

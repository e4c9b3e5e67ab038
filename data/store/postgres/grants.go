package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"

	"github.com/jackc/pgx/v5"
)

// groupRole names the group role of a project's analysts or readers. Role
// names are global to a PostgreSQL server, so they carry the database's
// name: attache_<database>_analyst and attache_<database>_reader (cut, with
// a hash to keep them apart, where that would pass PostgreSQL's 63 bytes).
func groupRole(database string, r Role) string {
	name := "attache_" + database + "_" + string(r)
	if len(name) <= 63 {
		return name
	}
	h := fnv.New32a()
	h.Write([]byte(database))
	return fmt.Sprintf("attache_%.38s_%08x_%s", database, h.Sum32(), r)
}

func ident(name string) string { return pgx.Identifier{name}.Sanitize() }

// execer runs statements; *sql.Tx and *sql.DB both are.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// ensureGroups creates the project's two group roles when missing, lets
// them connect while other roles of the server may not, and grants them
// their rights. It needs the CREATEROLE attribute.
func ensureGroups(ctx context.Context, tx execer, database string) error {
	for _, r := range []Role{RoleReader, RoleAnalyst} {
		g := groupRole(database, r)
		var exists bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)`, g).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			if _, err := tx.ExecContext(ctx, `CREATE ROLE `+ident(g)+` NOLOGIN`); err != nil {
				return err
			}
		}
	}
	db := ident(database)
	reader, analyst := ident(groupRole(database, RoleReader)), ident(groupRole(database, RoleAnalyst))
	for _, q := range []string{
		`REVOKE CONNECT, TEMPORARY ON DATABASE ` + db + ` FROM PUBLIC`,
		`GRANT CONNECT ON DATABASE ` + db + ` TO ` + reader + `, ` + analyst,
		`GRANT ` + reader + ` TO ` + analyst,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return grantToGroups(ctx, tx)
}

// grantToGroups gives the groups their rights on every table of the
// project as it stands (migrations call it after adding tables): readers
// may read, analysts may also insert, update and delete. Nothing when the
// groups do not exist yet.
func grantToGroups(ctx context.Context, tx execer) error {
	var database string
	if err := tx.QueryRowContext(ctx, `SELECT current_database()`).Scan(&database); err != nil {
		return err
	}
	reader, analyst := groupRole(database, RoleReader), groupRole(database, RoleAnalyst)
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM pg_roles WHERE rolname IN ($1, $2)`, reader, analyst).Scan(&n); err != nil {
		return err
	}
	if n < 2 {
		return nil
	}
	r, a := ident(reader), ident(analyst)
	for _, q := range []string{
		`GRANT USAGE ON SCHEMA ` + schemaName + ` TO ` + r,
		`GRANT SELECT ON ALL TABLES IN SCHEMA ` + schemaName + ` TO ` + r,
		`GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ` + schemaName + ` TO ` + a,
		`REVOKE INSERT, UPDATE, DELETE ON ` + schemaName + `.schema_version FROM ` + a,
		`GRANT USAGE ON ALL SEQUENCES IN SCHEMA ` + schemaName + ` TO ` + a,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

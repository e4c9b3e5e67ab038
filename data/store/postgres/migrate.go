package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"
)

// schemaName is the PostgreSQL schema that holds a project's tables.
const schemaName = "attache"

// Advisory lock keys (two int4 halves: "ATTC", then what is locked), held
// for a transaction: migrations run one after the other however many
// clients open a project at once, and so do imports.
const (
	lockSpace     = 0x41545443
	lockMigration = 1
	lockImport    = 2
)

// migrations bring the schema from version i to i+1; schema_version holds
// the number applied. Each runs in its own transaction. Never edit a
// released migration: append a new one.
var migrations = []func(ctx context.Context, tx *sql.Tx) error{
	migrateCore,
}

// SchemaVersion is the schema version this build reads and writes.
func SchemaVersion() int { return len(migrations) }

// migrate applies the missing migrations. Clients take the advisory lock
// before looking at the version they migrate from, so each migration runs
// once however many clients open the project at the same moment.
func migrate(ctx context.Context, db *sql.DB, loc *Location) error {
	version, err := schemaVersion(ctx, db)
	if err != nil {
		return fmt.Errorf("postgres: %s: read schema version: %w", loc.Redacted, err)
	}
	if version > len(migrations) {
		return newerSchema(loc, version)
	}
	for version < len(migrations) {
		done, err := migrateOne(ctx, db)
		if err != nil {
			var pgErr *pgconn.PgError
			if errors.As(err, &pgErr) && pgErr.Code == codeInsufficientPrivile {
				if done == 0 {
					return fmt.Errorf("postgres: %s: the project is not set up yet and %s may not create it: its owner opens it first", loc.Redacted, loc.User())
				}
				return fmt.Errorf("postgres: %s: the project's schema is version %d and this version of Attaché needs %d: its owner opens it with this version first", loc.Redacted, done, len(migrations))
			}
			return fmt.Errorf("postgres: %s: migrate to schema %d: %s", loc.Redacted, done+1, oneLine(err.Error()))
		}
		if done > len(migrations) {
			return newerSchema(loc, done)
		}
		version = done
	}
	return nil
}

func newerSchema(loc *Location, version int) error {
	return fmt.Errorf("postgres: %s: made by a newer version of Attaché (schema %d, this version reads up to %d)", loc.Redacted, version, len(migrations))
}

// migrateOne applies the next migration under the advisory lock and returns
// the version the project is at afterwards (or was at, on error).
func migrateOne(ctx context.Context, db *sql.DB) (int, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1, $2)`, lockSpace, lockMigration); err != nil {
		return 0, err
	}
	version, err := schemaVersion(ctx, tx)
	if err != nil {
		return 0, err
	}
	if version >= len(migrations) {
		return version, tx.Commit()
	}
	if version == 0 {
		if _, err := tx.ExecContext(ctx, `
CREATE SCHEMA IF NOT EXISTS `+schemaName+`;
CREATE TABLE `+schemaName+`.schema_version (version integer NOT NULL);
INSERT INTO `+schemaName+`.schema_version VALUES (0);`); err != nil {
			return 0, err
		}
	}
	if err := migrations[version](ctx, tx); err != nil {
		return version, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE `+schemaName+`.schema_version SET version = $1`, version+1); err != nil {
		return version, err
	}
	if err := grantToGroups(ctx, tx); err != nil {
		return version, err
	}
	return version + 1, tx.Commit()
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// schemaVersion reads the project's schema version: 0 when there is no
// project in the database yet.
func schemaVersion(ctx context.Context, q queryer) (int, error) {
	// Ask the catalog with a query, not to_regclass: a query sees what
	// committed before it began, while name lookups may use a cache that
	// is not yet told of a table another client created meanwhile.
	var exists bool
	if err := q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = $1 AND c.relname = 'schema_version')`, schemaName).Scan(&exists); err != nil {
		return 0, err
	}
	if !exists {
		return 0, nil
	}
	var v int
	err := q.QueryRowContext(ctx, `SELECT version FROM `+schemaName+`.schema_version`).Scan(&v)
	return v, err
}

// Package postgres keeps an Attaché project in a PostgreSQL database, for a
// team that works one project together: the engine behind
// --db postgres://USER[:PASSWORD]@HOST:PORT/DB?sslmode=….
//
// The project lives in the schema "attache" of its database. The first open
// by a role allowed to create it makes the schema; later versions migrate it
// in order, one client at a time (an advisory lock), and an older client
// refuses a newer schema.
//
// The database's owner is the project's owner. Members are PostgreSQL login
// roles that belong to one of the project's two group roles: analysts read
// and write, readers only read. The server enforces this with grants; a
// reader's write fails with ErrReadOnly and changes nothing.
package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/stdlib"

	"github.com/attache-app/attache/data/store"
)

// Role is what a member may do in a project.
type Role string

// The roles of a project's members.
const (
	RoleOwner   Role = "owner"   // created the project; manages members
	RoleAnalyst Role = "analyst" // reads and writes
	RoleReader  Role = "reader"  // only reads
)

// CanWrite reports whether a member in this role may change the project.
func (r Role) CanWrite() bool { return r == RoleOwner || r == RoleAnalyst }

// Options tune Open.
type Options struct {
	// Password is asked for the password when neither the URL, PGPASSWORD
	// nor ~/.pgpass gave one; redacted is the location to show. Nil: try
	// without one.
	Password func(redacted string) (string, error)
}

// Store is an open shared project. It is safe for concurrent use.
type Store struct {
	db       *sql.DB
	loc      *Location
	user     string
	role     Role
	database string
}

// Open connects to the project at a postgres:// location, creating its
// schema on the first open by a role allowed to, and migrating it to the
// current version. Every failure is one line that never holds the password.
func Open(ctx context.Context, location string, opts Options) (*Store, error) {
	loc, err := ParseLocation(location)
	if err != nil {
		return nil, err
	}
	if loc.NeedsPassword() && opts.Password != nil {
		pw, err := opts.Password(loc.Redacted)
		if err != nil {
			return nil, fmt.Errorf("postgres: %s: read password: %w", loc.Redacted, err)
		}
		loc.SetPassword(pw)
	}
	cfg := loc.config.Copy()
	cfg.RuntimeParams["search_path"] = schemaName
	cfg.RuntimeParams["application_name"] = "attache"
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(4)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, connectError(loc, err)
	}
	s := &Store{db: db, loc: loc, user: loc.User(), database: loc.Database()}
	if err := migrate(ctx, db, loc); err != nil {
		db.Close()
		return nil, err
	}
	if s.role, err = memberRole(ctx, db, loc.Database()); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: %s: %w", loc.Redacted, err)
	}
	return s, nil
}

// Location returns where the project lives, without its password.
func (s *Store) Location() string { return s.loc.Redacted }

// Path returns the same as Location: the project's name for display and
// for the list of recent projects.
func (s *Store) Path() string { return s.loc.Redacted }

// User is the member the store is connected as.
func (s *Store) User() string { return s.user }

// Role is what the connected member may do.
func (s *Store) Role() Role { return s.role }

// Close closes the connections.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("postgres: close %s: %w", s.loc.Redacted, err)
	}
	return nil
}

// memberRole finds the connected role's place in the project: the owner of
// the project's schema (or a superuser), or a member of its analyst or
// reader group.
func memberRole(ctx context.Context, db *sql.DB, database string) (Role, error) {
	var owner, super bool
	var analyst, reader sql.NullBool
	err := db.QueryRowContext(ctx, `
SELECT
	COALESCE((SELECT nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) FROM pg_namespace WHERE nspname = $1), false),
	(SELECT rolsuper FROM pg_roles WHERE rolname = current_user),
	CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $2) THEN pg_has_role(current_user, $2, 'USAGE') END,
	CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $3) THEN pg_has_role(current_user, $3, 'USAGE') END`,
		schemaName, groupRole(database, RoleAnalyst), groupRole(database, RoleReader)).
		Scan(&owner, &super, &analyst, &reader)
	if err != nil {
		return "", fmt.Errorf("find the member's role: %w", err)
	}
	switch {
	case owner || super:
		return RoleOwner, nil
	case analyst.Valid && analyst.Bool:
		return RoleAnalyst, nil
	case reader.Valid && reader.Bool:
		return RoleReader, nil
	}
	return "", errors.New("the connected role is not a member of this project")
}

// The engine implements the whole store API.
var _ store.Store = (*Store)(nil)

// ReadOnly reports whether the connected member's role, as the server
// grants it, only reads the project.
func (s *Store) ReadOnly() bool { return !s.role.CanWrite() }

// Member names the connected member and their role.
func (s *Store) Member() (name, role string) { return s.user, string(s.role) }

// The engine reports others' changes and the member's rights.
var (
	_ store.Watcher = (*Store)(nil)
	_ store.Access  = (*Store)(nil)
)

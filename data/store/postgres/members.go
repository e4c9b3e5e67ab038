package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Member is one person who may open a shared project.
type Member struct {
	Name string
	Role Role
}

// ErrNotOwner is returned (wrapped) when someone other than the project's
// owner tries to manage its members.
var ErrNotOwner = errors.New("only the project's owner manages its members")

var memberName = regexp.MustCompile(`^[\p{L}_][\p{L}\p{N}_.-]{0,62}$`)

// AddMember gives name the role (analyst or reader) in the project. A name
// that is not yet a login role of the server becomes one, with password
// (which must not be empty then); an existing login keeps its password. It
// reports whether the login was created.
func (s *Store) AddMember(ctx context.Context, name string, role Role, password string) (created bool, err error) {
	if role != RoleAnalyst && role != RoleReader {
		return false, fmt.Errorf("postgres: add member %s: the role is analyst or reader, not %q", name, role)
	}
	if !memberName.MatchString(name) || strings.HasPrefix(strings.ToLower(name), "pg_") {
		return false, fmt.Errorf("postgres: add member %q: a member's name is a letter or _ followed by up to 62 letters, digits, _ . or -", name)
	}
	if err := s.mustOwn("add member " + name); err != nil {
		return false, err
	}
	if name == s.user {
		return false, fmt.Errorf("postgres: add member %s: %s is the project's owner", name, name)
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if err := ensureGroups(ctx, tx, s.database); err != nil {
			return err
		}
		var exists bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)`, name).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			if password == "" {
				return errors.New("a new member needs a password")
			}
			// CREATE ROLE takes no parameters, and the server may log the
			// statement: it gets the password's SCRAM verifier, never the
			// password.
			verifier, err := scramVerifier(password)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `CREATE ROLE `+ident(name)+` LOGIN PASSWORD `+quoteLiteral(verifier)); err != nil {
				return err
			}
			created = true
		}
		other, this := groupRole(s.database, RoleReader), groupRole(s.database, role)
		if role == RoleReader {
			other = groupRole(s.database, RoleAnalyst)
		}
		if _, err := tx.ExecContext(ctx, `REVOKE `+ident(other)+` FROM `+ident(name)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `GRANT `+ident(this)+` TO `+ident(name))
		return err
	})
	if err != nil {
		return false, s.memberError("add member "+name, err)
	}
	return created, nil
}

// Members lists the project's members by name; the owner comes first.
func (s *Store) Members(ctx context.Context) ([]Member, error) {
	rows, err := s.db.QueryContext(ctx, `
SELECT pg_get_userbyid(nspowner), 'owner', 0 FROM pg_namespace WHERE nspname = $1
UNION ALL
SELECT m.rolname, CASE g.rolname WHEN $2 THEN 'analyst' ELSE 'reader' END, 1
FROM pg_auth_members am
JOIN pg_roles g ON g.oid = am.roleid
JOIN pg_roles m ON m.oid = am.member
WHERE g.rolname IN ($2, $3) AND m.rolcanlogin
ORDER BY 3, 1`, schemaName, groupRole(s.database, RoleAnalyst), groupRole(s.database, RoleReader))
	if err != nil {
		return nil, s.queryError("list members", err)
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		var m Member
		var order int
		if err := rows.Scan(&m.Name, &m.Role, &order); err != nil {
			return nil, s.queryError("list members", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// RemoveMember takes name out of the project. The login itself is dropped
// when it belongs to no other project and owns nothing on the server;
// otherwise it stays for the projects it still belongs to.
func (s *Store) RemoveMember(ctx context.Context, name string) error {
	if err := s.mustOwn("remove member " + name); err != nil {
		return err
	}
	members, err := s.Members(ctx)
	if err != nil {
		return err
	}
	found := false
	for _, m := range members {
		if m.Name == name && m.Role != RoleOwner {
			found = true
		}
	}
	if !found {
		return fmt.Errorf("postgres: remove member %s: not a member of this project", name)
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		for _, r := range []Role{RoleAnalyst, RoleReader} {
			if _, err := tx.ExecContext(ctx, `REVOKE `+ident(groupRole(s.database, r))+` FROM `+ident(name)); err != nil {
				return err
			}
		}
		var others int
		if err := tx.QueryRowContext(ctx, `
SELECT count(*) FROM pg_auth_members am JOIN pg_roles m ON m.oid = am.member
WHERE m.rolname = $1`, name).Scan(&others); err != nil {
			return err
		}
		if others > 0 {
			return nil
		}
		// A login that owns objects cannot be dropped; it then stays.
		if _, err := tx.ExecContext(ctx, `SAVEPOINT drop_login`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DROP ROLE `+ident(name)); err != nil {
			_, err = tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT drop_login`)
			return err
		}
		return nil
	})
	if err != nil {
		return s.memberError("remove member "+name, err)
	}
	return nil
}

func (s *Store) mustOwn(what string) error {
	if s.role != RoleOwner {
		return fmt.Errorf("postgres: %s: %s is a %s: %w", what, s.user, s.role, ErrNotOwner)
	}
	return nil
}

// memberError explains the server's refusals in a member command.
func (s *Store) memberError(what string, err error) error {
	if strings.Contains(err.Error(), "permission denied to create role") ||
		strings.Contains(err.Error(), "must have CREATEROLE") ||
		strings.Contains(err.Error(), "permission denied to grant role") {
		return fmt.Errorf("postgres: %s: %s may not create or grant roles on this server (ask its administrator for CREATEROLE)", what, s.user)
	}
	return s.queryError(what, err)
}

func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// quoteLiteral quotes s as an SQL string literal (standard_conforming_strings
// is on in every supported PostgreSQL).
func quoteLiteral(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

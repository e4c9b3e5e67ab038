package postgres

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
)

// SQLSTATE codes the engine tells apart.
const (
	codeInvalidPassword     = "28P01"
	codeInvalidAuthSpec     = "28000"
	codeInvalidCatalog      = "3D000"
	codeInsufficientPrivile = "42501"
	codeUndefinedTable      = "42P01"
	codeInvalidSchema       = "3F000"
)

// ErrReadOnly is returned (wrapped) when a member who may only read tries to
// change the project.
var ErrReadOnly = errors.New("the project is read-only for this member")

// connectError turns a failed connection into one line that says what went
// wrong in the user's terms. It never includes the password.
func connectError(loc *Location, err error) error {
	where := loc.Redacted
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case codeInvalidPassword, codeInvalidAuthSpec:
			return fmt.Errorf("postgres: %s: wrong user name or password for %s", where, loc.User())
		case codeInvalidCatalog:
			return fmt.Errorf("postgres: %s: there is no database %q on %s", where, loc.Database(), loc.Address())
		case codeInsufficientPrivile:
			return fmt.Errorf("postgres: %s: %s may not connect to database %q (not a member of this project)", where, loc.User(), loc.Database())
		}
		return fmt.Errorf("postgres: %s: %s", where, oneLine(pgErr.Message))
	}
	if pgconn.Timeout(err) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("postgres: %s: no answer from %s within %s", where, loc.Address(), loc.config.ConnectTimeout)
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		return fmt.Errorf("postgres: %s: no PostgreSQL server at %s (connection refused)", where, loc.Address())
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return fmt.Errorf("postgres: %s: unknown host %s", where, loc.config.Host)
	}
	if strings.Contains(err.Error(), "server requested a password") {
		return fmt.Errorf("postgres: %s: the server asks for a password and none was given (put it in PGPASSWORD or answer the prompt)", where)
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) {
		return fmt.Errorf("postgres: %s: cannot reach %s: %s", where, loc.Address(), oneLine(opErr.Err.Error()))
	}
	return fmt.Errorf("postgres: %s: %s", where, oneLine(lastPart(err.Error())))
}

// queryError names the member and says the project is read-only when the
// server refused a write for lack of privilege; other errors pass through.
func (s *Store) queryError(what string, err error) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == codeInsufficientPrivile {
		return fmt.Errorf("postgres: %s: %s is a %s: %w", what, s.user, s.role, ErrReadOnly)
	}
	if errors.As(err, &pgErr) {
		return fmt.Errorf("postgres: %s: %s", what, oneLine(pgErr.Message))
	}
	return fmt.Errorf("postgres: %s: %w", what, err)
}

// oneLine keeps the first line of a message.
func oneLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// lastPart keeps what follows pgx's "failed to connect to …:" prefixes.
func lastPart(s string) string {
	s = oneLine(strings.ReplaceAll(s, "\n\t", " "))
	if i := strings.LastIndex(s, "): "); i >= 0 {
		return s[i+3:]
	}
	return s
}

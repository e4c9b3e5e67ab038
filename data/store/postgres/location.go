package postgres

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// ConnectTimeout is how long Open waits for a server that does not answer,
// unless the URL sets connect_timeout.
const ConnectTimeout = 10 * time.Second

// IsURL reports whether location names a PostgreSQL server
// (postgres://… or postgresql://…) rather than a project file.
func IsURL(location string) bool {
	l := strings.ToLower(location)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// Redact returns location without any password in it: the form to print,
// log or keep in a list of recent projects. A location that is not a
// postgres:// URL is returned as it is.
func Redact(location string) string {
	if !IsURL(location) {
		return location
	}
	u, err := url.Parse(location)
	if err != nil {
		// Do not echo back what could not be parsed: it may hold a password.
		return "postgres://(unreadable URL)"
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	if q.Has("password") {
		q.Del("password")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// HasPassword reports whether a postgres:// location carries a password.
func HasPassword(location string) bool {
	u, err := url.Parse(location)
	if err != nil {
		return false
	}
	if u.User != nil {
		if _, ok := u.User.Password(); ok {
			return true
		}
	}
	return u.Query().Has("password")
}

// Location is a parsed postgres:// project location.
type Location struct {
	config *pgx.ConnConfig
	// Redacted is the location without its password, for display.
	Redacted string
}

// ParseLocation reads a postgres://USER[:PASSWORD]@HOST:PORT/DB?sslmode=…
// URL. Without a password in the URL, the PGPASSWORD environment variable
// and ~/.pgpass are used, as libpq does; NeedsPassword reports when neither
// gave one.
func ParseLocation(location string) (*Location, error) {
	redacted := Redact(location)
	if !IsURL(location) {
		return nil, fmt.Errorf("postgres: %s: not a postgres:// URL", redacted)
	}
	u, err := url.Parse(location)
	if err != nil {
		return nil, fmt.Errorf("postgres: %s: not a valid URL", redacted)
	}
	if strings.Trim(u.Path, "/") == "" {
		return nil, fmt.Errorf("postgres: %s: the URL names no database (postgres://USER@HOST:PORT/DATABASE)", redacted)
	}
	if u.User == nil || u.User.Username() == "" {
		return nil, fmt.Errorf("postgres: %s: the URL names no user (postgres://USER@HOST:PORT/DATABASE)", redacted)
	}
	cfg, err := pgx.ParseConfig(location)
	if err != nil {
		// pgx's message may quote the URL, password included: keep only
		// that the URL was refused.
		return nil, fmt.Errorf("postgres: %s: not a valid connection URL", redacted)
	}
	if !u.Query().Has("connect_timeout") {
		cfg.ConnectTimeout = ConnectTimeout
	}
	return &Location{config: cfg, Redacted: redacted}, nil
}

// User is the role the location connects as.
func (l *Location) User() string { return l.config.User }

// Database is the database the location names.
func (l *Location) Database() string { return l.config.Database }

// Address is host:port of the server.
func (l *Location) Address() string {
	return fmt.Sprintf("%s:%d", l.config.Host, l.config.Port)
}

// NeedsPassword reports whether no password was given by the URL,
// PGPASSWORD or ~/.pgpass.
func (l *Location) NeedsPassword() bool { return l.config.Password == "" }

// SetPassword sets the password to connect with.
func (l *Location) SetPassword(password string) { l.config.Password = password }

// errNoPassword is returned when a password is needed and none was given.
var errNoPassword = errors.New("no password given")

// ConnectTimeout is how long opening waits for the server to answer.
func (l *Location) ConnectTimeout() time.Duration { return l.config.ConnectTimeout }

// Package pgtest runs a throwaway PostgreSQL server for tests: a cluster of
// its own made with initdb in a temporary folder, started with pg_ctl on a
// free local port (its Unix socket in that folder too), and stopped and
// removed afterwards.
//
// PostgreSQL refuses to run as root. When the tests run as root (as CI does)
// the server runs as the "postgres" system user that Debian's postgresql
// package creates (or "nobody" where there is none), through runuser, with
// the cluster folder handed to that user.
//
// A test package calls Main from TestMain; its first Get starts the
// package's one cluster, which Main stops after the tests. When the PostgreSQL binaries are missing, Get fails the test when
// CI=true and skips it (with the reason) otherwise.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// Superuser is the name of the cluster's superuser.
const Superuser = "attache_admin"

// Cluster is a running throwaway PostgreSQL server.
type Cluster struct {
	// Dir holds the data folder, the socket and the server log.
	Dir string
	// Port is the TCP port the server listens on at 127.0.0.1.
	Port int
	// Password is the superuser's password.
	Password string

	bin   string // folder of initdb, pg_ctl, postgres
	runAs string // system user the server runs as, "" for the current one
}

// ErrNoServer is returned (wrapped) when the PostgreSQL binaries are missing.
var ErrNoServer = errors.New("PostgreSQL server binaries (initdb, pg_ctl) not found; install the Debian package postgresql (scripts/install-deps.sh test)")

// FindBin returns the folder holding initdb and pg_ctl: the newest
// /usr/lib/postgresql/*/bin, else the folder of initdb on PATH.
func FindBin() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return majorOf(dirs[i]) > majorOf(dirs[j]) })
	for _, d := range dirs {
		if isExec(filepath.Join(d, "initdb")) && isExec(filepath.Join(d, "pg_ctl")) {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		d := filepath.Dir(p)
		if isExec(filepath.Join(d, "pg_ctl")) {
			return d, nil
		}
	}
	return "", ErrNoServer
}

func majorOf(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

func isExec(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0
}

// Start makes and starts a new cluster. Stop it with Stop.
func Start() (*Cluster, error) {
	bin, err := FindBin()
	if err != nil {
		return nil, err
	}
	c := &Cluster{bin: bin, Password: "admin-" + strconv.FormatInt(time.Now().UnixNano(), 36)}
	c.Dir, err = os.MkdirTemp("", "attache-pg-")
	if err != nil {
		return nil, fmt.Errorf("pgtest: %w", err)
	}
	if os.Geteuid() == 0 {
		if err := c.handOver(); err != nil {
			os.RemoveAll(c.Dir)
			return nil, err
		}
	}
	pwfile := filepath.Join(c.Dir, "pwfile")
	if err := os.WriteFile(pwfile, []byte(c.Password+"\n"), 0o600); err != nil {
		return nil, c.cleanup(err)
	}
	if err := c.chown(pwfile); err != nil {
		return nil, c.cleanup(err)
	}
	if out, err := c.run("initdb", "-D", c.dataDir(), "-U", Superuser, "--pwfile", pwfile,
		"--auth", "scram-sha-256", "-E", "UTF8", "--locale", "C.UTF-8", "--no-sync"); err != nil {
		return nil, c.cleanup(fmt.Errorf("pgtest: initdb: %v: %s", err, out))
	}
	os.Remove(pwfile)
	// A free port can be taken between asking for it and the server binding
	// it; try a few.
	for try := 0; ; try++ {
		c.Port, err = freePort()
		if err != nil {
			return nil, c.cleanup(err)
		}
		opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=32MB -c max_connections=60",
			c.Port, c.Dir)
		out, err := c.run("pg_ctl", "start", "-w", "-t", "60", "-D", c.dataDir(), "-l", filepath.Join(c.Dir, "server.log"), "-o", opts)
		if err == nil {
			return c, nil
		}
		if try == 2 {
			log, _ := os.ReadFile(filepath.Join(c.Dir, "server.log"))
			return nil, c.cleanup(fmt.Errorf("pgtest: pg_ctl start: %v: %s\n%s", err, out, lastLines(string(log), 10)))
		}
	}
}

// handOver picks the system user the server runs as and gives it the folder.
func (c *Cluster) handOver() error {
	for _, name := range []string{"postgres", "nobody"} {
		if _, err := user.Lookup(name); err == nil {
			c.runAs = name
			break
		}
	}
	if c.runAs == "" {
		return errors.New("pgtest: running as root and there is no postgres or nobody user to run the server as")
	}
	if _, err := exec.LookPath("runuser"); err != nil {
		return errors.New("pgtest: running as root and runuser (util-linux) is missing")
	}
	if err := c.chown(c.Dir); err != nil {
		return err
	}
	// The server must reach its folder: every folder above it has to be
	// searchable by that user.
	for d := filepath.Dir(c.Dir); d != "/"; d = filepath.Dir(d) {
		fi, err := os.Stat(d)
		if err != nil {
			return fmt.Errorf("pgtest: %w", err)
		}
		if fi.Mode().Perm()&0o001 == 0 {
			return fmt.Errorf("pgtest: %s is not searchable by the %s user the server runs as; set TMPDIR to a folder it can reach", d, c.runAs)
		}
	}
	return nil
}

func (c *Cluster) chown(path string) error {
	if c.runAs == "" {
		return nil
	}
	u, err := user.Lookup(c.runAs)
	if err != nil {
		return fmt.Errorf("pgtest: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(path, uid, gid); err != nil {
		return fmt.Errorf("pgtest: hand %s to %s: %w", path, c.runAs, err)
	}
	return nil
}

// run runs one of the server's programs, as the server's user.
func (c *Cluster) run(prog string, args ...string) (string, error) {
	path := filepath.Join(c.bin, prog)
	var cmd *exec.Cmd
	if c.runAs != "" {
		cmd = exec.Command("runuser", append([]string{"-u", c.runAs, "--", path}, args...)...)
	} else {
		cmd = exec.Command(path, args...)
	}
	cmd.Dir = c.Dir
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	out, err := cmd.CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

func (c *Cluster) dataDir() string { return filepath.Join(c.Dir, "data") }

func (c *Cluster) cleanup(err error) error {
	os.RemoveAll(c.Dir)
	return err
}

// Stop stops the server at once and removes its folder.
func (c *Cluster) Stop() error {
	out, err := c.run("pg_ctl", "stop", "-w", "-m", "immediate", "-D", c.dataDir())
	rmErr := os.RemoveAll(c.Dir)
	if err != nil {
		return fmt.Errorf("pgtest: pg_ctl stop: %v: %s", err, out)
	}
	return rmErr
}

// URL returns a postgres:// URL for user (with password, unless empty) and
// database db on this server, over TCP, without TLS.
func (c *Cluster) URL(user, password, db string) string {
	u := url.URL{Scheme: "postgres", User: url.User(user), Host: fmt.Sprintf("127.0.0.1:%d", c.Port), Path: "/" + db, RawQuery: "sslmode=disable"}
	if password != "" {
		u.User = url.UserPassword(user, password)
	}
	return u.String()
}

// AdminURL returns the superuser's URL for database db.
func (c *Cluster) AdminURL(db string) string { return c.URL(Superuser, c.Password, db) }

// Exec runs SQL statements as the superuser in database db.
func (c *Cluster) Exec(ctx context.Context, db string, sql ...string) error {
	conn, err := pgx.Connect(ctx, c.AdminURL(db))
	if err != nil {
		return fmt.Errorf("pgtest: connect to %s: %w", db, err)
	}
	defer conn.Close(ctx)
	for _, q := range sql {
		if _, err := conn.Exec(ctx, q); err != nil {
			return fmt.Errorf("pgtest: %s: %w", q, err)
		}
	}
	return nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pgtest: find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// QueryRow runs one query as the superuser in database db and scans its row.
func (c *Cluster) QueryRow(ctx context.Context, db, sql string, dest ...any) error {
	conn, err := pgx.Connect(ctx, c.AdminURL(db))
	if err != nil {
		return fmt.Errorf("pgtest: connect to %s: %w", db, err)
	}
	defer conn.Close(ctx)
	if err := conn.QueryRow(ctx, sql).Scan(dest...); err != nil {
		return fmt.Errorf("pgtest: %s: %w", sql, err)
	}
	return nil
}

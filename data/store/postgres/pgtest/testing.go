package pgtest

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

var (
	once     sync.Once
	mainRan  bool
	shared   *Cluster
	startErr error
	counter  atomic.Int64
)

// Main runs a test package's tests and then stops its cluster, which the
// first Get started (packages whose tests never ask pay nothing). Call it
// from TestMain: os.Exit(pgtest.Main(m)).
func Main(m *testing.M) int {
	mainRan = true
	code := m.Run()
	if shared != nil {
		if err := shared.Stop(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			if code == 0 {
				code = 1
			}
		}
	}
	return code
}

// Get returns the package's cluster. Without one it fails the test, or skips
// it with the reason when the binaries are missing outside CI.
func Get(t testing.TB) *Cluster {
	t.Helper()
	if !mainRan {
		t.Fatal("pgtest: call pgtest.Main from TestMain, so that the cluster is stopped")
	}
	once.Do(func() { shared, startErr = Start() })
	if shared != nil {
		return shared
	}
	err := startErr
	if os.Getenv("CI") != "true" && strings.Contains(err.Error(), ErrNoServer.Error()) {
		t.Skip(err)
	}
	t.Fatal(err)
	return nil
}

// Project is an empty database on the test cluster, owned by a role of its
// own that may create roles (as a project's owner must, to add members).
type Project struct {
	Cluster  *Cluster
	DB       string
	Owner    string
	Password string
}

// NewProject creates a fresh database and owner role for one test; both are
// dropped when the test ends.
func NewProject(t testing.TB) *Project {
	t.Helper()
	c := Get(t)
	n := counter.Add(1)
	p := &Project{
		Cluster:  c,
		DB:       fmt.Sprintf("project_%d_%d", os.Getpid(), n),
		Owner:    fmt.Sprintf("owner_%d_%d", os.Getpid(), n),
		Password: fmt.Sprintf("pw-%d-secret", n),
	}
	ctx := context.Background()
	if err := c.Exec(ctx, "postgres",
		fmt.Sprintf(`CREATE ROLE %s LOGIN CREATEROLE PASSWORD '%s'`, p.Owner, p.Password),
		fmt.Sprintf(`CREATE DATABASE %s OWNER %s`, p.DB, p.Owner),
	); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		err := c.Exec(context.Background(), "postgres",
			fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, p.DB))
		if err != nil {
			t.Error(err)
		}
	})
	return p
}

// OwnerURL is the owner's URL with the password in it.
func (p *Project) OwnerURL() string { return p.Cluster.URL(p.Owner, p.Password, p.DB) }

// URL is user's URL (password included unless empty) for this project.
func (p *Project) URL(user, password string) string { return p.Cluster.URL(user, password, p.DB) }

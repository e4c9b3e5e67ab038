package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/attache-app/attache/data/store/postgres"
	"github.com/attache-app/attache/data/store/postgres/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// open opens url or fails the test; the store is closed when the test ends.
func open(t *testing.T, url string) *postgres.Store {
	t.Helper()
	st, err := postgres.Open(context.Background(), url, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// oneLine fails the test unless err is a single line without secret in it.
func oneLine(t *testing.T, err error, secret string) string {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if strings.Contains(msg, "\n") {
		t.Errorf("error is more than one line: %q", msg)
	}
	if secret != "" && strings.Contains(msg, secret) {
		t.Errorf("error shows the password: %q", msg)
	}
	return msg
}

func TestFirstOpensAtOnceCreateTheSchemaOnce(t *testing.T) {
	p := pgtest.NewProject(t)
	ctx := context.Background()
	const clients = 4
	var wg sync.WaitGroup
	errs := make([]error, clients)
	for i := range clients {
		wg.Go(func() {
			st, err := postgres.Open(ctx, p.OwnerURL(), postgres.Options{})
			if err == nil {
				st.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("client %d: %v", i, err)
		}
	}
	st := open(t, p.OwnerURL())
	if st.Role() != postgres.RoleOwner {
		t.Errorf("the database's owner opens as %q", st.Role())
	}
	if id, err := st.CreateTag(ctx, storeTag("Diplomacy")); err != nil || id == 0 {
		t.Fatalf("create tag in the new schema: id %d, %v", id, err)
	}
	var version int
	if err := p.Cluster.QueryRow(ctx, p.DB, `SELECT version FROM attache.schema_version`, &version); err != nil {
		t.Fatal(err)
	}
	if version != postgres.SchemaVersion() {
		t.Fatalf("schema version %d, want %d", version, postgres.SchemaVersion())
	}
	var rows int
	if err := p.Cluster.QueryRow(ctx, p.DB, `SELECT count(*) FROM attache.schema_version`, &rows); err != nil || rows != 1 {
		t.Fatalf("schema_version has %d rows (%v), want 1", rows, err)
	}
}

func TestOlderClientRefusesNewerSchema(t *testing.T) {
	p := pgtest.NewProject(t)
	open(t, p.OwnerURL()).Close()
	ctx := context.Background()
	if err := p.Cluster.Exec(ctx, p.DB, fmt.Sprintf(`UPDATE attache.schema_version SET version = %d`, postgres.SchemaVersion()+1)); err != nil {
		t.Fatal(err)
	}
	_, err := postgres.Open(ctx, p.OwnerURL(), postgres.Options{})
	msg := oneLine(t, err, p.Password)
	want := fmt.Sprintf("made by a newer version of Attaché (schema %d, this version reads up to %d)", postgres.SchemaVersion()+1, postgres.SchemaVersion())
	if !strings.Contains(msg, want) {
		t.Fatalf("error %q does not say %q", msg, want)
	}
}

func TestRoleThatMayNotCreateTablesCannotSetUpAProject(t *testing.T) {
	p := pgtest.NewProject(t)
	ctx := context.Background()
	user := p.DB + "_guest"
	if err := p.Cluster.Exec(ctx, p.DB, `CREATE ROLE `+user+` LOGIN PASSWORD 'guest-pw'`); err != nil {
		t.Fatal(err)
	}
	_, err := postgres.Open(ctx, p.URL(user, "guest-pw"), postgres.Options{})
	msg := oneLine(t, err, "guest-pw")
	if !strings.Contains(msg, "not set up yet") || !strings.Contains(msg, user) {
		t.Fatalf("error %q does not say the project is not set up and who may not create it", msg)
	}
	var schemas int
	if err := p.Cluster.QueryRow(ctx, p.DB, `SELECT count(*) FROM pg_namespace WHERE nspname = 'attache'`, &schemas); err != nil || schemas != 0 {
		t.Fatalf("%d attache schemas after a refused set-up (%v)", schemas, err)
	}
}

func TestConnectionFailuresAreOneClearLine(t *testing.T) {
	p := pgtest.NewProject(t)
	open(t, p.OwnerURL()).Close()
	ctx := context.Background()

	// A port where nothing listens.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedPort := l.Addr().(*net.TCPAddr).Port
	l.Close()

	// A server that accepts connections and never answers.
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	var held []net.Conn
	var mu sync.Mutex
	go func() {
		for {
			c, err := silent.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			held = append(held, c)
			mu.Unlock()
		}
	}()
	defer func() {
		mu.Lock()
		for _, c := range held {
			c.Close()
		}
		mu.Unlock()
	}()

	cases := []struct {
		name, url, want string
		within          time.Duration
	}{
		{"wrong password", p.URL(p.Owner, "not-the-password"), "wrong user name or password for " + p.Owner, 5 * time.Second},
		{"unknown user", p.URL("nobody_here", "whatever-pw"), "wrong user name or password for nobody_here", 5 * time.Second},
		{"missing database", p.Cluster.URL(p.Owner, p.Password, "no_such_project"), `there is no database "no_such_project" on 127.0.0.1:`, 5 * time.Second},
		{"nothing listening", fmt.Sprintf("postgres://%s:%s@127.0.0.1:%d/%s?sslmode=disable", p.Owner, p.Password, closedPort, p.DB),
			"no PostgreSQL server at 127.0.0.1:", 5 * time.Second},
		{"server not answering", fmt.Sprintf("postgres://%s:%s@%s/%s?sslmode=disable&connect_timeout=1", p.Owner, p.Password, silent.Addr(), p.DB),
			"no answer from " + silent.Addr().String() + " within 1s", 5 * time.Second},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			began := time.Now()
			_, err := postgres.Open(ctx, c.url, postgres.Options{})
			took := time.Since(began)
			msg := oneLine(t, err, "not-the-password")
			if strings.Contains(msg, p.Password) || strings.Contains(msg, "whatever-pw") {
				t.Errorf("error shows a password: %q", msg)
			}
			if !strings.Contains(msg, c.want) {
				t.Errorf("error %q does not say %q", msg, c.want)
			}
			if took > c.within {
				t.Errorf("took %s to fail", took)
			}
		})
	}
}

func TestConnectTimeoutDefaultsToTenSeconds(t *testing.T) {
	loc, err := postgres.ParseLocation("postgres://alice@db.example:5432/desk?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	if got := loc.ConnectTimeout(); got != 10*time.Second {
		t.Fatalf("connect timeout %s, want 10s", got)
	}
	loc, err = postgres.ParseLocation("postgres://alice@db.example:5432/desk?connect_timeout=3")
	if err != nil {
		t.Fatal(err)
	}
	if got := loc.ConnectTimeout(); got != 3*time.Second {
		t.Fatalf("connect timeout %s, want the URL's 3s", got)
	}
}

func TestPasswordAskedOnlyWhenMissing(t *testing.T) {
	p := pgtest.NewProject(t)
	ctx := context.Background()
	t.Setenv("PGPASSWORD", "")
	t.Setenv("PGPASSFILE", os.DevNull)
	asked := ""
	st, err := postgres.Open(ctx, p.URL(p.Owner, ""), postgres.Options{Password: func(loc string) (string, error) {
		asked = loc
		return p.Password, nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if asked == "" || strings.Contains(asked, p.Password) {
		t.Fatalf("prompt shown for %q", asked)
	}
	if st.Location() != asked {
		t.Errorf("store location %q, prompt location %q", st.Location(), asked)
	}

	t.Setenv("PGPASSWORD", p.Password)
	st, err = postgres.Open(ctx, p.URL(p.Owner, ""), postgres.Options{Password: func(string) (string, error) {
		return "", errors.New("asked although PGPASSWORD is set")
	}})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
}

func postgresOpen(url string) (*postgres.Store, error) {
	return postgres.Open(context.Background(), url, postgres.Options{})
}

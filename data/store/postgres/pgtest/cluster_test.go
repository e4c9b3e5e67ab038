package pgtest_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/attache-app/attache/data/store/postgres/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func TestClusterAnswersOnTCPAndSocketWithPasswords(t *testing.T) {
	c := pgtest.Get(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, c.AdminURL("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var version string
	if err := conn.QueryRow(ctx, `SHOW server_version`).Scan(&version); err != nil {
		t.Fatal(err)
	}
	t.Logf("server %s on port %d in %s", version, c.Port, c.Dir)

	sock := filepath.Join(c.Dir, ".s.PGSQL."+strconv.Itoa(c.Port))
	if _, err := os.Stat(sock); err != nil {
		t.Fatalf("socket not in the cluster folder: %v", err)
	}
	viaSocket, err := pgx.Connect(ctx, "host="+c.Dir+" port="+strconv.Itoa(c.Port)+" user="+pgtest.Superuser+" password="+c.Password+" dbname=postgres")
	if err != nil {
		t.Fatalf("connect through the socket: %v", err)
	}
	viaSocket.Close(ctx)

	if bad, err := pgx.Connect(ctx, c.URL(pgtest.Superuser, "wrong", "postgres")); err == nil {
		bad.Close(ctx)
		t.Fatal("a wrong password was accepted: the cluster must ask for passwords")
	}
}

func TestNewProjectGivesAnEmptyDatabaseItsOwnerCanUse(t *testing.T) {
	p := pgtest.NewProject(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, p.OwnerURL())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var owner string
	if err := conn.QueryRow(ctx, `SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()`).Scan(&owner); err != nil {
		t.Fatal(err)
	}
	if owner != p.Owner {
		t.Fatalf("database owned by %q, want %q", owner, p.Owner)
	}
}

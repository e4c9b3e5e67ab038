package postgres_test

import (
	"context"
	"testing"

	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/postgres"
	"github.com/attache-app/attache/data/store/postgres/pgtest"
)

func TestAccessFollowsTheServersGrants(t *testing.T) {
	p := pgtest.NewProject(t)
	ctx := context.Background()
	owner := open(t, p.OwnerURL())
	member := p.DB + "_sam"
	if _, err := owner.AddMember(ctx, member, postgres.RoleAnalyst, "sam-pw"); err != nil {
		t.Fatal(err)
	}
	access := func(url string) store.Access {
		t.Helper()
		var st store.Store = open(t, url)
		a, ok := st.(store.Access)
		if !ok {
			t.Fatal("a shared project does not tell what its member may do")
		}
		return a
	}
	if a := access(p.OwnerURL()); a.ReadOnly() {
		t.Error("the owner's project is read-only")
	}
	a := access(p.URL(member, "sam-pw"))
	if name, role := a.Member(); a.ReadOnly() || name != member || role != "analyst" {
		t.Errorf("analyst: read-only %v, member %s, role %s", a.ReadOnly(), name, role)
	}

	// The owner makes Sam a reader: Sam's next open only reads.
	if _, err := owner.AddMember(ctx, member, postgres.RoleReader, ""); err != nil {
		t.Fatal(err)
	}
	a = access(p.URL(member, "sam-pw"))
	if name, role := a.Member(); !a.ReadOnly() || name != member || role != "reader" {
		t.Errorf("reader: read-only %v, member %s, role %s", a.ReadOnly(), name, role)
	}
}

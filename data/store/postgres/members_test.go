package postgres_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/store/postgres"
	"github.com/attache-app/attache/data/store/postgres/pgtest"
)

func TestMembersAnalystWritesReaderOnlyReads(t *testing.T) {
	p := pgtest.NewProject(t)
	ctx := context.Background()
	owner := open(t, p.OwnerURL())
	analyst, reader := p.DB+"_ana", p.DB+"_rea"
	if created, err := owner.AddMember(ctx, analyst, postgres.RoleAnalyst, "ana-pw"); err != nil || !created {
		t.Fatalf("add analyst: created=%v %v", created, err)
	}
	if _, err := owner.AddMember(ctx, reader, postgres.RoleReader, "rea-pw"); err != nil {
		t.Fatal(err)
	}
	members, err := owner.Members(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []postgres.Member{{Name: p.Owner, Role: postgres.RoleOwner}, {Name: analyst, Role: postgres.RoleAnalyst}, {Name: reader, Role: postgres.RoleReader}}
	if !slices.Equal(members, want) {
		t.Fatalf("members %v, want %v", members, want)
	}

	a := open(t, p.URL(analyst, "ana-pw"))
	if a.Role() != postgres.RoleAnalyst {
		t.Fatalf("analyst opens as %q", a.Role())
	}
	if _, err := a.CreateTag(ctx, storeTag("Sanctions")); err != nil {
		t.Fatalf("analyst's write refused: %v", err)
	}

	r := open(t, p.URL(reader, "rea-pw"))
	if r.Role() != postgres.RoleReader {
		t.Fatalf("reader opens as %q", r.Role())
	}
	tags, err := r.Tags(ctx)
	if err != nil || len(tags) != 1 || tags[0].Name != "Sanctions" {
		t.Fatalf("reader reads tags %v, %v", tags, err)
	}
	_, err = r.CreateTag(ctx, storeTag("Mine"))
	msg := oneLine(t, err, "rea-pw")
	if !errors.Is(err, postgres.ErrReadOnly) || !strings.Contains(msg, reader+" is a reader") || !strings.Contains(msg, "read-only") {
		t.Fatalf("reader's write error %q does not name the role and say read-only", msg)
	}
	if tags, _ := owner.Tags(ctx); len(tags) != 1 {
		t.Fatalf("reader's refused write changed the project: %v", tags)
	}

	// Only the owner manages members.
	if _, err := a.AddMember(ctx, "intruder", postgres.RoleAnalyst, "x"); !errors.Is(err, postgres.ErrNotOwner) {
		t.Fatalf("analyst adding a member: %v", err)
	}

	// A reader promoted to analyst may write; removed, may not connect.
	if _, err := owner.AddMember(ctx, reader, postgres.RoleAnalyst, ""); err != nil {
		t.Fatal(err)
	}
	promoted := open(t, p.URL(reader, "rea-pw"))
	if promoted.Role() != postgres.RoleAnalyst {
		t.Fatalf("promoted reader opens as %q", promoted.Role())
	}
	if err := owner.RemoveMember(ctx, analyst); err != nil {
		t.Fatal(err)
	}
	_, err = postgres.Open(ctx, p.URL(analyst, "ana-pw"), postgres.Options{})
	if msg := oneLine(t, err, "ana-pw"); !strings.Contains(msg, "wrong user name or password") && !strings.Contains(msg, "may not connect") {
		t.Fatalf("removed member opening: %q", msg)
	}
	if err := owner.RemoveMember(ctx, analyst); err == nil || !strings.Contains(err.Error(), "not a member") {
		t.Fatalf("removing a non-member: %v", err)
	}
}

func TestMemberPasswordNeverReachesTheServerInClear(t *testing.T) {
	p := pgtest.NewProject(t)
	ctx := context.Background()
	owner := open(t, p.OwnerURL())
	name := p.DB + "_m"
	const pw = "très-secret ünïcode"
	if _, err := owner.AddMember(ctx, name, postgres.RoleAnalyst, pw); err != nil {
		t.Fatal(err)
	}
	var stored string
	if err := p.Cluster.QueryRow(ctx, "postgres", `SELECT rolpassword FROM pg_authid WHERE rolname = '`+name+`'`, &stored); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stored, "SCRAM-SHA-256$4096:") || strings.Contains(stored, pw) {
		t.Fatalf("stored password %q is not a SCRAM verifier", stored)
	}
	open(t, p.URL(name, pw))
}

func TestMembersOfOneProjectCannotOpenAnother(t *testing.T) {
	p1, p2 := pgtest.NewProject(t), pgtest.NewProject(t)
	ctx := context.Background()
	open(t, p2.OwnerURL())
	o1 := open(t, p1.OwnerURL())
	name := p1.DB + "_only"
	if _, err := o1.AddMember(ctx, name, postgres.RoleAnalyst, "only-pw"); err != nil {
		t.Fatal(err)
	}
	o2 := open(t, p2.OwnerURL())
	if _, err := o2.AddMember(ctx, p2.DB+"_x", postgres.RoleReader, "x-pw"); err != nil {
		t.Fatal(err)
	}
	_, err := postgres.Open(ctx, p2.URL(name, "only-pw"), postgres.Options{})
	if msg := oneLine(t, err, "only-pw"); !strings.Contains(msg, "may not connect") && !strings.Contains(msg, "not a member") {
		t.Fatalf("member of another project opening this one: %q", msg)
	}
}

package app

import (
	"context"
	"fmt"
	"testing"

	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/postgres"
	"github.com/attache-app/attache/data/store/postgres/pgtest"
)

// team is a shared project on the throwaway server with two analysts (ana,
// bea) and a reader (rea), each with their own open store.
type team struct {
	project       *pgtest.Project
	ana, bea, rea *postgres.Store
}

func newTeam(t *testing.T) *team {
	t.Helper()
	p := pgtest.NewProject(t)
	ctx := context.Background()
	owner := openShared(t, p.OwnerURL())
	for name, role := range map[string]postgres.Role{"ana": postgres.RoleAnalyst, "bea": postgres.RoleAnalyst, "rea": postgres.RoleReader} {
		if _, err := owner.AddMember(ctx, p.DB+"_"+name, role, name+"-pw"); err != nil {
			t.Fatal(err)
		}
	}
	return &team{
		project: p,
		ana:     openShared(t, p.URL(p.DB+"_ana", "ana-pw")),
		bea:     openShared(t, p.URL(p.DB+"_bea", "bea-pw")),
		rea:     openShared(t, p.URL(p.DB+"_rea", "rea-pw")),
	}
}

// openShared opens a shared project; the test closes it unless a window
// took it over (closing twice is harmless).
func openShared(t *testing.T, url string) *postgres.Store {
	t.Helper()
	st, err := postgres.Open(context.Background(), url, postgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// wire makes n short articles, each with its own text.
func wire(n int) []store.Article {
	out := make([]store.Article, n)
	for i := range out {
		out[i] = store.Article{
			Title:     fmt.Sprintf("Dispatch %02d", i),
			Published: fmt.Sprintf("2024-03-%02d", i%28+1),
			Body:      fmt.Sprintf("Dispatch number %d: the foreign ministers of Japan and South Korea met in Seoul to discuss trade and security.", i),
		}
	}
	return out
}

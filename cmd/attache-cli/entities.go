package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/search"
	"github.com/attache-app/attache/data/store"
)

func init() {
	register(command{name: "entities", usage: "entities [--json] [--fuzzy QUERY] [--limit N]", summary: "list entities, or fuzzy-search their names and aliases", run: runEntities})
}

// entityJSON is an entity as `entities --json` prints it. With --fuzzy, matched
// tells which name or alias matched.
type entityJSON struct {
	ID       int64            `json:"id"`
	Name     string           `json:"name"`
	Kind     model.EntityKind `json:"kind"`
	Country  string           `json:"country"`
	Role     string           `json:"role"`
	Aliases  []string         `json:"aliases"`
	Mentions int              `json:"mentions"`
	Matched  string           `json:"matched,omitempty"`
}

func runEntities(e *env) int {
	fs := e.newFlags()
	asJSON := fs.Bool("json", false, "print a JSON array")
	fuzzy := fs.String("fuzzy", "", "fuzzy-search names and aliases (any script)")
	limit := fs.Int("limit", 20, "with --fuzzy, at most this many results")
	if code, ok := e.parseNoArgs(fs); !ok {
		return code
	}
	ctx := context.Background()
	return e.withProject(ctx, func(st store.Store) error {
		all, err := st.Entities(ctx, store.EntityFilter{})
		if err != nil {
			return err
		}
		out := make([]entityJSON, 0, len(all))
		if *fuzzy != "" {
			byID := make(map[int64]model.Entity, len(all))
			for _, en := range all {
				byID[en.ID] = en
			}
			for _, m := range search.IndexEntities(all).Find(*fuzzy, *limit) {
				j := toEntityJSON(byID[m.ID])
				j.Matched = m.Text
				out = append(out, j)
			}
		} else {
			for _, en := range all {
				out = append(out, toEntityJSON(en))
			}
		}
		if *asJSON {
			return writeJSON(e.stdout, out)
		}
		tw := newTable(e.stdout)
		fmt.Fprintln(tw, "ID\tNAME\tKIND\tCOUNTRY\tROLE\tMENTIONS\tALIASES")
		for _, j := range out {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d\t%s\n", j.ID, j.Name, j.Kind, orDash(j.Country), orDash(j.Role), j.Mentions, strings.Join(j.Aliases, "; "))
		}
		return tw.Flush()
	})
}

func toEntityJSON(en model.Entity) entityJSON {
	j := entityJSON{ID: en.ID, Name: en.Name, Kind: en.Kind, Country: en.Country, Role: en.Role, Mentions: en.Mentions, Aliases: []string{}}
	for _, a := range en.Aliases {
		j.Aliases = append(j.Aliases, a.Name)
	}
	return j
}

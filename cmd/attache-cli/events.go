package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/attache-app/attache/data/export"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

func init() {
	register(command{name: "events", usage: "events [--json] [--status S] [--type T] [--from YYYY-MM-DD] [--to YYYY-MM-DD]", summary: "list diplomatic events", run: runEvents})
}

// eventFlags holds the --status, --type, --from and --to flags as typed.
type eventFlags struct{ status, typ, from, to string }

// eventFilterFlags defines the --status, --type, --from and --to flags, which
// select events; filter reads them once the flags are parsed.
func eventFilterFlags(fs *flag.FlagSet) *eventFlags {
	var f eventFlags
	fs.StringVar(&f.status, "status", "", "only events with this status ("+strings.Join(model.Strings(model.Statuses()), ", ")+")")
	fs.StringVar(&f.typ, "type", "", "only events of this PLOVER type")
	fs.StringVar(&f.from, "from", "", "only events on or after this date")
	fs.StringVar(&f.to, "to", "", "only events on or before this date")
	return &f
}

// filter is the event filter the flags ask for; the type may be written in
// any case.
func (f *eventFlags) filter() store.EventFilter {
	return store.EventFilter{Status: model.Status(f.status), Type: model.ParseEventType(f.typ), From: f.from, To: f.to}
}

func runEvents(e *env) int {
	fs := e.newFlags()
	asJSON := fs.Bool("json", false, "print a JSON array (the fields of the JSON export)")
	f := eventFilterFlags(fs)
	if code, ok := e.parseNoArgs(fs); !ok {
		return code
	}
	ctx := context.Background()
	return e.withProject(ctx, func(st store.Store) error {
		evs, err := export.EventsFromStore(ctx, st, f.filter())
		if err != nil {
			return err
		}
		if *asJSON {
			return export.WriteEventsJSON(e.stdout, evs)
		}
		tw := newTable(e.stdout)
		fmt.Fprintln(tw, "ID\tDATE\tEVENT\tCAMEO\tACTOR\tRECIPIENT\tSTATUS")
		for _, ev := range evs {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", ev.ID, orDash(ev.Date), ev.Event, orDash(ev.CAMEO), partyNames(ev.Actor), partyNames(ev.Recipient), ev.Status)
		}
		return tw.Flush()
	})
}

func partyNames(ps []export.Party) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	if len(names) == 0 {
		return "-"
	}
	return strings.Join(names, "; ")
}

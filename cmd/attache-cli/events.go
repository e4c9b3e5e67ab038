package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/attache-app/attache/data/export"
	"github.com/attache-app/attache/data/store"
)

func init() {
	register(command{name: "events", usage: "events [--json] [--status S] [--type T] [--from YYYY-MM-DD] [--to YYYY-MM-DD]", summary: "list diplomatic events", run: runEvents})
}

func runEvents(e *env) int {
	fs := e.newFlags("events")
	asJSON := fs.Bool("json", false, "print a JSON array (the fields of the JSON export)")
	var f store.EventFilter
	fs.StringVar(&f.Status, "status", "", "only events with this status (suggested, confirmed, rejected)")
	fs.StringVar(&f.Type, "type", "", "only events of this PLOVER type")
	fs.StringVar(&f.From, "from", "", "only events on or after this date")
	fs.StringVar(&f.To, "to", "", "only events on or before this date")
	if code, ok := e.parse(fs); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	f.Type = strings.ToUpper(f.Type)
	ctx := context.Background()
	st, err := e.openProject(ctx)
	if err != nil {
		return e.fail("events", err)
	}
	defer st.Close()
	evs, err := export.EventsFromStore(ctx, st, f)
	if err != nil {
		return e.fail("events", err)
	}
	if *asJSON {
		if err := export.WriteEventsJSON(e.stdout, evs); err != nil {
			return e.fail("events", err)
		}
		return 0
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tEVENT\tCAMEO\tACTOR\tRECIPIENT\tSTATUS")
	for _, ev := range evs {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", ev.ID, orDash(ev.Date), ev.Event, orDash(ev.CAMEO), partyNames(ev.Actor), partyNames(ev.Recipient), ev.Status)
	}
	if err := tw.Flush(); err != nil {
		return e.fail("events", err)
	}
	return 0
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

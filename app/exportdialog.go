package app

import (
	"context"
	"io"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/export"
	"github.com/attache-app/attache/data/store"
)

// Export formats and contents offered by File ▸ Export….
const (
	fmtCSV        = "CSV"
	fmtJSON       = "JSON"
	fmtJSONL      = "JSON Lines"
	fmtTimelineJS = "TimelineJS"

	whatEvents   = "Events (as the Events filter shows them)"
	whatPassages = "Tagged passages"
	whatEntities = "Entities"
	whatProject  = "Whole project for NVivo, ATLAS.ti, MAXQDA, QualCoder (REFI-QDA .qdpx)"
	whatCodebook = "Tags as a codebook (REFI-QDA .qdc)"
)

var exportExt = map[string]string{fmtCSV: ".csv", fmtJSON: ".json", fmtJSONL: ".jsonl", fmtTimelineJS: ".timeline.json"}

// showExport (Ctrl+Shift+E) exports what the current filter shows as CSV, JSON,
// JSON Lines or TimelineJS. Exporting never changes the project, and a failed
// export leaves no half-written file behind.
func (wb *workbench) showExport() {
	if wb.st == nil {
		return
	}
	what := widget.NewRadioGroup([]string{whatEvents, whatPassages, whatEntities, whatProject, whatCodebook}, nil)
	what.SetSelected(whatEvents)
	format := widget.NewRadioGroup([]string{fmtCSV, fmtJSON, fmtJSONL, fmtTimelineJS}, nil)
	format.SetSelected(fmtJSON)
	what.OnChanged = func(s string) {
		switch s {
		case whatProject, whatCodebook:
			format.Disable()
		case whatPassages, whatEntities:
			format.SetSelected(fmtCSV)
			format.Disable()
		default:
			format.Enable()
		}
	}
	form := widget.NewForm(widget.NewFormItem("Export", what), widget.NewFormItem("Format", format))
	dialog.ShowCustomConfirm("Export", "Choose file…", "Cancel", form, func(ok bool) {
		if ok {
			wb.chooseExportFile(what.Selected, format.Selected)
		}
	}, wb.win)
}

func (wb *workbench) chooseExportFile(what, format string) {
	filter := wb.events.filter.store()
	lanes := wb.timeline.lanes.Selected
	kind := map[string]string{whatEvents: "events", whatPassages: "passages", whatEntities: "entities"}[what]
	name := projectName(wb.path) + "-" + kind + exportExt[format]
	switch what {
	case whatProject:
		name = projectName(wb.path) + ".qdpx"
	case whatCodebook:
		name = projectName(wb.path) + "-codebook.qdc"
	}
	// The export writes the file atomically, where the dialog created it.
	wb.saveFileDialog(name, func(path string) {
		wb.exportFile(path, what, format, filter, lanes)
	})
}

// exportFile exports in the background with an activity indicator that stops
// whether the export succeeds or fails; a failure is reported in a dialog.
func (wb *workbench) exportFile(path, what, format string, filter store.EventFilter, lanes string) {
	type outcome struct {
		n   int
		err error
	}
	wb.status.busy("Exporting…")
	load(wb, "Export", func(ctx context.Context, st store.Store) (outcome, error) {
		n, err := exportTo(ctx, st, path, what, format, filter, lanes)
		return outcome{n, err}, nil
	}, func(o outcome) {
		wb.status.idle()
		if o.err != nil {
			wb.showError("Export", o.err)
			return
		}
		wb.status.flash("Exported " + plural(o.n, "record") + " to " + path)
	})
}

// exportTo writes the export to path and returns how many records it holds.
// TimelineJS slides are grouped as the timeline's lanes are (lanes is one of
// lanesByActor, lanesByPair, lanesByType).
func exportTo(ctx context.Context, st store.Store, path, what, format string, filter store.EventFilter, lanes string) (int, error) {
	var n int
	var write func(io.Writer) error
	switch what {
	case whatProject, whatCodebook:
		return exportExchange(ctx, st, path, what == whatProject)
	case whatPassages:
		ps, err := export.PassagesFromStore(ctx, st, store.PassageFilter{})
		if err != nil {
			return 0, err
		}
		n, write = len(ps), func(w io.Writer) error { return export.WritePassagesCSV(w, ps) }
	case whatEntities:
		es, err := export.EntitiesFromStore(ctx, st, store.EntityFilter{})
		if err != nil {
			return 0, err
		}
		n, write = len(es), func(w io.Writer) error { return export.WriteEntitiesCSV(w, es) }
	default:
		evs, err := export.EventsFromStore(ctx, st, filter)
		if err != nil {
			return 0, err
		}
		n = len(evs)
		switch format {
		case fmtCSV:
			write = func(w io.Writer) error { return export.WriteEventsCSV(w, evs) }
		case fmtJSONL:
			write = func(w io.Writer) error { return export.WriteEventsJSONL(w, evs) }
		case fmtTimelineJS:
			title := projectName(st.Location())
			write = func(w io.Writer) error { return export.WriteTimelineJS(w, title, evs, laneOfRecord(lanes)) }
		default:
			write = func(w io.Writer) error { return export.WriteEventsJSON(w, evs) }
		}
	}
	return n, export.WriteFileAtomic(path, write)
}

// laneOfRecord names an exported event's lane as the timeline does: its
// actors, its country pair (in a fixed order) or its type.
func laneOfRecord(lanes string) func(export.EventRecord) string {
	return func(r export.EventRecord) string {
		switch lanes {
		case lanesByActor:
			return partyNames(r.Actor)
		case lanesByPair:
			a, b := partyCountries(r.Actor), partyCountries(r.Recipient)
			if a > b {
				a, b = b, a
			}
			return a + " – " + b
		default:
			return r.Event.Label()
		}
	}
}

// partyNames joins parties' names, as lane labels and headlines show them.
func partyNames(ps []export.Party) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	if len(out) == 0 {
		return "—"
	}
	return strings.Join(out, ", ")
}

// partyCountries joins parties' distinct country codes (their names when they
// have none), as country-pair lanes show them.
func partyCountries(ps []export.Party) string {
	seen := map[string]bool{}
	var out []string
	for _, p := range ps {
		c := p.Country
		if c == "" {
			c = p.Name
		}
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return "?"
	}
	return strings.Join(out, "+")
}

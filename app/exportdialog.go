package app

import (
	"context"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/export"
	"github.com/attache-app/attache/data/store"
)

// Contents offered by File ▸ Export…, and what each exports.
const (
	whatEvents   = "Events (as the Events filter shows them)"
	whatPassages = "Tagged passages"
	whatEntities = "Entities"
	whatProject  = "Whole project for NVivo, ATLAS.ti, MAXQDA, QualCoder (REFI-QDA .qdpx)"
	whatCodebook = "Tags as a codebook (REFI-QDA .qdc)"
)

var exportWhat = map[string]string{whatEvents: export.WhatEvents, whatPassages: export.WhatPassages,
	whatEntities: export.WhatEntities, whatProject: export.WhatProject, whatCodebook: export.WhatCodebook}

// exportLanes names the timeline's lane groupings as the export does.
var exportLanes = map[string]string{lanesByActor: "actor", lanesByPair: "pair", lanesByType: "type"}

// showExport (Ctrl+Shift+E) exports what the current filter shows as CSV, JSON,
// JSON Lines or TimelineJS. Exporting never changes the project, and a failed
// export leaves no half-written file behind.
func (wb *workbench) showExport() {
	if wb.st == nil {
		return
	}
	what := widget.NewRadioGroup([]string{whatEvents, whatPassages, whatEntities, whatProject, whatCodebook}, nil)
	what.SetSelected(whatEvents)
	var labels []string
	for _, f := range export.Formats {
		if f.Holds(export.WhatEvents) {
			labels = append(labels, f.Label)
		}
	}
	format := widget.NewRadioGroup(labels, nil)
	format.SetSelected(formatLabel("json"))
	what.OnChanged = func(s string) {
		switch s {
		case whatProject, whatCodebook:
			format.Disable()
		case whatPassages, whatEntities:
			format.SetSelected(formatLabel("csv"))
			format.Disable()
		default:
			format.Enable()
		}
	}
	form := widget.NewForm(widget.NewFormItem("Export", what), widget.NewFormItem("Format", format))
	dialog.ShowCustomConfirm("Export", "Choose file…", "Cancel", form, func(ok bool) {
		if ok {
			wb.chooseExportFile(exportOptions(what.Selected, format.Selected, wb.events.filter.store(), wb.timeline.lanes.Selected, projectName(wb.path)))
		}
	}, wb.win)
}

// formatLabel is the label the dialog shows for the format called name.
func formatLabel(name string) string {
	f, _ := export.FormatNamed(name)
	return f.Label
}

// exportOptions turns the dialog's choices into an export: formatLabel is
// the format picked for events (the REFI-QDA contents have their own),
// filter and lanes are the Events view's and the timeline's, and title names
// a TimelineJS file.
func exportOptions(what, formatLabel string, filter store.EventFilter, lanes, title string) export.Options {
	o := export.Options{What: exportWhat[what], Filter: filter, Lanes: exportLanes[lanes], Title: title}
	for _, f := range export.Formats {
		if f.Holds(o.What) && (f.Label == formatLabel || !f.Holds(export.WhatEvents)) {
			o.Format = f.Name
			break
		}
	}
	return o
}

// chooseExportFile asks where to write the export, suggesting the project's
// name, what it holds and the format's extension.
func (wb *workbench) chooseExportFile(o export.Options) {
	f, _ := export.FormatNamed(o.Format)
	name := projectName(wb.path) + "-" + o.What + f.Ext
	if o.What == export.WhatProject {
		name = projectName(wb.path) + f.Ext
	}
	// The export writes the file atomically, where the dialog created it.
	wb.saveFileDialog(name, func(path string) { wb.exportFile(path, o) })
}

// exportFile exports in the background with an activity indicator that stops
// whether the export succeeds or fails; a failure is reported in a dialog.
func (wb *workbench) exportFile(path string, o export.Options) {
	type outcome struct {
		n   int
		err error
	}
	wb.status.busy("Exporting…")
	job(wb, "Export", func(ctx context.Context, st store.Store) (outcome, error) {
		n, err := export.ToFile(ctx, st, path, o)
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

package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

const (
	prefLastPublished   = "import.published"
	prefLastPublication = "import.publication"
)

// importer runs File ▸ Import… and drops through the import pipeline in the
// background, with progress, Cancel, and a summary of refused files.
type importer struct {
	wb      *workbench
	running bool
}

func newImporter(wb *workbench) *importer { return &importer{wb: wb} }

// dropped imports files and folders dropped anywhere on the window, with the
// publication date and outlet last given in the import dialog.
func (im *importer) dropped(_ fyne.Position, uris []fyne.URI) {
	if im.wb.refuseReadOnly() {
		return
	}
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) == 0 {
		return
	}
	prefs := im.wb.app.Preferences()
	im.start(paths, ingest.Options{Published: prefs.String(prefLastPublished), Publication: prefs.String(prefLastPublication)})
}

// chooseFiles (Ctrl+O) lets the analyst gather files and folders, and give the
// publication date and outlet to use where the files carry none.
func (im *importer) chooseFiles() {
	if im.wb.st == nil {
		return
	}
	var paths []string
	list := widget.NewLabel("No files chosen yet.")
	list.Wrapping = fyne.TextWrapWord
	show := func() { list.SetText(strings.Join(paths, "\n")) }
	addFile := widget.NewButtonWithIcon("Add File…", theme.FileIcon(), func() {
		dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
			if err == nil && r != nil {
				paths = append(paths, r.URI().Path())
				r.Close()
				show()
			}
		}, im.wb.win)
	})
	addFolder := widget.NewButtonWithIcon("Add Folder…", theme.FolderIcon(), func() {
		dialog.ShowFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				paths = append(paths, u.Path())
				show()
			}
		}, im.wb.win)
	})
	prefs := im.wb.app.Preferences()
	published := widget.NewEntry()
	published.SetPlaceHolder("YYYY-MM-DD — leave empty if unknown")
	published.SetText(prefs.String(prefLastPublished))
	published.Validator = model.ValidDate
	outlet := widget.NewEntry()
	outlet.SetPlaceHolder("e.g. Taipei Times")
	outlet.SetText(prefs.String(prefLastPublication))
	split := widget.NewCheck("Split bundles into separate articles", nil)
	split.SetChecked(true)
	form := widget.NewForm(
		widget.NewFormItem("Files", container.NewVBox(container.NewHBox(addFile, addFolder), container.NewGridWrap(fyne.NewSize(460, 90), container.NewVScroll(list)))),
		widget.NewFormItem("Published", published),
		widget.NewFormItem("Outlet", outlet),
		widget.NewFormItem("", split),
	)
	hint := newHint("The date and outlet are used only for articles whose files do not carry their own. " +
		"REFI-QDA projects (.qdpx, from NVivo, ATLAS.ti, MAXQDA or QualCoder) and codebooks (.qdc) bring their tags and coded passages.")
	d := dialog.NewCustomConfirm("Import articles", "Import", "Cancel", container.NewVBox(form, hint), func(ok bool) {
		if !ok || len(paths) == 0 {
			return
		}
		if err := model.ValidDate(published.Text); err != nil {
			im.wb.showError("Import", err)
			return
		}
		prefs.SetString(prefLastPublished, strings.TrimSpace(published.Text))
		prefs.SetString(prefLastPublication, strings.TrimSpace(outlet.Text))
		opts := ingest.Options{Published: strings.TrimSpace(published.Text), Publication: strings.TrimSpace(outlet.Text)}
		if !split.Checked {
			opts.Split = ingest.SplitNone
		}
		im.start(paths, opts)
	}, im.wb.win)
	d.Resize(fyne.NewSize(600, 420))
	d.Show()
}

// importOutcome is what a background import hands back to the UI.
type importOutcome struct {
	results   []ingest.FileResult
	cancelled bool
	err       error
}

// start imports paths in the background: a progress bar with Cancel in the
// status bar, extraction on the new articles, then a summary.
func (im *importer) start(paths []string, opts ingest.Options) {
	wb := im.wb
	if wb.st == nil {
		return
	}
	if im.running {
		wb.status.flash("An import is already running")
		return
	}
	im.running = true
	ctx, cancel := context.WithCancel(wb.ctx)
	wb.status.startProgress("Importing…", cancel)
	// The import is not cancelled when another project is opened: closing
	// this one waits for it.
	background(wb, ctx, func(ctx context.Context, st store.Store) (importOutcome, error) {
		defer cancel()
		// Entities and events are extracted while each file is read and
		// saved with its articles, in the file's one transaction.
		x, err := sharedExtractor()
		var results []ingest.FileResult
		if err == nil {
			opts.Extract = x.Suggest
			results, err = ingest.Import(ctx, st, paths, opts, func(p ingest.Progress) {
				frac := 0.0
				if p.BytesTotal > 0 {
					frac = float64(p.BytesDone) / float64(p.BytesTotal)
				}
				msg := fmt.Sprintf("Importing %d of %d files…", p.FilesDone, p.FilesTotal)
				fyne.Do(func() { wb.status.setProgress(frac, msg) })
			})
		}
		return importOutcome{results: results, cancelled: ctx.Err() != nil && wb.ctx.Err() == nil, err: err}, nil
	}, func(out importOutcome, _ error) {
		im.running = false
		wb.status.idle()
		wb.refresh()
		im.summarise(out)
	})
}

// summarise reports what the import did: counts, and each refused file with
// its reason.
func (im *importer) summarise(o importOutcome) {
	if o.cancelled {
		o.err = nil // the cancellation itself, reported below; not a failure
	}
	imported, dups, tags, passages := 0, 0, 0, 0
	var refused, skipped []string
	for _, r := range o.results {
		imported += r.Imported
		dups += r.Duplicates
		tags += r.Tags
		passages += r.Passages
		if r.Err != nil {
			refused = append(refused, fmt.Sprintf("%s — %s", r.Path, ingest.Reason(r.Err)))
		}
		for _, s := range r.Skipped {
			skipped = append(skipped, fmt.Sprintf("%s — %s", r.Path, s))
		}
		for _, e := range r.Unsaved {
			skipped = append(skipped, fmt.Sprintf("%s — %v", r.Path, e))
		}
		for _, e := range r.Cleared {
			skipped = append(skipped, fmt.Sprintf("%s — %v", r.Path, e))
		}
	}
	msg := fmt.Sprintf("Imported %s from %s", plural(imported, "article"), plural(len(o.results), "file"))
	if tags > 0 || passages > 0 {
		msg = fmt.Sprintf("Imported %s, %s and %s from %s", plural(imported, "article"), plural(tags, "tag"),
			plural(passages, "passage"), plural(len(o.results), "file"))
	}
	if dups > 0 {
		msg += fmt.Sprintf("; %s already in the project", plural(dups, "duplicate"))
	}
	if o.cancelled {
		msg += ". Cancelled: the file in progress was rolled back"
	}
	if o.err != nil && !o.cancelled {
		msg += ". Stopped: " + o.err.Error()
	}
	if len(refused) == 0 && len(skipped) == 0 && o.err == nil {
		im.wb.status.flash(msg)
		if o.cancelled {
			dialog.ShowInformation("Import cancelled", msg, im.wb.win)
		}
		return
	}
	details := widget.NewLabel(strings.Join(append(refused, skipped...), "\n"))
	details.Wrapping = fyne.TextWrapWord
	head := container.NewVBox(widget.NewLabel(msg + "."))
	bold := fyne.TextStyle{Bold: true}
	if len(refused) > 0 {
		head.Add(widget.NewLabelWithStyle(fmt.Sprintf("%s refused:", plural(len(refused), "file")), fyne.TextAlignLeading, bold))
	} else if len(skipped) > 0 {
		head.Add(widget.NewLabelWithStyle(fmt.Sprintf("%s left out:", plural(len(skipped), "part")), fyne.TextAlignLeading, bold))
	}
	content := container.NewBorder(head, nil, nil, nil, container.NewVScroll(details))
	d := dialog.NewCustom("Import finished", "Close", content, im.wb.win)
	d.Resize(fyne.NewSize(640, 360))
	d.Show()
}

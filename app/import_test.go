package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

// TestDropImportsInBackground drops files on the window, as a file manager
// does: the seed bundle, an empty file and a web address. The import runs in
// the background with a progress bar and Cancel, and ends with a summary that
// lists the refused file; dropping the same bundle again adds nothing.
func TestDropImportsInBackground(t *testing.T) {
	d := newDesk(t)
	dir := t.TempDir()
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	bundle := filepath.Join(dir, "bundle", "taipei times.txt")
	empty := filepath.Join(dir, "empty.txt")
	if err := os.MkdirAll(filepath.Dir(bundle), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bundle, seed, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	web, err := storage.ParseURI("https://www.taipeitimes.com/News/front")
	if err != nil {
		t.Fatal(err)
	}
	d.wb.app.Preferences().SetString(prefLastPublication, "Taipei Times") // the last answer in the import dialog

	d.wb.importer.dropped(fyne.NewPos(300, 300), []fyne.URI{storage.NewFileURI(bundle), storage.NewFileURI(empty), web})
	s := d.wb.status
	if !d.wb.importer.running || !s.progress.Visible() || !s.cancel.Visible() {
		t.Errorf("no progress bar with Cancel while importing (running %v, progress %v, cancel %v)", d.wb.importer.running, s.progress.Visible(), s.cancel.Visible())
	}
	d.waitWithin(importLimit, "the import summary", func() bool {
		return d.overlay() != nil && anyContains(labelTexts(d.overlay()), "Imported")
	})
	texts := labelTexts(d.overlay())
	for _, want := range []string{"Imported 5 articles from 2 files.", "1 file refused:", empty} {
		if !anyContains(texts, want) {
			t.Errorf("the summary does not say %q: %q", want, texts)
		}
	}
	if anyContains(texts, bundle) {
		t.Errorf("the summary lists the imported bundle as refused: %q", texts)
	}
	if s.progress.Visible() || s.cancel.Visible() {
		t.Error("the progress bar and Cancel stay after the import")
	}
	d.waitFor("the articles listed", func() bool { return d.wb.articles.rows.len() == 5 })
	for _, a := range d.listed() {
		if a.Publication != "Taipei Times" {
			t.Errorf("article %q has outlet %q, want the remembered Taipei Times", a.Title, a.Publication)
		}
	}
	d.overlay().Hide()
	d.wb.win.Canvas().Overlays().Remove(d.overlay())

	d.wb.importer.dropped(fyne.NewPos(300, 300), []fyne.URI{storage.NewFileURI(filepath.Dir(bundle))})
	d.waitWithin(importLimit, "the second import", func() bool { return !d.wb.importer.running })
	if got := s.message.Text; !strings.Contains(got, "Imported 0 articles from 1 file; 5 duplicates already in the project") {
		t.Errorf("dropping the folder again reports %q", got)
	}
	if d.overlay() != nil {
		t.Errorf("a summary dialog opened for an import without refusals: %q", labelTexts(d.overlay()))
	}
	d.settle()
	if n := d.wb.articles.rows.len(); n != 5 {
		t.Errorf("after dropping the same bundle again %d articles are listed, want 5", n)
	}
}

// TestCancelImport presses the status bar's Cancel as soon as a drop starts
// importing: the analyst is told the import was cancelled, not that it failed.
func TestCancelImport(t *testing.T) {
	d := newDesk(t)
	d.wb.importer.dropped(fyne.NewPos(300, 300), []fyne.URI{storage.NewFileURI(seedPath)})
	test.Tap(d.wb.status.cancel)
	d.waitWithin(importLimit, "the import to stop", func() bool { return !d.wb.importer.running })
	d.waitFor("the summary", func() bool { return d.overlay() != nil })
	texts := labelTexts(d.overlay())
	if !anyContains(texts, "Import cancelled") || !anyContains(texts, "Cancelled: the file in progress was rolled back") {
		t.Errorf("cancelling the import says %q", texts)
	}
	if anyContains(texts, "Import finished") || anyContains(texts, "context canceled") {
		t.Errorf("a cancelled import is reported as a failure: %q", texts)
	}
}

package app

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/attache-app/attache/data/store/sqlite"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"github.com/attache-app/attache/data/exchange"
	"github.com/attache-app/attache/data/exchange/exchangetest"
	"github.com/attache-app/attache/data/store"
)

// TestDropREFIQDAProject drops a coded .qdpx on the window: it comes in as
// a project (articles, the tag tree, passages), the summary lists the parts
// left out, and File ▸ Export… writes it back as a .qdpx that imports into
// an empty project unchanged.
func TestDropREFIQDAProject(t *testing.T) {
	d := newDesk(t)
	d.wb.importer.dropped(fyne.NewPos(200, 200), []fyne.URI{storage.NewFileURI(exchangetest.Pack(t, "coded project.qdpx"))})
	d.waitWithin(importLimit, "the import summary", func() bool {
		return d.overlay() != nil && anyContains(labelTexts(d.overlay()), "Imported")
	})
	texts := labelTexts(d.overlay())
	for _, want := range []string{"Imported 2 articles, 5 tags and 6 passages from 1 file.", "4 parts left out:", `audio source "Press briefing.m4a"`} {
		if !anyContains(texts, want) {
			t.Errorf("the summary does not say %q: %q", want, texts)
		}
	}
	d.waitFor("the tag tree", func() bool { return len(d.wb.tags.list) == 5 })
	d.waitFor("the articles listed", func() bool { return d.wb.articles.rows.len() == 2 })

	ctx := context.Background()
	out := filepath.Join(t.TempDir(), "out.qdpx")
	n, err := exportTo(ctx, d.st, out, whatProject, "", store.EventFilter{}, "")
	if err != nil || n != 2 {
		t.Fatalf("export: %d articles, %v", n, err)
	}
	other, err := sqlite.Open(filepath.Join(t.TempDir(), "other.attache"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := exchange.Import(ctx, other, out); err != nil {
		t.Fatal(err)
	}
	c, _ := other.Counts(ctx)
	if c.Articles != 2 || c.Tags != 5 || c.Passages != 6 {
		t.Errorf("the export imported into an empty project holds %+v", c)
	}
	codebook := filepath.Join(t.TempDir(), "codes.qdc")
	if n, err := exportTo(ctx, other, codebook, whatCodebook, "", store.EventFilter{}, ""); err != nil || n != 5 {
		t.Errorf("codebook export: %d tags, %v", n, err)
	}
}

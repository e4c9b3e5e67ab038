package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/store"
)

// typeInDialog types text in the top dialog's entry and taps its button.
func (b *uiBench) typeInDialog(text, buttonText string) {
	b.t.Helper()
	b.pump("a dialog", func() bool { return b.topOverlay() != nil })
	entries := find[*widget.Entry](b.topOverlay())
	if len(entries) == 0 {
		b.t.Fatal("the dialog has no entry")
	}
	test.Type(entries[0], text)
	test.Tap(button(b.t, b.topOverlay(), buttonText))
}

// treeRow returns the tag tree's row named name, or nil.
func treeRow(p *tagsPane, name string) *tagRow {
	for _, r := range find[*tagRow](p.tree) {
		if r.name.Text == name {
			return r
		}
	}
	return nil
}

func treeShows(p *tagsPane, name string) bool { return treeRow(p, name) != nil }

func TestTagsCreatedInThePaneAppearInTheTree(t *testing.T) {
	b := newUIBench(t)
	p := b.wb.tags
	b.wb.sidebar.SelectIndex(2)
	p.reload()
	b.pump("the empty tag list", func() bool { return p.count.Text == "0 tags" })
	if !p.empty.Visible() {
		t.Error("an empty codebook shows no hint")
	}

	test.Tap(button(t, p.object(), "New tag"))
	b.typeInDialog("Security", "Create")
	b.pump("Security in the tree", func() bool { return treeShows(p, "Security") })

	tags, err := b.st.Tags(context.Background())
	if err != nil || len(tags) != 1 || tags[0].Name != "Security" {
		t.Fatalf("the store holds %v (%v), want the tag Security", tags, err)
	}
	if p.selected != tags[0].ID {
		t.Error("the new tag is not selected")
	}
	if p.empty.Visible() {
		t.Error("the empty-codebook hint is still shown")
	}

	p.newTag(p.selected)
	b.typeInDialog("Espionage", "Create")
	b.pump("Espionage in the tree, under Security", func() bool { return treeShows(p, "Espionage") })
	tags, _ = b.st.Tags(context.Background())
	if len(tags) != 2 || tags[1].Name != "Espionage" || tags[1].ParentID != tags[0].ID {
		t.Fatalf("the store holds %+v, want Espionage inside Security", tags)
	}
	if p.path(tags[1].ID) != "Security › Espionage" {
		t.Errorf("path %q", p.path(tags[1].ID))
	}
	if tags[0].Colour == tags[1].Colour || tags[1].Colour == store.DefaultTagColour {
		t.Errorf("new tags get colours %s and %s, want distinct palette colours", tags[0].Colour, tags[1].Colour)
	}

	// A click on a tag lists its passages; a click on one shows it.
	a := b.importSeed("ESPIONAGE")
	start := len([]rune(a.Body[:strings.Index(a.Body, "ESPIONAGE")]))
	pid, err := b.st.CreatePassage(context.Background(), store.Passage{ArticleID: a.ID, Start: start, End: start + 9, TagIDs: []int64{tags[1].ID}})
	if err != nil {
		t.Fatal(err)
	}
	test.Tap(treeRow(p, "Security"))
	b.pump("Security selected", func() bool {
		return p.selected == tags[0].ID && p.passages.header.Text == "“Security”: no passages"
	})
	test.Tap(treeRow(p, "Espionage"))
	b.pump("the passages of Espionage", func() bool { return p.passages.header.Text == "“Espionage”: 1 passage" })
	if len(p.passages.items) != 1 || p.passages.items[0].passage.Text != "ESPIONAGE" {
		t.Fatalf("Espionage lists %+v", p.passages.items)
	}
	p.passages.list.Select(0)
	i := b.wb.inspector
	b.pump("the passage in the inspector", func() bool { return i.title.Text == "Passage" && i.target.id == pid })
	if b.wb.reader.articleID != a.ID {
		t.Error("choosing a passage does not open its article")
	}
}

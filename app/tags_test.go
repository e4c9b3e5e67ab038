package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/widgets"
)

// typeInDialog types text in the top dialog's entry and taps its button.
func (b *uiBench) typeInDialog(text, buttonText string) {
	b.t.Helper()
	b.pump("a dialog", func() bool { return b.topOverlay() != nil })
	entries := objectsOf[*widget.Entry](b.topOverlay())
	if len(entries) == 0 {
		b.t.Fatal("the dialog has no entry")
	}
	test.Type(entries[0], text)
	test.Tap(buttonLabelled(b.t, b.topOverlay(), buttonText, 0))
}

// treeRow returns the tag tree's row named name, or nil.
func treeRow(p *tagsPane, name string) *tagRow {
	for _, r := range objectsOf[*tagRow](p.tree) {
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

	test.Tap(buttonLabelled(t, p.object(), "New tag", 0))
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
	if tags[0].Colour == tags[1].Colour || tags[1].Colour == model.DefaultTagColour {
		t.Errorf("new tags get colours %s and %s, want distinct palette colours", tags[0].Colour, tags[1].Colour)
	}

	// A click on a tag lists its passages; a click on one shows it.
	a := b.importSeed("ESPIONAGE")
	start := len([]rune(a.Body[:strings.Index(a.Body, "ESPIONAGE")]))
	pid, err := b.st.CreatePassage(context.Background(), model.Passage{ArticleID: a.ID, Start: start, End: start + 9, TagIDs: []int64{tags[1].ID}})
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

func TestTagMenuMovesRecoloursRenamesAndDeletes(t *testing.T) {
	b := newUIBench(t)
	ctx := context.Background()
	a, err := b.st.CreateTag(ctx, model.Tag{Name: "Alliances", Colour: tagPalette[0]})
	if err != nil {
		t.Fatal(err)
	}
	n, err := b.st.CreateTag(ctx, model.Tag{Name: "NATO", Colour: tagPalette[1]})
	if err != nil {
		t.Fatal(err)
	}
	p := b.wb.tags
	b.wb.sidebar.SelectIndex(2)
	p.reload()
	b.pump("the tags", func() bool { return treeShows(p, "NATO") })
	tag := func(id int64) model.Tag {
		tags, err := b.st.Tags(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range tags {
			if x.ID == id {
				return x
			}
		}
		return model.Tag{}
	}

	p.moveTag(n)
	b.pump("the move picker", func() bool { return b.topOverlay() != nil })
	pickers := objectsOf[*widgets.Picker](b.topOverlay())
	if len(pickers) == 0 {
		t.Fatal("Move to… shows no picker")
	}
	for _, it := range pickers[0].Items() {
		if it.Value == n || it.Label == topLevel {
			t.Errorf("the move picker offers %q for a top-level tag", it.Label)
		}
	}
	pickers[0].OnChosen(widgets.PickerItem{Label: "Alliances", Value: a})
	b.pump("NATO inside Alliances", func() bool { return p.path(n) == "Alliances › NATO" && treeShows(p, "NATO") })
	if tag(n).ParentID != a {
		t.Errorf("the store has NATO under %d, want %d", tag(n).ParentID, a)
	}

	p.recolourTag(a)
	b.pump("the palette", func() bool { return b.topOverlay() != nil })
	swatches := objectsOf[*swatchButton](b.topOverlay())
	if len(swatches) != len(tagPalette) {
		t.Fatalf("the palette has %d colours, want %d", len(swatches), len(tagPalette))
	}
	test.Tap(swatches[2])
	b.pump("the new colour", func() bool { return p.byID[a].Colour == tagPalette[2] })
	if got := hexColour(treeRow(p, "Alliances").swatch.FillColor); got != tagPalette[2] {
		t.Errorf("the tree shows colour %s, want %s", got, tagPalette[2])
	}

	p.renameTag(a)
	b.pump("the rename dialog", func() bool { return b.topOverlay() != nil })
	objectsOf[*widget.Entry](b.topOverlay())[0].SetText("Alliances and pacts")
	test.Tap(buttonLabelled(t, b.topOverlay(), "Save", 0))
	b.pump("the new name in the tree", func() bool { return treeShows(p, "Alliances and pacts") })

	p.deleteTag(a)
	b.pump("the confirmation", func() bool { return b.topOverlay() != nil })
	test.Tap(buttonLabelled(t, b.topOverlay(), "Yes", 0))
	b.pump("the tag gone from the tree", func() bool { return !treeShows(p, "Alliances and pacts") })
	if tag(a).ID != 0 || tag(n).ParentID != 0 {
		t.Errorf("after the delete the store has %+v and NATO under %d", tag(a), tag(n).ParentID)
	}
	if _, err := b.st.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	b.wb.refresh()
	b.pump("the tag back after Undo", func() bool { return treeShows(p, "Alliances and pacts") && p.path(n) == "Alliances and pacts › NATO" })
}

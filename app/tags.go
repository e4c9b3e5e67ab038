package app

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// tagsPane is the sidebar's codebook: a coloured tree of tags with their
// passage and event counts, a New tag button and a menu (also on right-click)
// to add a child, rename, recolour, move and delete; below it, the passages
// of the selected tag.
type tagsPane struct {
	wb       *workbench
	loads    loadScope
	tree     *widget.Tree
	count    *widget.Label
	empty    *widget.Label
	menuBtn  *widget.Button
	passages *tagPassages
	box      fyne.CanvasObject

	list     []model.Tag // in tree order
	byID     map[int64]model.Tag
	children map[int64][]int64 // parent (0: top level) → children

	selected  int64
	openOnce  bool  // all branches are opened on the first load
	openAfter int64 // a branch to open once the tags are loaded
}

func newTagsPane(wb *workbench) *tagsPane {
	p := &tagsPane{wb: wb, byID: map[int64]model.Tag{}, children: map[int64][]int64{}}
	p.tree = widget.NewTree(p.childUIDs, p.isBranch,
		func(bool) fyne.CanvasObject { return newTagRow(p.selectTag, p.showMenuAt) },
		func(uid widget.TreeNodeID, _ bool, o fyne.CanvasObject) { o.(*tagRow).set(p.byID[tagID(uid)]) })
	p.tree.OnSelected = func(uid widget.TreeNodeID) {
		p.selected = tagID(uid)
		p.enableMenu()
		p.passages.reload(p.selected)
	}
	p.count = widget.NewLabel("")
	p.count.Importance = widget.LowImportance
	p.empty = newHint("No tags yet.\nSelect text in an article and\npress Ctrl+T, or click New tag.")
	p.empty.Hide()
	add := widget.NewButtonWithIcon("New tag", theme.ContentAddIcon(), func() { p.newTag(0) })
	p.menuBtn = widget.NewButtonWithIcon("", theme.MoreVerticalIcon(), func() {
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(p.menuBtn)
		p.showMenuAt(p.selected, pos.AddXY(0, p.menuBtn.Size().Height))
	})
	p.menuBtn.Disable()
	wb.editable(add)
	top := container.NewBorder(nil, nil, add, p.menuBtn, p.count)
	p.passages = newTagPassages(wb)
	treeBox := container.NewStack(p.tree, container.NewPadded(container.NewVBox(p.empty)))
	split := container.NewVSplit(treeBox, p.passages.object())
	split.Offset = 0.55
	p.box = container.NewBorder(top, nil, nil, nil, split)
	return p
}

func (p *tagsPane) object() fyne.CanvasObject { return p.box }

// enableMenu offers the selected tag's menu (whose entries all change the
// project) unless the project is read-only.
func (p *tagsPane) enableMenu() {
	if p.wb.readOnly {
		p.menuBtn.Disable()
		return
	}
	p.menuBtn.Enable()
}

// selectTag selects tag id in the tree (which lists its passages).
func (p *tagsPane) selectTag(id int64) {
	p.tree.Select(tagUID(id))
}

// tagUID and tagID convert between tag ids and tree node ids ("" is the root).
func tagUID(id int64) widget.TreeNodeID {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}

func tagID(uid widget.TreeNodeID) int64 {
	id, _ := strconv.ParseInt(uid, 10, 64)
	return id
}

func (p *tagsPane) childUIDs(uid widget.TreeNodeID) []widget.TreeNodeID {
	kids := p.children[tagID(uid)]
	out := make([]widget.TreeNodeID, len(kids))
	for i, id := range kids {
		out[i] = tagUID(id)
	}
	return out
}

func (p *tagsPane) isBranch(uid widget.TreeNodeID) bool {
	return uid == "" || len(p.children[tagID(uid)]) > 0
}

// reload fetches the tags again, keeping open branches and the selection,
// and the selected tag's passages.
func (p *tagsPane) reload() {
	load(p.wb, p.loads.next(p.wb), "List tags", func(ctx context.Context, st store.Store) ([]model.Tag, error) {
		return st.Tags(ctx)
	}, p.setTags)
	if p.selected != 0 {
		p.passages.reload(p.selected)
	}
}

// setTags shows tags (in tree order, as Tags returns them).
func (p *tagsPane) setTags(tags []model.Tag) {
	p.list = tags
	p.byID = make(map[int64]model.Tag, len(tags))
	p.children = map[int64][]int64{}
	for _, t := range tags {
		p.byID[t.ID] = t
		p.children[t.ParentID] = append(p.children[t.ParentID], t.ID)
	}
	p.count.SetText(plural(len(tags), "tag"))
	if len(tags) > 0 {
		p.empty.Hide()
	} else {
		p.empty.Show()
	}
	if _, ok := p.byID[p.selected]; !ok && p.selected != 0 {
		p.selected = 0
		p.tree.UnselectAll()
		p.menuBtn.Disable()
		p.passages.reload(0)
	}
	if !p.openOnce && len(tags) > 0 {
		p.openOnce = true
		p.tree.OpenAllBranches()
	}
	if p.openAfter != 0 {
		p.tree.OpenBranch(tagUID(p.openAfter))
		p.openAfter = 0
	}
	p.tree.Refresh()
	if p.selected != 0 {
		h := p.tree.OnSelected
		p.tree.OnSelected = nil
		p.tree.Select(tagUID(p.selected))
		p.tree.OnSelected = h
		p.enableMenu()
		if p.passages.tagID != p.selected {
			p.passages.reload(p.selected)
		}
	}
}

// descendants returns id and every tag below it.
func (p *tagsPane) descendants(id int64) map[int64]bool {
	out := map[int64]bool{id: true}
	var walk func(int64)
	walk = func(id int64) {
		for _, c := range p.children[id] {
			out[c] = true
			walk(c)
		}
	}
	walk(id)
	return out
}

// path is a tag's name after its ancestors' names: "Security › Espionage".
func (p *tagsPane) path(id int64) string {
	t, ok := p.byID[id]
	if !ok {
		return ""
	}
	if t.ParentID == 0 {
		return t.Name
	}
	return p.path(t.ParentID) + " › " + t.Name
}

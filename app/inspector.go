package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// inspector shows and edits whatever is selected: a passage, a mention, an
// entity or an event. (Being built.)
type inspector struct {
	wb  *workbench
	box *fyne.Container
}

func newInspector(wb *workbench) *inspector {
	i := &inspector{wb: wb}
	i.box = container.NewStack()
	i.clear()
	return i
}

func (i *inspector) object() fyne.CanvasObject { return i.box }

func (i *inspector) clear() {
	i.box.Objects = []fyne.CanvasObject{container.NewCenter(newHint("Select a passage, mention, entity or event to see it here."))}
	i.box.Refresh()
}

func (i *inspector) showPassage(id int64) {}
func (i *inspector) showMention(id int64) {}

package app

import "fyne.io/fyne/v2"

// tagsPane is the sidebar's coloured tag tree. (Being built.)
type tagsPane struct {
	wb  *workbench
	box fyne.CanvasObject
}

func newTagsPane(wb *workbench) *tagsPane {
	return &tagsPane{wb: wb, box: newHint("Select text in an article and press Ctrl+T to tag it.")}
}

func (p *tagsPane) object() fyne.CanvasObject { return p.box }
func (p *tagsPane) reload()                   {}

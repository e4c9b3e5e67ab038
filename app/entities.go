package app

import "fyne.io/fyne/v2"

// entitiesPane is the sidebar's fuzzy entity search. (Being built.)
type entitiesPane struct {
	wb  *workbench
	box fyne.CanvasObject
}

func newEntitiesPane(wb *workbench) *entitiesPane {
	return &entitiesPane{wb: wb, box: newHint("Entities appear here once articles are imported.")}
}

func (p *entitiesPane) object() fyne.CanvasObject { return p.box }
func (p *entitiesPane) reload()                   {}

// showEntitySearch selects the Entities tab and focuses its search box.
func (wb *workbench) showEntitySearch() { wb.sidebar.SelectIndex(1) }

package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// PickerItem is one row of a [Picker].
type PickerItem struct {
	// Label is the name shown; Matched are the rune indexes of Label to emphasise.
	Label   string
	Matched []int
	// Detail is shown in a quieter style at the right of the row (a kind, a count).
	Detail string
	// Icon is shown at the left of the row; nil for none.
	Icon fyne.Resource
	// Value is the caller's own data, handed back in OnChosen.
	Value any
}

// Picker is a fuzzy picker: a query entry above a list of matches. Every change of the
// query calls the search function given to [NewPicker] (on the UI goroutine, so it should
// be an in-memory search) and shows its results in order, the matched letters
// emphasised. Up and Down move the highlighted row, Enter or a click chooses it, Escape
// cancels. When OnCreate is set and no result is labelled exactly as the query (ignoring
// case), a last row offers to create a new item named after the query.
type Picker struct {
	widget.BaseWidget

	// OnChosen is called with the item chosen by Enter or a click.
	OnChosen func(PickerItem)
	// OnCreate, when set, enables the "Create" row; it is called with the trimmed query.
	OnCreate func(name string)
	// OnCancel is called when Escape is pressed in the query entry.
	OnCancel func()

	search   func(query string) []PickerItem
	entry    *pickerEntry
	list     *widget.List
	items    []PickerItem
	create   string // the name the "Create" row offers, "" when there is no such row
	selected int
	moving   bool
}

var _ fyne.Widget = (*Picker)(nil)

// NewPicker returns a picker that calls search for each query, starting with "".
func NewPicker(search func(query string) []PickerItem) *Picker {
	p := &Picker{search: search, selected: -1}
	p.ExtendBaseWidget(p)
	p.entry = newPickerEntry(p)
	p.entry.OnChanged = func(string) { p.update() }
	p.list = widget.NewList(p.rowCount, p.newRow, p.updateRow)
	p.list.OnSelected = func(id widget.ListItemID) {
		if !p.moving {
			p.selected = id
		}
	}
	p.update()
	return p
}

// SetPlaceHolder sets the hint shown in the empty query entry.
func (p *Picker) SetPlaceHolder(text string) { p.entry.SetPlaceHolder(text) }

// SetQuery replaces the query and searches again.
func (p *Picker) SetQuery(q string) { p.entry.SetText(q) }

// Query returns the current query.
func (p *Picker) Query() string { return p.entry.Text }

// Items returns the results of the last search (without the "Create" row).
func (p *Picker) Items() []PickerItem { return p.items }

// Selected returns the index of the highlighted row: an index into Items, len(Items)
// for the "Create" row, or -1 when there are no rows.
func (p *Picker) Selected() int { return p.selected }

// CreateOffered returns the name the "Create" row offers, or "" when it is not shown.
func (p *Picker) CreateOffered() string { return p.create }

// FocusEntry gives the keyboard focus to the query entry (once the picker is on a
// canvas), so the user can type at once. Right after a dialog holding the picker is
// shown, the driver may not know the picker's canvas yet: use FocusIn then.
func (p *Picker) FocusEntry() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil {
		c.Focus(p.entry)
	}
}

// FocusIn gives the keyboard focus to the query entry on canvas c, the canvas
// the picker is shown on.
func (p *Picker) FocusIn(c fyne.Canvas) {
	c.Focus(p.entry)
}

// Refresh searches again with the current query (the data behind it may have changed)
// and redraws.
func (p *Picker) Refresh() {
	if p.entry != nil {
		p.update()
	}
	p.BaseWidget.Refresh()
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (p *Picker) CreateRenderer() fyne.WidgetRenderer {
	p.ExtendBaseWidget(p)
	return widget.NewSimpleRenderer(container.NewBorder(p.entry, nil, nil, nil, p.list))
}

// MinSize leaves room for the entry and about eight rows.
func (p *Picker) MinSize() fyne.Size {
	p.ExtendBaseWidget(p)
	row := p.newRow().MinSize()
	e := p.entry.MinSize()
	return fyne.NewSize(max(e.Width, row.Width, 240), e.Height+8*row.Height)
}

func (p *Picker) update() {
	q := p.entry.Text
	p.items = nil
	if p.search != nil {
		p.items = p.search(q)
	}
	p.create = ""
	if name := strings.TrimSpace(q); p.OnCreate != nil && name != "" {
		p.create = name
		for _, it := range p.items {
			if strings.EqualFold(it.Label, name) {
				p.create = ""
				break
			}
		}
	}
	p.selected = -1
	p.list.UnselectAll()
	p.list.Refresh()
	if p.rowCount() > 0 {
		p.move(0)
	}
}

func (p *Picker) rowCount() int {
	if p.create != "" {
		return len(p.items) + 1
	}
	return len(p.items)
}

func (p *Picker) move(to int) {
	n := p.rowCount()
	if n == 0 {
		return
	}
	to = max(0, min(to, n-1))
	p.selected = to
	p.moving = true
	p.list.Select(to)
	p.moving = false
	p.list.ScrollTo(to)
}

func (p *Picker) choose() {
	switch {
	case p.selected < 0 || p.selected >= p.rowCount():
	case p.selected == len(p.items):
		if p.OnCreate != nil {
			p.OnCreate(p.create)
		}
	default:
		if p.OnChosen != nil {
			p.OnChosen(p.items[p.selected])
		}
	}
}

func (p *Picker) cancel() {
	if p.OnCancel != nil {
		p.OnCancel()
	}
}

// pickerEntry is the query entry; it passes the list-driving keys to the picker.
type pickerEntry struct {
	widget.Entry
	p *Picker
}

func newPickerEntry(p *Picker) *pickerEntry {
	e := &pickerEntry{p: p}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey moves through the list with Up/Down/Page Up/Page Down, chooses with Enter
// and cancels with Escape; other keys edit the query.
func (e *pickerEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		e.p.move(e.p.selected + 1)
	case fyne.KeyUp:
		e.p.move(e.p.selected - 1)
	case fyne.KeyPageDown:
		e.p.move(e.p.selected + 8)
	case fyne.KeyPageUp:
		e.p.move(e.p.selected - 8)
	case fyne.KeyReturn, fyne.KeyEnter:
		e.p.choose()
	case fyne.KeyEscape:
		e.p.cancel()
	default:
		e.Entry.TypedKey(ev)
	}
}

// pickerRow is a list row: icon, label with emphasised letters, detail. It handles the
// click itself so that clicking the already highlighted row still chooses it.
type pickerRow struct {
	widget.BaseWidget
	p      *Picker
	id     int
	icon   *widget.Icon
	label  *HighlightLabel
	detail *widget.Label
}

func (p *Picker) newRow() fyne.CanvasObject {
	r := &pickerRow{p: p, icon: widget.NewIcon(nil), label: NewHighlightLabel("", nil), detail: widget.NewLabel("")}
	r.detail.Importance = widget.LowImportance
	r.ExtendBaseWidget(r)
	return r
}

func (p *Picker) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	r := o.(*pickerRow)
	r.id = id
	if id == len(p.items) {
		r.icon.SetResource(theme.ContentAddIcon())
		r.label.SetText("Create “"+p.create+"”", nil)
		r.detail.SetText("")
		return
	}
	it := p.items[id]
	r.icon.SetResource(it.Icon)
	r.label.SetText(it.Label, it.Matched)
	r.detail.SetText(it.Detail)
}

// Tapped chooses the row.
func (r *pickerRow) Tapped(*fyne.PointEvent) {
	r.p.move(r.id)
	r.p.choose()
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (r *pickerRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, r.icon, r.detail, r.label))
}

package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

const anyChoice = "Any"

// eventsView lists suggested and confirmed events for review: a filter bar
// (shared with the timeline and the export), a choice of order, bulk accept
// and reject, editing. It holds every event of the project, read in the
// background after each change, and filters and sorts them in memory, so that
// a new filter shows at once even with tens of thousands of events.
type eventsView struct {
	wb     *workbench
	filter eventFilter
	all    eventData      // every event of the project, labelled
	data   eventData      // the events the filter lets through, in the chosen order
	picked map[int64]bool // events ticked for bulk actions
	cursor int64          // the event last selected
	gen    int            // loads of all so far, which the timeline caches its marks by
	loads  loadScope

	status, kind, tag  *widget.Select
	sortBy             *widget.Select
	actorBtn, recipBtn *widget.Button
	from, to           *widget.Entry
	count              *widget.Label
	list               *widget.List
	box                fyne.CanvasObject
	tagIDs             map[string]int64
}

func newEventsView(wb *workbench) *eventsView {
	v := &eventsView{wb: wb, picked: map[int64]bool{}, tagIDs: map[string]int64{}}
	v.status = widget.NewSelect(append([]string{anyChoice}, model.Strings(model.Statuses())...), func(s string) { v.filter.Status = model.Status(choice(s)); v.refilter() })
	v.status.SetSelected(anyChoice)
	v.kind = widget.NewSelect(append([]string{anyChoice}, model.Strings(model.EventTypes())...), func(s string) { v.filter.Type = model.EventType(choice(s)); v.refilter() })
	v.kind.SetSelected(anyChoice)
	v.tag = widget.NewSelect([]string{anyChoice}, func(s string) { v.filter.TagID = v.tagIDs[s]; v.refilter() })
	v.tag.SetSelected(anyChoice)
	v.sortBy = widget.NewSelect(eventSorts, func(string) { v.refilter() })
	v.sortBy.Selected = sortEventsOldest
	v.actorBtn = widget.NewButton("Actor: any", func() { v.pickParty(&v.filter.ActorID, v.actorBtn, "Actor") })
	v.recipBtn = widget.NewButton("Recipient: any", func() { v.pickParty(&v.filter.RecipientID, v.recipBtn, "Recipient") })
	v.from, v.to = widget.NewEntry(), widget.NewEntry()
	v.from.SetPlaceHolder("from YYYY-MM-DD")
	v.to.SetPlaceHolder("to YYYY-MM-DD")
	for _, e := range []*widget.Entry{v.from, v.to} {
		e.OnChanged = func(string) {
			if model.ValidDate(v.from.Text) == nil && model.ValidDate(v.to.Text) == nil {
				v.filter.From, v.filter.To = v.from.Text, v.to.Text
				v.refilter()
			}
		}
	}
	v.count = widget.NewLabel("")
	v.list = widget.NewList(func() int { return len(v.data.events) }, v.newRow, v.updateRow)
	v.list.OnSelected = func(i widget.ListItemID) {
		if i < len(v.data.events) {
			v.cursor = v.data.events[i].ID
			wb.inspector.showEvent(v.cursor)
		}
	}
	filters := container.NewGridWithColumns(3, labelled("Status", v.status), labelled("Type", v.kind), labelled("Tag", v.tag))
	dateSize := fyne.NewSize(150, v.from.MinSize().Height)
	parties := container.NewBorder(nil, nil,
		container.NewHBox(v.actorBtn, v.recipBtn, container.NewGridWrap(dateSize, v.from), container.NewGridWrap(dateSize, v.to)),
		container.NewHBox(v.sortBy, widget.NewButtonWithIcon("Clear filter", theme.ContentClearIcon(), v.clearFilter)))
	accept := widget.NewButtonWithIcon("Accept ticked", theme.ConfirmIcon(), func() { v.setTicked(model.StatusConfirmed) })
	reject := widget.NewButtonWithIcon("Reject ticked", theme.CancelIcon(), func() { v.setTicked(model.StatusRejected) })
	newEvent := widget.NewButtonWithIcon("New…", theme.ContentAddIcon(), func() {
		wb.editEvent(model.Event{Status: model.StatusConfirmed, Precision: model.PrecisionDay})
	})
	editEvent := widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), func() { v.edit(v.cursor) })
	wb.editable(accept, reject, newEvent, editEvent)
	actions := container.NewHBox(
		widget.NewButtonWithIcon("Tick all", theme.CheckButtonCheckedIcon(), v.tickAll),
		accept, reject,
		widget.NewSeparator(),
		newEvent, editEvent,
		widget.NewButtonWithIcon("Open source", theme.VisibilityIcon(), func() { v.openSource(v.cursor) }),
	)
	top := container.NewVBox(filters, parties,
		container.NewBorder(nil, nil, nil, v.count, actions), widget.NewSeparator())
	v.box = container.NewBorder(top, nil, nil, nil, v.list)
	return v
}

func (v *eventsView) object() fyne.CanvasObject { return v.box }

func labelled(label string, o fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel(label)
	l.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, l, nil, o)
}

func choice(s string) string {
	if s == anyChoice {
		return ""
	}
	return s
}

func (v *eventsView) newRow() fyne.CanvasObject {
	check := widget.NewCheck("", nil)
	head := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("")
	detail.Truncation = fyne.TextTruncateEllipsis
	detail.SizeName = theme.SizeNameCaptionText
	status := widget.NewLabel("")
	return container.NewBorder(nil, nil, check, status, container.NewVBox(head, detail))
}

func (v *eventsView) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(v.data.events) {
		return
	}
	ev := v.data.events[i]
	row := o.(*fyne.Container)
	body := row.Objects[0].(*fyne.Container)
	check := row.Objects[1].(*widget.Check)
	status := row.Objects[2].(*widget.Label)
	body.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s   %s", eventDate(ev), v.data.headline(ev)))
	body.Objects[1].(*widget.Label).SetText(ev.CAMEO + modeSuffix(ev.Mode) + " · " + shorten(ev.Text, 160))
	status.SetText(ev.Status.Label())
	switch ev.Status {
	case model.StatusConfirmed:
		status.Importance = widget.SuccessImportance
	case model.StatusRejected:
		status.Importance = widget.DangerImportance
	default:
		status.Importance = widget.WarningImportance
	}
	status.Refresh()
	check.OnChanged = nil
	check.SetChecked(v.picked[ev.ID])
	id := ev.ID
	check.OnChanged = func(on bool) {
		if on {
			v.picked[id] = true
		} else {
			delete(v.picked, id)
		}
	}
}

// reload reads every event of the project, labelled, in the background and
// then shows those the filter lets through.
func (v *eventsView) reload() {
	load(v.wb, v.loads.next(v.wb), "List events", func(ctx context.Context, st store.Store) (eventData, error) {
		return loadEvents(ctx, st, eventFilter{})
	}, func(d eventData) {
		v.gen++
		d.gen = v.gen
		v.all = d
		v.updateTagChoices(d.tags)
		offset := v.list.GetScrollOffset() // a refresh leaves the list where the analyst scrolled it
		v.refilter()
		v.list.ScrollToOffset(offset)
	})
}

// refilter shows the events the filter lets through, in the chosen order, in
// the list and on the timeline.
func (v *eventsView) refilter() {
	if v.sortBy == nil {
		return // still being built
	}
	v.data = v.all.filtered(v.filter, v.sortBy.Selected)
	v.keepListedTicks()
	v.count.SetText(plural(len(v.data.events), "event"))
	v.list.UnselectAll()
	v.list.Refresh()
	for i, ev := range v.data.events {
		if ev.ID == v.cursor {
			selectSilently(v.list, i) // the event last selected stays selected while listed
			break
		}
	}
	v.wb.timeline.show(v.data)
}

func (v *eventsView) updateTagChoices(tags []model.Tag) {
	opts := []string{anyChoice}
	v.tagIDs = map[string]int64{}
	for _, t := range tags {
		opts = append(opts, t.Name)
		v.tagIDs[t.Name] = t.ID
	}
	v.tag.Options = opts
	v.tag.Refresh()
}

func (v *eventsView) clearFilter() {
	v.filter = eventFilter{}
	v.status.SetSelected(anyChoice)
	v.kind.SetSelected(anyChoice)
	v.tag.SetSelected(anyChoice)
	v.from.SetText("")
	v.to.SetText("")
	v.actorBtn.SetText("Actor: any")
	v.recipBtn.SetText("Recipient: any")
	v.refilter()
}

func (v *eventsView) tickAll() {
	all := len(v.picked) < len(v.data.events)
	v.picked = map[int64]bool{}
	if all {
		for _, ev := range v.data.events {
			v.picked[ev.ID] = true
		}
	}
	v.list.Refresh()
}

// keepListedTicks drops the ticks of events the list no longer shows, so that
// bulk actions never reach events the filter hides.
func (v *eventsView) keepListedTicks() {
	listed := make(map[int64]bool, len(v.data.events))
	for _, ev := range v.data.events {
		listed[ev.ID] = true
	}
	for id := range v.picked {
		if !listed[id] {
			delete(v.picked, id)
		}
	}
}

// setTicked confirms or rejects every ticked event in one undoable step.
func (v *eventsView) setTicked(status model.Status) {
	var ids []int64
	for id := range v.picked {
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		v.wb.status.flash("Tick some events first")
		return
	}
	v.picked = map[int64]bool{}
	v.wb.apply("Set event status", func(ctx context.Context, st store.Store) error {
		return st.SetEventsStatus(ctx, ids, status)
	}, nil)
}

// pickParty chooses the actor or recipient the filter asks for.
func (v *eventsView) pickParty(target *int64, btn *widget.Button, role string) {
	v.wb.pickEntity(role+" filter", v.wb.entities.all, true, func(e model.Entity, ok bool) {
		if !ok {
			*target = 0
			btn.SetText(role + ": any")
		} else {
			*target = e.ID
			btn.SetText(role + ": " + e.Name)
		}
		v.refilter()
	})
}

func (v *eventsView) openSource(id int64) {
	for _, ev := range v.data.events {
		if ev.ID == id && ev.ArticleID != 0 {
			v.wb.openArticle(ev.ArticleID, ev.Start, ev.End)
			return
		}
	}
	v.wb.status.flash("Select an event with a source first")
}

// edit opens the event editor on the event last selected.
func (v *eventsView) edit(id int64) {
	for _, ev := range v.data.events {
		if ev.ID == id {
			v.wb.editEvent(ev)
			return
		}
	}
	v.wb.status.flash("Select an event first")
}

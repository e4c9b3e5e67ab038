package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// editorData is what the event editor needs besides the event itself.
type editorData struct {
	event    model.Event
	entities []model.Entity
	tags     []model.Tag
	codes    []cameoChoice
}

// cameoChoice is one CAMEO code as the editor offers it.
type cameoChoice struct {
	Code, Name string
	Type       model.EventType
	Goldstein  float64
}

func (c cameoChoice) label() string {
	return fmt.Sprintf("%s  %s  (%+.1f)", c.Code, c.Name, c.Goldstein)
}

func loadEditorData(ctx context.Context, st store.Store) (editorData, error) {
	var d editorData
	var err error
	if d.entities, err = st.Entities(ctx, store.EntityFilter{}); err != nil {
		return d, err
	}
	if d.tags, err = st.Tags(ctx); err != nil {
		return d, err
	}
	d.codes = cameoChoices()
	return d, nil
}

// editEvent opens the event editor on ev (ID 0: a new event) and saves it
// through the store's undoable API.
func (wb *workbench) editEvent(ev model.Event) {
	if wb.refuseReadOnly() {
		return
	}
	load(wb, nil, "Open event editor", func(ctx context.Context, st store.Store) (editorData, error) {
		d, err := loadEditorData(ctx, st)
		if err == nil && ev.ID != 0 {
			// The editor opens the event as it is now (a view may show an
			// older copy), and saving it is refused if another analyst
			// changes it before the save.
			d.event, err = st.Event(ctx, ev.ID)
		} else {
			d.event = ev
		}
		return d, err
	}, func(d editorData) { wb.showEventEditor(d.event, d) })
}

// showEventEditor shows the event form on ev and saves the edited event as
// one undoable change.
func (wb *workbench) showEventEditor(ev model.Event, d editorData) {
	f := newEventForm(wb, ev, d)
	title := "Edit event"
	if ev.ID == 0 {
		title = "New event"
	}
	dlg := dialog.NewForm(title, "Save", "Cancel", f.items(), func(save bool) {
		if save {
			wb.saveEvent(title, f.edited())
		}
	}, wb.win)
	dlg.Resize(fyne.NewSize(720, 640))
	dlg.Show()
}

// saveEvent creates or updates ev (ID 0: a new event) under label.
func (wb *workbench) saveEvent(label string, ev model.Event) {
	wb.apply(label, func(ctx context.Context, st store.Store) error {
		if ev.ID == 0 {
			_, err := st.CreateEvent(ctx, ev)
			return err
		}
		return st.UpdateEvent(ctx, ev)
	}, nil)
}

func cameoLabel(codes []cameoChoice, code string) string {
	for _, c := range codes {
		if c.Code == code {
			return c.label()
		}
	}
	if code == "" {
		return "Choose a CAMEO code…"
	}
	return code
}

// chipList is a row of removable chips naming ids (entities or tags).
type chipList struct {
	ids  []int64
	name func(int64) string
	box  *fyne.Container
}

func newChipList(name func(int64) string, ids []int64) *chipList {
	c := &chipList{ids: append([]int64(nil), ids...), name: name, box: container.NewHBox()}
	c.render()
	return c
}

func (c *chipList) add(id int64) {
	for _, x := range c.ids {
		if x == id {
			return
		}
	}
	c.ids = append(c.ids, id)
	c.render()
}

func (c *chipList) render() {
	c.box.Objects = nil
	for i, id := range c.ids {
		idx := i
		b := widget.NewButtonWithIcon(c.name(id), theme.CancelIcon(), func() {
			c.ids = append(c.ids[:idx:idx], c.ids[idx+1:]...)
			c.render()
		})
		b.Importance = widget.LowImportance
		c.box.Add(b)
	}
	if len(c.ids) == 0 {
		c.box.Add(newHint("none"))
	}
	c.box.Refresh()
}

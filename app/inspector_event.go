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

// showEvent shows an event in the inspector: who did what to whom and when,
// its coding, the source sentence, and buttons to confirm, reject, edit, open
// the source or delete it.
func (i *inspector) showEvent(id int64) {
	wb := i.wb
	i.target, i.shown = inspected{}, nil // a reload must not bring back what was shown before
	load(wb, i.loads.next(wb), "Show event", func(ctx context.Context, st store.Store) (eventData, error) {
		ev, err := st.Event(ctx, id)
		if err != nil {
			return eventData{}, err
		}
		return labelEvents(ctx, st, []model.Event{ev})
	}, func(d eventData) {
		i.show("Event", eventCard(wb, d.events[0], d))
	})
}

func eventCard(wb *workbench, ev model.Event, d eventData) fyne.CanvasObject {
	head := widget.NewLabelWithStyle(d.headline(ev), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	line := func(k, v string) *widget.FormItem {
		l := widget.NewLabel(v)
		l.Wrapping = fyne.TextWrapWord
		return widget.NewFormItem(k, l)
	}
	date := eventDate(ev)
	if ev.DateText != "" {
		date += fmt.Sprintf("\n“%s”, %s", ev.DateText, ev.DateBasis)
	}
	form := widget.NewForm(
		line("Date", date),
		line("Type", ev.Type.Label()+modeSuffix(ev.Mode)),
		line("CAMEO", fmt.Sprintf("%s · Goldstein %s", ev.CAMEO, signed(ev.Goldstein))),
		line("Status", ev.Status.Label()),
	)
	for _, it := range []struct{ k, v string }{{"Location", ev.Location}, {"Summary", ev.Summary}, {"Note", ev.Note}} {
		if it.v != "" {
			form.AppendItem(line(it.k, it.v))
		}
	}
	quote := widget.NewLabel("“" + ev.Text + "”")
	quote.Wrapping = fyne.TextWrapWord
	quote.TextStyle.Italic = true
	source := widget.NewLabel(d.articles[ev.ArticleID])
	source.Wrapping = fyne.TextWrapWord
	source.Importance = widget.LowImportance
	confirm, reject := statusButtons(ev.Status, func(status model.Status) {
		wb.apply("Set event status", func(ctx context.Context, st store.Store) error {
			return st.SetEventStatus(ctx, ev.ID, status)
		}, func() { wb.inspector.showEvent(ev.ID) })
	})
	edit := widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), func() { wb.editEvent(ev) })
	open := widget.NewButtonWithIcon("Open source", theme.VisibilityIcon(), func() {
		if ev.ArticleID != 0 {
			wb.openArticle(ev.ArticleID, ev.Start, ev.End)
		}
	})
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() {
		dialog.ShowConfirm("Delete event", "Delete this event? (Undo brings it back.)", func(ok bool) {
			if ok {
				wb.apply("Delete event", func(ctx context.Context, st store.Store) error {
					return st.DeleteEvent(ctx, ev.ID)
				}, wb.inspector.clear)
			}
		}, wb.win)
	})
	buttons := container.NewGridWithColumns(2, confirm, reject, edit, open)
	box := container.NewVBox(head, form, buttons, widget.NewSeparator(), quote, source)
	if who := whoLabel(ev.Who); who != nil {
		box.Add(who)
	}
	box.Add(del)
	return box
}

func modeSuffix(mode string) string {
	if mode == "" {
		return ""
	}
	return " · " + mode
}

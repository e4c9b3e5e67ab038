package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"

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
	entities []store.Entity
	tags     []store.Tag
	codes    []cameoChoice
}

// cameoChoice is one CAMEO code as the editor offers it.
type cameoChoice struct {
	Code, Name, Type string
	Goldstein        float64
}

func (c cameoChoice) label() string {
	return fmt.Sprintf("%s  %s  (%+.1f)", c.Code, c.Name, c.Goldstein)
}

func loadEditorData(ctx context.Context, st *store.Store) (editorData, error) {
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
func (wb *workbench) editEvent(ev store.Event) {
	load(wb, nil, "Open event editor", loadEditorData, func(d editorData) { wb.showEventEditor(ev, d) })
}

func (wb *workbench) showEventEditor(ev store.Event, d editorData) {
	byID := map[int64]store.Entity{}
	for _, e := range d.entities {
		byID[e.ID] = e
	}
	tagByID := map[int64]store.Tag{}
	for _, t := range d.tags {
		tagByID[t.ID] = t
	}
	actors := newChipList(func(id int64) string { return byID[id].Name }, ev.Actors)
	recips := newChipList(func(id int64) string { return byID[id].Name }, ev.Recipients)
	tags := newChipList(func(id int64) string { return tagByID[id].Name }, ev.TagIDs)
	addActor := widget.NewButtonWithIcon("Add…", theme.ContentAddIcon(), func() {
		wb.pickEntity("Add actor", d.entities, false, func(e store.Entity, ok bool) { actors.add(e.ID) })
	})
	addRecip := widget.NewButtonWithIcon("Add…", theme.ContentAddIcon(), func() {
		wb.pickEntity("Add recipient", d.entities, false, func(e store.Entity, ok bool) { recips.add(e.ID) })
	})
	addTag := widget.NewButtonWithIcon("Add…", theme.ContentAddIcon(), func() {
		wb.pickTag("Tag event", d.tags, func(id int64, newName string) {
			if id != 0 {
				tags.add(id)
				return
			}
			// "Create" in the picker: make the tag now, so the event can carry it.
			colour := newTagColour(len(d.tags))
			job(wb, "Create tag", func(ctx context.Context, st *store.Store) (int64, error) {
				return st.CreateTag(ctx, store.Tag{Name: newName, Colour: colour})
			}, func(id int64) {
				t := store.Tag{ID: id, Name: newName, Colour: colour}
				tagByID[id] = t
				d.tags = append(d.tags, t)
				tags.add(id)
				wb.refresh()
			})
		})
	})
	kind := widget.NewSelect(ploverTypes, nil)
	kind.Selected = ev.Type
	mode := widget.NewEntry()
	mode.SetText(ev.Mode)
	mode.SetPlaceHolder("e.g. phone, visit, statement")
	goldstein := widget.NewEntry()
	goldstein.SetText(strconv.FormatFloat(ev.Goldstein, 'f', 1, 64))
	goldstein.Validator = func(s string) error {
		v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || v < -10 || v > 10 {
			return fmt.Errorf("a number from -10 to 10")
		}
		return nil
	}
	code := ev.CAMEO
	codeBtn := widget.NewButton(cameoLabel(d.codes, code), nil)
	codeBtn.OnTapped = func() {
		wb.pickCAMEO(d.codes, func(c cameoChoice) {
			code = c.Code
			codeBtn.SetText(c.label())
			goldstein.SetText(strconv.FormatFloat(c.Goldstein, 'f', 1, 64))
			if c.Type != "" {
				kind.SetSelected(c.Type)
			}
		})
	}
	date, endDate := widget.NewEntry(), widget.NewEntry()
	date.SetText(ev.Date)
	date.SetPlaceHolder("YYYY-MM-DD")
	date.Validator = model.ValidDate
	endDate.SetText(ev.EndDate)
	endDate.SetPlaceHolder("optional end YYYY-MM-DD")
	endDate.Validator = model.ValidDate
	precision := widget.NewSelect([]string{"day", "week", "month", "year"}, nil)
	precision.Selected = ev.Precision
	if precision.Selected == "" {
		precision.Selected = "day"
	}
	location, summary := widget.NewEntry(), widget.NewEntry()
	location.SetText(ev.Location)
	summary.SetText(ev.Summary)
	note := widget.NewMultiLineEntry()
	note.SetText(ev.Note)
	note.SetMinRowsVisible(3)
	note.Wrapping = fyne.TextWrapWord
	status := widget.NewSelect(store.Statuses, nil)
	status.Selected = ev.Status
	if status.Selected == "" {
		status.Selected = store.StatusConfirmed
	}
	quote := widget.NewLabel(shorten(ev.Text, 400))
	quote.Wrapping = fyne.TextWrapWord
	quote.TextStyle.Italic = true
	openSrc := widget.NewButtonWithIcon("Open source passage", theme.VisibilityIcon(), func() {
		if ev.ArticleID != 0 {
			wb.openArticle(ev.ArticleID, ev.Start, ev.End)
		}
	})
	if ev.ArticleID == 0 {
		openSrc.Disable()
	}
	dateText := ""
	if ev.DateText != "" {
		dateText = "as written: “" + ev.DateText + "” (" + ev.DateBasis + ")"
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Actors", container.NewBorder(nil, nil, nil, addActor, actors.box)),
		widget.NewFormItem("Recipients", container.NewBorder(nil, nil, nil, addRecip, recips.box)),
		widget.NewFormItem("Type", container.NewGridWithColumns(2, kind, mode)),
		widget.NewFormItem("CAMEO", container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewLabel("Goldstein"), goldstein), codeBtn)),
		widget.NewFormItem("Date", container.NewGridWithColumns(3, date, precision, endDate)),
		widget.NewFormItem("", newHint(dateText)),
		widget.NewFormItem("Location", location),
		widget.NewFormItem("Summary", summary),
		widget.NewFormItem("Tags", container.NewBorder(nil, nil, nil, addTag, tags.box)),
		widget.NewFormItem("Note", note),
		widget.NewFormItem("Status", status),
		widget.NewFormItem("Source", container.NewBorder(nil, nil, nil, openSrc, quote)),
	}
	title := "Edit event"
	if ev.ID == 0 {
		title = "New event"
	}
	dlg := dialog.NewForm(title, "Save", "Cancel", items, func(save bool) {
		if !save {
			return
		}
		g, _ := strconv.ParseFloat(strings.TrimSpace(goldstein.Text), 64)
		out := ev
		out.Actors, out.Recipients, out.TagIDs = actors.ids, recips.ids, tags.ids
		out.Type, out.Mode, out.CAMEO, out.Goldstein = kind.Selected, strings.TrimSpace(mode.Text), code, g
		out.Date, out.EndDate, out.Precision = strings.TrimSpace(date.Text), strings.TrimSpace(endDate.Text), precision.Selected
		switch {
		case out.Date == "":
			out.DateBasis = "unresolved" // a cleared date is no longer explicit
		case out.Date != ev.Date:
			out.DateBasis = "explicit"
		}
		out.Location, out.Summary, out.Note, out.Status = location.Text, summary.Text, note.Text, status.Selected
		wb.apply(title, func(ctx context.Context, st *store.Store) error {
			if out.ID == 0 {
				_, err := st.CreateEvent(ctx, out)
				return err
			}
			return st.UpdateEvent(ctx, out)
		}, nil)
	}, wb.win)
	dlg.Resize(fyne.NewSize(720, 640))
	dlg.Show()
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

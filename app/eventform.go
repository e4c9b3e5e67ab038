package app

import (
	"cmp"
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// eventForm is the event editor's fields over the event it edits.
type eventForm struct {
	wb *workbench
	ev model.Event // as it was when the editor opened
	d  editorData

	actors, recips, tags       *chipList
	addActor, addRecip, addTag *widget.Button
	kind, precision, status    *widget.Select
	mode, goldstein            *widget.Entry
	code                       string // the CAMEO code chosen
	codeBtn                    *widget.Button
	date, endDate              *widget.Entry
	location, summary, note    *widget.Entry
	quote                      *widget.Label
	openSrc                    *widget.Button
}

func newEventForm(wb *workbench, ev model.Event, d editorData) *eventForm {
	f := &eventForm{wb: wb, ev: ev, d: d}
	f.partyFields()
	f.tagField()
	f.typeFields()
	f.dateFields()
	f.textFields()
	f.sourceField()
	return f
}

// partyFields are the actors and recipients, each with a picker to add one.
func (f *eventForm) partyFields() {
	byID := map[int64]model.Entity{}
	for _, e := range f.d.entities {
		byID[e.ID] = e
	}
	name := func(id int64) string { return byID[id].Name }
	f.actors = newChipList(name, f.ev.Actors)
	f.recips = newChipList(name, f.ev.Recipients)
	f.addActor = widget.NewButtonWithIcon("Add…", theme.ContentAddIcon(), func() {
		f.wb.pickEntity("Add actor", f.d.entities, false, func(e model.Entity, ok bool) { f.actors.add(e.ID) })
	})
	f.addRecip = widget.NewButtonWithIcon("Add…", theme.ContentAddIcon(), func() {
		f.wb.pickEntity("Add recipient", f.d.entities, false, func(e model.Entity, ok bool) { f.recips.add(e.ID) })
	})
}

// tagField is the event's tags, with a picker that can also create a tag.
func (f *eventForm) tagField() {
	tagByID := map[int64]model.Tag{}
	for _, t := range f.d.tags {
		tagByID[t.ID] = t
	}
	f.tags = newChipList(func(id int64) string { return tagByID[id].Name }, f.ev.TagIDs)
	wb := f.wb
	f.addTag = widget.NewButtonWithIcon("Add…", theme.ContentAddIcon(), func() {
		wb.pickTag("Tag event", f.d.tags, func(id int64, newName string) {
			if id != 0 {
				f.tags.add(id)
				return
			}
			// "Create" in the picker: make the tag now, so the event can carry it.
			colour := newTagColour(len(f.d.tags))
			job(wb, "Create tag", func(ctx context.Context, st store.Store) (int64, error) {
				return st.CreateTag(ctx, model.Tag{Name: newName, Colour: colour})
			}, func(id int64) {
				t := model.Tag{ID: id, Name: newName, Colour: colour}
				tagByID[id] = t
				f.d.tags = append(f.d.tags, t)
				f.tags.add(id)
				wb.refresh()
			})
		})
	})
}

// typeFields are the PLOVER type, mode, CAMEO code and Goldstein score;
// picking a code sets the score and the type that go with it.
func (f *eventForm) typeFields() {
	f.kind = widget.NewSelect(model.Strings(model.EventTypes()), nil)
	f.kind.Selected = string(f.ev.Type)
	f.mode = widget.NewEntry()
	f.mode.SetText(f.ev.Mode)
	f.mode.SetPlaceHolder("e.g. phone, visit, statement")
	f.goldstein = widget.NewEntry()
	f.goldstein.SetText(strconv.FormatFloat(f.ev.Goldstein, 'f', 1, 64))
	f.goldstein.Validator = func(s string) error {
		v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || v < -10 || v > 10 {
			return fmt.Errorf("a number from -10 to 10")
		}
		return nil
	}
	f.code = f.ev.CAMEO
	f.codeBtn = widget.NewButton(cameoLabel(f.d.codes, f.code), nil)
	f.codeBtn.OnTapped = func() {
		f.wb.pickCAMEO(f.d.codes, func(c cameoChoice) {
			f.code = c.Code
			f.codeBtn.SetText(c.label())
			f.goldstein.SetText(strconv.FormatFloat(c.Goldstein, 'f', 1, 64))
			if c.Type != "" {
				f.kind.SetSelected(string(c.Type))
			}
		})
	}
}

// dateFields are the date, its precision and the end date.
func (f *eventForm) dateFields() {
	f.date, f.endDate = widget.NewEntry(), widget.NewEntry()
	f.date.SetText(f.ev.Date)
	f.date.SetPlaceHolder("YYYY-MM-DD")
	f.date.Validator = model.ValidDate
	f.endDate.SetText(f.ev.EndDate)
	f.endDate.SetPlaceHolder("optional end YYYY-MM-DD")
	f.endDate.Validator = model.ValidDate
	f.precision = widget.NewSelect(model.Strings(model.Precisions()), nil)
	f.precision.Selected = string(cmp.Or(f.ev.Precision, model.PrecisionDay))
}

// textFields are the location, summary, note and status.
func (f *eventForm) textFields() {
	f.location, f.summary = widget.NewEntry(), widget.NewEntry()
	f.location.SetText(f.ev.Location)
	f.summary.SetText(f.ev.Summary)
	f.note = widget.NewMultiLineEntry()
	f.note.SetText(f.ev.Note)
	f.note.SetMinRowsVisible(3)
	f.note.Wrapping = fyne.TextWrapWord
	f.status = widget.NewSelect(model.Strings(model.Statuses()), nil)
	f.status.Selected = string(cmp.Or(f.ev.Status, model.StatusConfirmed))
}

// sourceField is the quoted source text, with a button that opens it.
func (f *eventForm) sourceField() {
	f.quote = widget.NewLabel(shorten(f.ev.Text, 400))
	f.quote.Wrapping = fyne.TextWrapWord
	f.quote.TextStyle.Italic = true
	ev := f.ev
	f.openSrc = widget.NewButtonWithIcon("Open source passage", theme.VisibilityIcon(), func() {
		if ev.ArticleID != 0 {
			f.wb.openArticle(ev.ArticleID, ev.Start, ev.End)
		}
	})
	if ev.ArticleID == 0 {
		f.openSrc.Disable()
	}
}

// items lays the fields out as the form's rows.
func (f *eventForm) items() []*widget.FormItem {
	dateText := ""
	if f.ev.DateText != "" {
		dateText = "as written: “" + f.ev.DateText + "” (" + f.ev.DateBasis.Label() + ")"
	}
	return []*widget.FormItem{
		widget.NewFormItem("Actors", container.NewBorder(nil, nil, nil, f.addActor, f.actors.box)),
		widget.NewFormItem("Recipients", container.NewBorder(nil, nil, nil, f.addRecip, f.recips.box)),
		widget.NewFormItem("Type", container.NewGridWithColumns(2, f.kind, f.mode)),
		widget.NewFormItem("CAMEO", container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewLabel("Goldstein"), f.goldstein), f.codeBtn)),
		widget.NewFormItem("Date", container.NewGridWithColumns(3, f.date, f.precision, f.endDate)),
		widget.NewFormItem("", newHint(dateText)),
		widget.NewFormItem("Location", f.location),
		widget.NewFormItem("Summary", f.summary),
		widget.NewFormItem("Tags", container.NewBorder(nil, nil, nil, f.addTag, f.tags.box)),
		widget.NewFormItem("Note", f.note),
		widget.NewFormItem("Status", f.status),
		widget.NewFormItem("Source", container.NewBorder(nil, nil, nil, f.openSrc, f.quote)),
	}
}

// edited is the event as the form now says it. A date the analyst changed
// is explicit; a cleared one is unresolved.
func (f *eventForm) edited() model.Event {
	g, _ := strconv.ParseFloat(strings.TrimSpace(f.goldstein.Text), 64)
	out := f.ev
	out.Actors, out.Recipients, out.TagIDs = f.actors.ids, f.recips.ids, f.tags.ids
	out.Type, out.Mode, out.CAMEO, out.Goldstein = model.EventType(f.kind.Selected), strings.TrimSpace(f.mode.Text), f.code, g
	out.Date, out.EndDate, out.Precision = strings.TrimSpace(f.date.Text), strings.TrimSpace(f.endDate.Text), model.Precision(f.precision.Selected)
	switch {
	case out.Date == "":
		out.DateBasis = model.BasisUnresolved // a cleared date is no longer explicit
	case out.Date != f.ev.Date:
		out.DateBasis = model.BasisExplicit
	}
	out.Location, out.Summary, out.Note, out.Status = f.location.Text, f.summary.Text, f.note.Text, model.Status(f.status.Selected)
	return out
}

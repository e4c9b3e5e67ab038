package app

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/attache-app/attache/data/extract"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/search"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/widgets"
)

// cameoChoices lists the CAMEO codes with their names, Goldstein scores and
// PLOVER types.
func cameoChoices() []cameoChoice {
	var out []cameoChoice
	for _, c := range extract.CAMEOCodes() {
		out = append(out, cameoChoice{Code: c.Code, Name: c.Name, Type: c.Type, Goldstein: c.Goldstein})
	}
	return out
}

// pickCAMEO is a searchable list of CAMEO codes: type a code ("057") or words
// of its name ("sign agreement").
func (wb *workbench) pickCAMEO(codes []cameoChoice, chosen func(cameoChoice)) {
	entries := make([]search.Entry, len(codes))
	for i, c := range codes {
		entries[i] = search.Entry{ID: int64(i), Name: c.Code + " " + c.Name}
	}
	ix := search.NewIndex(entries)
	picker := widgets.NewPicker(func(q string) []widgets.PickerItem {
		var items []widgets.PickerItem
		add := func(i int, runes []int) {
			c := codes[i]
			items = append(items, widgets.PickerItem{Label: c.Code + " " + c.Name, Matched: runes, Detail: c.Type.Label() + " · Goldstein " + signed(c.Goldstein), Value: i})
		}
		if strings.TrimSpace(q) == "" {
			for i := range codes {
				add(i, nil)
			}
			return items
		}
		for _, m := range ix.Find(q, 60) {
			add(int(m.ID), m.Runes)
		}
		return items
	})
	wb.showPicker("CAMEO code", fyne.NewSize(560, 520), picker, func(it widgets.PickerItem) {
		if i, ok := it.Value.(int); ok {
			chosen(codes[i])
		}
	}, nil)
}

func signed(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// newEventFromSelection (Ctrl+E) opens the event editor on the selected passage,
// pre-filled with what extraction finds in it: type, CAMEO code, actors and
// recipients (matched to the project's entities), and the date resolved against
// the article's publication date.
func (r *reader) newEventFromSelection() {
	start, end, ok := r.selection()
	if !ok {
		return
	}
	a := r.article
	text := string([]rune(a.Body)[start:end])
	wb := r.wb
	type prefill struct {
		ev   model.Event
		data editorData
	}
	load(wb, nil, "New event", func(ctx context.Context, st store.Store) (prefill, error) {
		d, err := loadEditorData(ctx, st)
		if err != nil {
			return prefill{}, err
		}
		ev := model.Event{ArticleID: a.ID, Start: start, End: end, Text: text, Status: model.StatusConfirmed, Precision: model.PrecisionDay}
		x, err := sharedExtractor()
		if err != nil {
			return prefill{}, err
		}
		res := x.Extract(text, a.Published)
		if len(res.Events) > 0 {
			sug := res.Events[0]
			ev.Type, ev.Mode, ev.CAMEO, ev.Goldstein = sug.Type, sug.Mode, sug.CAMEO, sug.Goldstein
			ev.Date, ev.EndDate, ev.Precision, ev.DateText, ev.DateBasis = sug.Date, sug.EndDate, sug.Precision, sug.DateText, sug.DateBasis
			ev.Actors = matchEntities(d.entities, res.Entities, sug.Actors)
			ev.Recipients = matchEntities(d.entities, res.Entities, sug.Recipients)
		}
		if ev.Date == "" && a.Published != "" {
			ev.Date, ev.DateBasis = firstN(a.Published, 10), model.BasisPublication
		}
		return prefill{ev, d}, nil
	}, func(p prefill) { wb.showEventEditor(p.ev, p.data) })
}

// matchEntities maps extracted entities (by index) to the project's entities
// with the same name or alias.
func matchEntities(all []model.Entity, found []extract.Entity, idx []int) []int64 {
	var out []int64
	for _, i := range idx {
		if i < 0 || i >= len(found) {
			continue
		}
		name := strings.ToLower(found[i].Name)
	next:
		for _, e := range all {
			if strings.ToLower(e.Name) == name {
				out = append(out, e.ID)
				break
			}
			for _, al := range e.Aliases {
				if strings.ToLower(al.Name) == name {
					out = append(out, e.ID)
					break next
				}
			}
		}
	}
	return out
}

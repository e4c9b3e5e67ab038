package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/widgets"
)

// entityMentionLimit caps the mentions the entity view lists (and loads).
const entityMentionLimit = 300

// entityData is what the entity view shows.
type entityData struct {
	entity   model.Entity
	mentions []entityMention
	more     int // mentions beyond entityMentionLimit
}

// entityMention is one mention of an entity, with its article and context.
type entityMention struct {
	mention model.Mention
	title   string
	context snippet
}

func (i *inspector) loadEntity(t inspected, fresh bool) {
	inspect(i, t, fresh, "Show entity", func(ctx context.Context, st store.Store) (entityData, error) {
		return loadEntityData(ctx, st, t.id)
	}, i.entityView)
}

func loadEntityData(ctx context.Context, st store.Store, id int64) (entityData, error) {
	var d entityData
	var err error
	if d.entity, err = st.Entity(ctx, id); err != nil {
		return d, err
	}
	ms, err := st.Mentions(ctx, store.MentionFilter{EntityID: id})
	if err != nil {
		return d, err
	}
	if len(ms) > entityMentionLimit {
		d.more = len(ms) - entityMentionLimit
		ms = ms[:entityMentionLimit]
	}
	var body []rune
	var title string
	var bodyOf int64
	for _, m := range ms {
		if m.ArticleID != bodyOf {
			a, err := st.Article(ctx, m.ArticleID)
			if err != nil {
				return d, err
			}
			body, title, bodyOf = []rune(a.Body), titleOrUntitled(a.Title), a.ID
		}
		d.mentions = append(d.mentions, entityMention{mention: m, title: title, context: contextAround(body, m.Start, m.End, 16, 60)})
	}
	return d, nil
}

// entityView shows an entity in two tabs: its editable details (name, kind,
// country, role, description), aliases and "Merge into…"; and its mentions
// across articles, each opening its article at the mention.
func (i *inspector) entityView(d entityData) (string, fyne.CanvasObject) {
	details := container.NewTabItemWithIcon("Details", theme.DocumentCreateIcon(), container.NewVScroll(i.entityDetails(d)))
	mentions := container.NewTabItemWithIcon(fmt.Sprintf("Mentions (%d)", len(d.mentions)+d.more), theme.ListIcon(), i.entityMentions(d))
	tabs := container.NewAppTabs(details, mentions)
	tabs.SelectIndex(i.entityTab)
	tabs.OnSelected = func(*container.TabItem) { i.entityTab = tabs.SelectedIndex() }
	return d.entity.Name, tabs
}

func (i *inspector) entityDetails(d entityData) fyne.CanvasObject {
	wb, e := i.wb, d.entity
	name := widget.NewEntry()
	name.SetText(e.Name)
	kind := widget.NewSelect(model.Strings(model.EntityKinds()), nil)
	kind.SetSelected(string(e.Kind))
	country := widget.NewEntry()
	country.SetText(e.Country)
	country.SetPlaceHolder("ISO 3166 alpha-3, e.g. CHN")
	country.Validator = validCountryOrEmpty
	role := widget.NewEntry()
	role.SetText(e.Role)
	role.SetPlaceHolder("e.g. GOV, LEG, MIL")
	desc := widget.NewMultiLineEntry()
	desc.Wrapping = fyne.TextWrapWord
	desc.SetMinRowsVisible(3)
	desc.SetText(e.Description)
	form := widget.NewForm(
		widget.NewFormItem("Name", name),
		widget.NewFormItem("Kind", kind),
		widget.NewFormItem("Country", country),
		widget.NewFormItem("Role", role),
		widget.NewFormItem("About", desc),
	)
	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() {
		if strings.TrimSpace(name.Text) == "" || country.Validate() != nil {
			wb.status.flash("An entity needs a name, and a country code of three letters (or none)")
			return
		}
		edited := model.Entity{ID: e.ID, Who: e.Who, Name: name.Text, Kind: model.EntityKind(kind.Selected), Country: strings.ToUpper(strings.TrimSpace(country.Text)),
			Role: strings.TrimSpace(role.Text), Description: desc.Text}
		wb.apply("Edit entity", func(ctx context.Context, st store.Store) error {
			return st.UpdateEntity(ctx, edited)
		}, func() {
			e.Name, e.Kind, e.Country, e.Role, e.Description = edited.Name, edited.Kind, edited.Country, edited.Role, edited.Description
		})
	})
	save.Importance = widget.HighImportance
	i.unsaved = func() bool {
		return name.Text != e.Name || kind.Selected != string(e.Kind) || strings.ToUpper(strings.TrimSpace(country.Text)) != e.Country ||
			strings.TrimSpace(role.Text) != e.Role || desc.Text != e.Description
	}

	aliases := container.NewVBox()
	for _, a := range e.Aliases {
		alias := a
		label := widget.NewLabel(alias.Name)
		label.Truncation = fyne.TextTruncateEllipsis
		right := container.NewHBox()
		if alias.Lang != "" {
			l := widget.NewLabel(alias.Lang)
			l.Importance = widget.LowImportance
			right.Add(l)
		}
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			wb.apply("Remove alias", func(ctx context.Context, st store.Store) error {
				return st.RemoveAlias(ctx, e.ID, alias.Name)
			}, nil)
		})
		remove.Importance = widget.LowImportance
		right.Add(remove)
		aliases.Add(container.NewBorder(nil, nil, nil, right, label))
	}
	if len(e.Aliases) == 0 {
		aliases.Add(newHint("No aliases."))
	}
	newAlias := widget.NewEntry()
	newAlias.SetPlaceHolder("New alias, any script")
	addAlias := func() {
		text := strings.TrimSpace(newAlias.Text)
		if text == "" {
			return
		}
		wb.apply("Add alias", func(ctx context.Context, st store.Store) error {
			return st.AddAlias(ctx, e.ID, model.Alias{Name: text})
		}, nil)
	}
	newAlias.OnSubmitted = func(string) { addAlias() }
	add := widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), addAlias)

	merge := widget.NewButtonWithIcon("Merge into…", theme.MailForwardIcon(), func() { i.mergeEntity(e) })
	return container.NewVBox(
		form, container.NewHBox(save),
		widget.NewSeparator(),
		sectionLabel("Aliases"), aliases,
		container.NewBorder(nil, nil, nil, add, newAlias),
		widget.NewSeparator(),
		wrapped(entitySummary(e)),
		container.NewHBox(merge),
	)
}

// mergeEntity asks for another entity with a fuzzy picker and, once
// confirmed, merges e into it; the inspector then shows the merged entity.
func (i *inspector) mergeEntity(e model.Entity) {
	wb := i.wb
	load(wb, nil, "List entities", func(ctx context.Context, st store.Store) ([]model.Entity, error) {
		return st.Entities(ctx, store.EntityFilter{})
	}, func(all []model.Entity) {
		others := make([]model.Entity, 0, len(all))
		for _, o := range all {
			if o.ID != e.ID {
				others = append(others, o)
			}
		}
		wb.pickEntity("Merge “"+e.Name+"” into", others, false, func(into model.Entity, ok bool) {
			if !ok {
				return
			}
			msg := fmt.Sprintf("Merge “%s” into “%s”?\n\nIts %s, aliases and events move to “%s”, its name becomes an alias, and “%s” is removed. (Undo brings it back.)",
				e.Name, into.Name, plural(e.Mentions, "mention"), into.Name, e.Name)
			dialog.ShowConfirm("Merge entities", msg, func(yes bool) {
				if yes {
					i.mergeInto(e.ID, into.ID)
				}
			}, wb.win)
		})
	})
}

// mergeInto merges entity drop into keep and shows keep.
func (i *inspector) mergeInto(drop, keep int64) {
	i.target, i.entityTab = inspected{kind: inspectEntity, id: keep}, 0
	i.wb.entities.selected = keep
	i.wb.apply("Merge entities", func(ctx context.Context, st store.Store) error {
		return st.MergeEntities(ctx, keep, drop)
	}, nil)
}

func (i *inspector) entityMentions(d entityData) fyne.CanvasObject {
	if len(d.mentions) == 0 {
		return container.NewVBox(newHint("No mentions of this entity."))
	}
	list := widget.NewList(
		func() int { return len(d.mentions) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("Title")
			title.Truncation = fyne.TextTruncateEllipsis
			title.Importance = widget.LowImportance
			title.SizeName = theme.SizeNameCaptionText
			status := widget.NewLabel(model.StatusSuggested.Label())
			status.Importance = widget.LowImportance
			status.SizeName = theme.SizeNameCaptionText
			return container.NewVBox(widgets.NewHighlightLabel("", nil), container.NewBorder(nil, nil, nil, status, title))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			m := d.mentions[id]
			box := o.(*fyne.Container)
			box.Objects[0].(*widgets.HighlightLabel).SetText(m.context.text, m.context.marks())
			meta := box.Objects[1].(*fyne.Container)
			meta.Objects[0].(*widget.Label).SetText(m.title)
			meta.Objects[1].(*widget.Label).SetText(m.mention.Status.Label())
		},
	)
	list.OnSelected = func(id widget.ListItemID) {
		m := d.mentions[id].mention
		list.Unselect(id)
		i.wb.openArticle(m.ArticleID, m.Start, m.End)
	}
	if d.more > 0 {
		more := newHint(fmt.Sprintf("and %d more mentions not listed", d.more))
		return container.NewBorder(nil, more, nil, nil, list)
	}
	return list
}

// validCountryOrEmpty accepts an empty country or three letters.
func validCountryOrEmpty(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if len(s) != 3 || strings.IndexFunc(s, func(r rune) bool { return (r < 'A' || r > 'Z') && (r < 'a' || r > 'z') }) >= 0 {
		return fmt.Errorf("a country code has three letters (ISO 3166 alpha-3)")
	}
	return nil
}

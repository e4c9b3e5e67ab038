package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// mentionData is what the mention view shows.
type mentionData struct {
	mention model.Mention
	entity  model.Entity
	title   string // the article's title
	context snippet
}

// findMention returns mention id, looking in articleID's mentions when known.
func findMention(ctx context.Context, st store.Store, id, articleID int64) (model.Mention, error) {
	ms, err := st.Mentions(ctx, store.MentionFilter{ArticleID: articleID})
	if err != nil {
		return model.Mention{}, err
	}
	for _, m := range ms {
		if m.ID == id {
			return m, nil
		}
	}
	if articleID != 0 {
		return findMention(ctx, st, id, 0)
	}
	return model.Mention{}, fmt.Errorf("mention %d: %w", id, store.ErrNotFound)
}

func (i *inspector) loadMention(t inspected, fresh bool) {
	inspect(i, t, fresh, "Show mention", func(ctx context.Context, st store.Store) (mentionData, error) {
		var d mentionData
		var err error
		if d.mention, err = findMention(ctx, st, t.id, t.articleID); err != nil {
			return d, err
		}
		if d.entity, err = st.Entity(ctx, d.mention.EntityID); err != nil {
			return d, err
		}
		a, err := st.Article(ctx, d.mention.ArticleID)
		if err != nil {
			return d, err
		}
		d.title = titleOrUntitled(a.Title)
		d.context = contextAround([]rune(a.Body), d.mention.Start, d.mention.End, 160, 160)
		return d, nil
	}, i.mentionView)
}

// mentionView shows a mention in its sentence, the entity it points at, its
// status with Confirm and Reject, and a way to point it at another entity.
func (i *inspector) mentionView(d mentionData) (string, fyne.CanvasObject) {
	wb, m, e := i.wb, d.mention, d.entity
	text := widget.NewLabelWithStyle(m.Text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	text.Wrapping = fyne.TextWrapWord
	inContext := d.context.richText()
	source := widget.NewLabel("Article: " + d.title)
	source.Truncation = fyne.TextTruncateEllipsis

	name := widget.NewLabelWithStyle(e.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Wrapping = fyne.TextWrapWord
	about := wrapped(entitySummary(e))
	showEntity := widget.NewButtonWithIcon("Show entity", theme.InfoIcon(), func() { i.showEntity(e.ID) })
	entityBox := container.NewBorder(nil, nil, widget.NewIcon(iconForKind(e.Kind)), nil, container.NewVBox(name, about))

	status := widget.NewLabel("Status: " + m.Status.Label())
	confirm, reject := statusButtons(m.Status, func(status model.Status) {
		wb.apply("Set mention status", func(ctx context.Context, st store.Store) error {
			return st.SetMentionStatus(ctx, m.ID, status)
		}, nil)
	})
	repoint := widget.NewButtonWithIcon("Point at another entity…", theme.SearchIcon(), func() {
		load(wb, nil, "List entities", func(ctx context.Context, st store.Store) ([]model.Entity, error) {
			return st.Entities(ctx, store.EntityFilter{})
		}, func(all []model.Entity) {
			wb.pickEntity("Point “"+shorten(m.Text, 40)+"” at", all, false, func(to model.Entity, ok bool) {
				if !ok || to.ID == m.EntityID {
					return
				}
				wb.apply("Change mention entity", func(ctx context.Context, st store.Store) error {
					return st.SetMentionEntity(ctx, m.ID, to.ID)
				}, nil)
			})
		})
	})
	open := widget.NewButtonWithIcon("Open in article", theme.VisibilityIcon(), func() {
		wb.openArticle(m.ArticleID, m.Start, m.End)
	})
	return "Mention", container.NewVScroll(container.NewVBox(
		text, inContext, source, container.NewHBox(open),
		widget.NewSeparator(),
		sectionLabel("Refers to"), entityBox, container.NewHBox(showEntity),
		widget.NewSeparator(),
		status, container.NewGridWithColumns(2, confirm, reject),
		container.NewHBox(repoint),
	))
}

// entitySummary is an entity's kind, country and role in one line.
func entitySummary(e model.Entity) string {
	parts := []string{e.Kind.Label()}
	if e.Country != "" {
		parts = append(parts, e.Country)
	}
	if e.Role != "" {
		parts = append(parts, e.Role)
	}
	parts = append(parts, plural(e.Mentions, "mention"))
	return strings.Join(parts, " · ")
}

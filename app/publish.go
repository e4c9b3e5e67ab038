package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/project"
	"github.com/attache-app/attache/data/store"
)

// publishDialog asks for a shared project's address and copies the open
// project into it (File ▸ Publish to Shared Project…).
func (wb *workbench) publishDialog() {
	if wb.st == nil {
		return
	}
	entry := widget.NewEntry()
	entry.SetPlaceHolder("postgres://USER@HOST:5432/DATABASE")
	form := dialog.NewForm("Publish to shared project", "Publish", "Cancel",
		[]*widget.FormItem{
			widget.NewFormItem("Shared project", entry),
			widget.NewFormItem("", newHint("Copies articles, tags, passages, entities and events.")),
			widget.NewFormItem("", newHint("What the shared project holds already is not copied again.")),
		},
		func(ok bool) {
			if ok && strings.TrimSpace(entry.Text) != "" {
				wb.publish(strings.TrimSpace(entry.Text))
			}
		}, wb.win)
	form.Resize(fyne.NewSize(560, form.MinSize().Height))
	form.Show()
	wb.win.Canvas().Focus(entry)
}

// publish copies the open project into the shared project at location in
// the background and reports what it added. The location may hold a
// password: it is handed to the connection only and shown without it.
func (wb *workbench) publish(location string) {
	shown := project.Redact(location)
	wb.status.busy("Publishing to " + shown + "…")
	started := background(wb, wb.ctx, func(ctx context.Context, st store.Store) (store.ProjectResult, error) {
		return project.Publish(ctx, st, location, project.Options{Password: wb.askPassword})
	}, func(res store.ProjectResult, err error) {
		wb.status.idle()
		if err != nil {
			wb.showError("Publish to shared project", err)
			return
		}
		dialog.ShowInformation("Published", "Published to "+shown+":\n"+publishSummary(res), wb.win)
	})
	if !started {
		wb.status.idle()
	}
}

// publishSummary says what a publication added and what was there already.
func publishSummary(r store.ProjectResult) string {
	s := fmt.Sprintf("added %s, %s, %s, %s, %s, %s and %s",
		plural(len(r.NewArticles), "article"), plural(r.TagsCreated, "tag"), plural(r.Passages, "passage"),
		plural(r.EntitiesCreated, "entity"), aliases(r.Aliases), plural(r.Mentions, "mention"), plural(r.Events, "event"))
	already := len(r.ArticleIDs) - len(r.NewArticles) - len(r.Refused)
	if already+r.TagsReused+r.EntitiesReused+r.EventsKnown > 0 {
		s += fmt.Sprintf(";\nalready there: %s, %s, %s, %s", plural(already, "article"), plural(r.TagsReused, "tag"),
			plural(r.EntitiesReused, "entity"), plural(r.EventsKnown, "event"))
	}
	if len(r.Refused) > 0 {
		s += ";\nnot copied: " + plural(len(r.Refused), "article") + " whose text is there with other spacing"
	}
	return s + "."
}

func aliases(n int) string {
	if n == 1 {
		return "1 alias"
	}
	return fmt.Sprintf("%d aliases", n)
}

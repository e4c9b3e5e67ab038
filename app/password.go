package app

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// errNoPassword is the answer when the analyst cancels the password dialog.
var errNoPassword = errors.New("no password given")

// askPassword asks in a dialog for the password of a shared project whose
// location (shown without a password) and PGPASSWORD give none. Opening a
// project runs in the background, so it waits there while the dialog runs
// on the UI goroutine. The password is handed to the connection only: it
// is never shown, logged or kept.
func (wb *workbench) askPassword(location string) (string, error) {
	type answer struct {
		password string
		ok       bool
	}
	got := make(chan answer, 1)
	fyne.Do(func() {
		entry := widget.NewPasswordEntry()
		form := dialog.NewForm("Open shared project", "Open", "Cancel",
			[]*widget.FormItem{
				widget.NewFormItem("Project", widget.NewLabel(location)),
				widget.NewFormItem("Password", entry),
			},
			func(ok bool) { got <- answer{entry.Text, ok} }, wb.win)
		form.Resize(fyne.NewSize(480, form.MinSize().Height))
		form.Show()
		wb.win.Canvas().Focus(entry)
	})
	select {
	case a := <-got:
		if !a.ok {
			return "", errNoPassword
		}
		return a.password, nil
	case <-wb.ctx.Done():
		return "", wb.ctx.Err()
	}
}

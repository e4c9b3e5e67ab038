package app

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// result is what askPassword gave back.
type result struct {
	pw  string
	err error
}

// receive runs UI callbacks until askPassword has answered.
func receive(d *desk, asked chan result) result {
	d.t.Helper()
	var r result
	d.waitFor("the answer", func() bool {
		select {
		case r = <-asked:
			return true
		default:
			return false
		}
	})
	return r
}

func TestPasswordDialogHandsThePasswordToTheOpeningProject(t *testing.T) {
	d := newDesk(t)
	asked := make(chan result, 1)
	go func() {
		pw, err := d.wb.askPassword("postgres://ana@db.example:5432/desk")
		asked <- result{pw, err}
	}()
	entry := overlayWith[*widget.Entry](d, "the password dialog")
	if !entry.Password {
		t.Fatal("the password is typed into an entry that shows it")
	}
	if !anyContains(labelTexts(d.overlay()), "postgres://ana@db.example:5432/desk") {
		t.Errorf("the dialog does not name the project: %v", labelTexts(d.overlay()))
	}
	test.Type(entry, "s3cret")
	test.Tap(buttonLabelled(t, d.overlay(), "Open", 0))
	r := receive(d, asked)
	if r.err != nil || r.pw != "s3cret" {
		t.Fatalf("got %q, %v", r.pw, r.err)
	}

	go func() {
		pw, err := d.wb.askPassword("postgres://ana@db.example:5432/desk")
		asked <- result{pw, err}
	}()
	overlayWith[*widget.Entry](d, "the password dialog again")
	test.Tap(buttonLabelled(t, d.overlay(), "Cancel", 0))
	r = receive(d, asked)
	if !errors.Is(r.err, errNoPassword) {
		t.Fatalf("cancelled dialog gave %q, %v", r.pw, r.err)
	}
}

func TestRecentProjectsKeepASharedProjectWithoutItsPassword(t *testing.T) {
	d := newDesk(t)
	const shared = "postgres://ana@db.example:5432/desk?sslmode=require"
	addRecent(d.wb.app.Preferences(), shared)
	d.wb.updateRecentMenu()
	d.waitFor("the shared project in File ▸ Recent Projects", func() bool {
		for _, it := range d.wb.recentItem.ChildMenu.Items {
			if it.Label == "desk  —  "+shared {
				return true
			}
		}
		return false
	})
	if name := projectName(shared); name != "desk" {
		t.Errorf("a shared project is named %q in the title bar", name)
	}
}

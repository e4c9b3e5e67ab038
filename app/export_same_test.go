package app

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
	"github.com/attache-app/attache/data/model"
)

// cliBinary builds the command line once per test run.
var cliBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "attache-cli-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "attache-cli")
	cmd := exec.Command("go", "build", "-o", bin, "../cmd/attache-cli")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", &buildError{err, out}
	}
	return bin, nil
})

type buildError struct {
	err error
	out []byte
}

func (e *buildError) Error() string {
	return "build attache-cli: " + e.err.Error() + "\n" + string(e.out)
}

// exportWithDialog exports from File ▸ Export… as an analyst does: Ctrl+Shift+E,
// pick what and the format, Choose file…, Save in dir under the suggested
// name; it waits for the export to finish and returns the file written.
func (d *desk) exportWithDialog(dir, what, format string) string {
	d.t.Helper()
	d.wb.app.Preferences().SetString("fyne:fileDialogLastFolder", storage.NewFileURI(dir).String())
	d.press(fyne.KeyE, fyne.KeyModifierControl|fyne.KeyModifierShift)
	overlayWith[*widget.RadioGroup](d, "the export dialog")
	choices := d.overlay()
	radios := objectsOf[*widget.RadioGroup](choices)
	if len(radios) != 2 {
		d.t.Fatalf("the export dialog has %d choices, want what and format", len(radios))
	}
	radios[0].SetSelected(what)
	if !radios[1].Disabled() {
		radios[1].SetSelected(format)
	}
	buttonLabelled(d.t, choices, "Choose file…", 0).OnTapped()
	d.waitFor("the save dialog", func() bool {
		o := d.overlay()
		return o != nil && o != choices && hasButton(o, "Save")
	})
	buttonLabelled(d.t, d.overlay(), "Save", 0).OnTapped()
	d.waitFor("the export to finish", func() bool {
		return !d.wb.status.activity.Visible() && strings.HasPrefix(d.wb.status.message.Text, "Exported ")
	})
	path := strings.TrimSpace(d.wb.status.message.Text[strings.LastIndex(d.wb.status.message.Text, " to ")+4:])
	d.wb.status.message.SetText("")
	if filepath.Dir(path) != dir {
		d.t.Fatalf("the export went to %s, want a file in %s", path, dir)
	}
	return path
}

// hasButton reports whether o shows a button reading text.
func hasButton(o fyne.CanvasObject, text string) bool {
	for _, b := range objectsOf[*widget.Button](o) {
		if b.Text == text {
			return true
		}
	}
	return false
}

// TestAppAndCommandLineExportAlike exports one project with the same filter
// from File ▸ Export… and with attache-cli export, in every format, and
// compares the files byte for byte.
func TestAppAndCommandLineExportAlike(t *testing.T) {
	bin, err := cliBinary()
	if err != nil {
		t.Fatal(err)
	}
	d := newDesk(t)
	f := addEvents(t, d.st)
	ctx := context.Background()
	tag, err := d.st.CreateTag(ctx, model.Tag{Name: "Summits", Colour: "#3cb44b"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.st.CreatePassage(ctx, model.Passage{ArticleID: f.pactArticle.ID, Start: f.pactStart, End: f.pactEnd, TagIDs: []int64{tag}, Note: "signed"}); err != nil {
		t.Fatal(err)
	}
	d.wb.refresh()
	d.waitFor("the events listed", func() bool { return len(d.wb.events.all.events) == len(f.allEvents) })
	d.wb.events.status.SetSelected(string(model.StatusSuggested)) // the Events view's filter, as the analyst sets it

	cli := func(dir string, args ...string) string {
		t.Helper()
		out := filepath.Join(dir, "cli-export")
		cmd := exec.Command(bin, append([]string{"--db", d.wb.path, "export", "-o", out}, args...)...)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("attache-cli export %s: %v\n%s", strings.Join(args, " "), err, msg)
		}
		return out
	}
	same := func(name, app, cli string) {
		t.Helper()
		a, err := os.ReadFile(app)
		if err != nil {
			t.Fatal(err)
		}
		c, err := os.ReadFile(cli)
		if err != nil {
			t.Fatal(err)
		}
		if len(a) == 0 {
			t.Errorf("%s: the app wrote an empty file", name)
		}
		if !bytes.Equal(a, c) {
			t.Errorf("%s: the app and the command line wrote different files:\napp %s\ncli %s", name, a, c)
		}
	}
	suggested := []string{"--status", string(model.StatusSuggested)}
	for _, tc := range []struct {
		name, what, format, lanes string
		args                      []string
	}{
		{"events CSV", whatEvents, "CSV", "", append([]string{"--format", "csv"}, suggested...)},
		{"events JSON", whatEvents, "JSON", "", append([]string{"--format", "json"}, suggested...)},
		{"events JSON Lines", whatEvents, "JSON Lines", "", append([]string{"--format", "jsonl"}, suggested...)},
		{"TimelineJS by actor", whatEvents, "TimelineJS", lanesByActor, append([]string{"--format", "timelinejs", "--lanes", "actor", "--title", "desk"}, suggested...)},
		{"TimelineJS by pair", whatEvents, "TimelineJS", lanesByPair, append([]string{"--format", "timelinejs", "--lanes", "pair", "--title", "desk"}, suggested...)},
		{"TimelineJS by type", whatEvents, "TimelineJS", lanesByType, append([]string{"--format", "timelinejs", "--lanes", "type", "--title", "desk"}, suggested...)},
		{"passages CSV", whatPassages, "CSV", "", []string{"--format", "csv", "--what", "passages"}},
		{"entities CSV", whatEntities, "CSV", "", []string{"--format", "csv", "--what", "entities"}},
		{"REFI-QDA project", whatProject, "", "", []string{"--format", "qdpx"}},
		{"REFI-QDA codebook", whatCodebook, "", "", []string{"--format", "qdc"}},
	} {
		if tc.lanes != "" {
			d.wb.timeline.lanes.SetSelected(tc.lanes)
		}
		dir := t.TempDir()
		same(tc.name, d.exportWithDialog(dir, tc.what, tc.format), cli(dir, tc.args...))
	}
}

package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/store/sqlite"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// exportProject creates a project with the seed's phone call (confirmed) and
// the Canada–EU pact (suggested), a tagged passage, and returns its path.
func exportProject(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.attache")
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	call := "US president-elect Donald Trump and Chinese President Xi Jinping (習近平) discussed Taiwan, trade, fentanyl and TikTok in a phone call on Friday."
	pact := "Canada and the EU on Monday signed a defense and security pact."
	res, err := st.ImportArticles(ctx, []model.Article{
		{Title: "=Trump, Xi discuss Taiwan", Publication: "Taipei Times", Published: "2025-01-18", Body: call},
		{Title: "Canada, EU sign pact", Publication: "Taipei Times", Published: "2025-06-24", Body: pact},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveExtraction(ctx, res.IDs[0], store.Extraction{
		Entities: []store.SuggestedEntity{{Name: "Donald Trump", Kind: model.KindPerson, Country: "USA"}, {Name: "Xi Jinping", Kind: model.KindPerson, Country: "CHN"}},
		Events: []store.SuggestedEvent{{Actors: []int{0}, Recipients: []int{1}, Type: model.EventConsult, Mode: "phone", CAMEO: "041", Goldstein: 1,
			Date: "2025-01-17", Precision: model.PrecisionDay, DateText: "on Friday", DateBasis: model.BasisRelative, Text: call, Start: 0, End: len([]rune(call))}},
	}); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveExtraction(ctx, res.IDs[1], store.Extraction{
		Entities: []store.SuggestedEntity{{Name: "Canada", Kind: model.KindCountry, Country: "CAN"}, {Name: "European Union", Kind: model.KindOrganisation}},
		Events: []store.SuggestedEvent{{Actors: []int{0}, Recipients: []int{1}, Type: model.EventSupport, CAMEO: "057", Goldstein: -4,
			Date: "2025-06-23", Precision: model.PrecisionDay, Text: pact, Start: 0, End: len([]rune(pact))}},
	}); err != nil {
		t.Fatal(err)
	}
	evs, err := st.Events(ctx, store.EventFilter{Type: model.EventConsult})
	if err != nil || len(evs) != 1 {
		t.Fatalf("events %v %v", evs, err)
	}
	if err := st.SetEventStatus(ctx, evs[0].ID, "confirmed"); err != nil {
		t.Fatal(err)
	}
	tag, err := st.CreateTag(ctx, model.Tag{Name: "pact", Colour: "#336699"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreatePassage(ctx, model.Passage{ArticleID: res.IDs[1], Start: 0, End: 17, TagIDs: []int64{tag}}); err != nil {
		t.Fatal(err)
	}
	return path
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestExportCommand(t *testing.T) {
	db := exportProject(t)
	before := sum(t, db)
	tests := []struct {
		args []string
		want []string // substrings of the output
		not  []string
	}{
		{[]string{"--format", "json"}, []string{`"event": "CONSULT"`, `"cameo": "041"`, `"date": "2025-01-17"`, `"event": "SUPPORT"`, `"cameo": "057"`, `"title": "=Trump, Xi discuss Taiwan"`}, nil},
		{[]string{"--format", "jsonl", "--status", "confirmed"}, []string{`"event":"CONSULT"`}, []string{"SUPPORT"}},
		{[]string{"--format", "csv", "--type", "support"}, []string{"\ufeffid,date,", "Canada", ",-4,", "057"}, []string{"CONSULT"}},
		{[]string{"--format", "csv", "--from", "2025-01-01", "--to", "2025-01-31"}, []string{"'=Trump, Xi discuss Taiwan", "Donald Trump"}, []string{"Canada"}},
		{[]string{"--format", "timelinejs", "--lanes", "pair", "--title", "Seed"}, []string{`"headline": "Donald Trump — CONSULT — Xi Jinping"`, `"group": "CHN – USA"`, `"group": "CAN – European Union"`, `"headline": "Seed"`}, nil},
		{[]string{"--format", "csv", "--what", "passages"}, []string{"article_id,article,publication", "Canada and the EU", "pact"}, nil},
		{[]string{"--format", "csv", "--what", "entities"}, []string{"id,name,kind", "Xi Jinping,person,CHN", "European Union,organisation"}, nil},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(append([]string{"--db", db, "export"}, tt.args...), nil, &out, &errb); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
			for _, w := range tt.not {
				if strings.Contains(out.String(), w) {
					t.Errorf("output holds %q:\n%s", w, out.String())
				}
			}
		})
	}
	if sum(t, db) != before {
		t.Errorf("exporting changed the project file")
	}
}

func TestExportToFile(t *testing.T) {
	db := exportProject(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "events.json")
	var out, errb bytes.Buffer
	if code := run([]string{"--db", db, "export", "--format", "json", "-o", path}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if out.Len() != 0 {
		t.Errorf("stdout not empty with -o: %q", out.String())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var evs []map[string]any
	if err := json.Unmarshal(data, &evs); err != nil || len(evs) != 2 {
		t.Fatalf("file holds %d events, %v", len(evs), err)
	}

	// A failed export says so in one line naming the file and leaves nothing.
	bad := filepath.Join(dir, "missing", "events.csv")
	errb.Reset()
	if code := run([]string{"--db", db, "export", "--format", "csv", "-o", bad}, nil, &out, &errb); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if msg := errb.String(); !strings.HasPrefix(msg, "attache-cli export: export: write "+bad+": ") || strings.Count(msg, "\n") != 1 {
		t.Errorf("error %q", msg)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only events.json", len(entries))
	}
}

func TestExportUsage(t *testing.T) {
	db := exportProject(t)
	for _, args := range [][]string{
		{},
		{"--format", "xml"},
		{"--format", "json", "--what", "passages"},
		{"--format", "csv", "--what", "tags"},
		{"--format", "csv", "--what", "entities", "--status", "confirmed"},
		{"--format", "csv", "--from", "17/01/2025"},
		{"--format", "csv", "--status", "maybe"},
		{"--format", "timelinejs", "--lanes", "colour"},
		{"--format", "csv", "extra"},
	} {
		var out, errb bytes.Buffer
		if code := run(append([]string{"--db", db, "export"}, args...), nil, &out, &errb); code != 2 || out.Len() != 0 {
			t.Errorf("export %v: exit %d, stdout %q; want 2 and nothing", args, code, out.String())
		}
	}
	var out, errb bytes.Buffer
	missing := filepath.Join(t.TempDir(), "none.attache")
	if code := run([]string{"--db", missing, "export", "--format", "csv"}, nil, &out, &errb); code != 1 {
		t.Errorf("missing project: exit %d, want 1", code)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("export created the missing project %s", missing)
	}
	// TimelineJS refuses a file without dated events: the export says so.
	errb.Reset()
	if code := run([]string{"--db", db, "export", "--format", "timelinejs", "--from", "2030-01-01"}, nil, &out, &errb); code != 1 ||
		!strings.Contains(errb.String(), "TimelineJS needs at least one event") {
		t.Errorf("no dated events: exit %d, %q", code, errb.String())
	}
}

package export_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/store/sqlite"

	"github.com/attache-app/attache/data/export"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/resources"
)

// seedLine returns the line of the sample corpus (the seed) that starts with
// prefix.
func seedLine(t *testing.T, prefix string) string {
	t.Helper()
	files, err := resources.Sample()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		for _, line := range strings.Split(string(f.Data), "\n") {
			if strings.HasPrefix(line, prefix) {
				return strings.TrimSpace(line)
			}
		}
	}
	t.Fatalf("no line starting with %q in the sample corpus", prefix)
	return ""
}

// runeSpan returns the rune span of sub in s.
func runeSpan(s, sub string) (int, int) {
	i := strings.Index(s, sub)
	start := len([]rune(s[:i]))
	return start, start + len([]rune(sub))
}

// seedProject creates a project holding two seed articles with their
// extraction, a tag on the phone call and a tagged passage; it returns the
// project's path.
func seedProject(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "project.attache")
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	call := seedLine(t, "US president-elect Donald Trump and Chinese President Xi Jinping")
	pact := seedLine(t, "Canada and the EU on Monday signed")
	res, err := st.ImportArticles(ctx, []model.Article{
		{Title: "Trump, Xi discuss Taiwan, trade in phone call", Publication: "Taipei Times", Published: "2025-01-18",
			URL: "https://www.taipeitimes.com/News/front/archives/2025/01/18/2003830470", Body: call, SourcePath: "seed.txt"},
		{Title: "Canada, EU sign defense pact", Publication: "Taipei Times", Published: "2025-06-24", Body: pact,
			SourcePath: "seed.txt", SourcePos: 1},
	})
	if err != nil {
		t.Fatal(err)
	}
	sentence := call[:strings.Index(call, " on Friday")+len(" on Friday")]
	s0, e0 := runeSpan(call, sentence)
	if err := st.SaveExtraction(ctx, res.IDs[0], store.Extraction{
		Entities: []store.SuggestedEntity{
			{Name: "Donald Trump", Kind: model.KindPerson, Country: "USA", Role: "GOV", Mentions: []model.Span{{Start: 19, End: 31}}},
			{Name: "Xi Jinping", Kind: model.KindPerson, Country: "CHN", Role: "GOV", Aliases: []model.Alias{{Name: "習近平", Lang: "zh-Hant"}}},
		},
		Events: []store.SuggestedEvent{{Actors: []int{0, 1}, Type: model.EventConsult, Mode: "phone", CAMEO: "041", Goldstein: 1,
			Date: "2025-01-17", Precision: model.PrecisionDay, DateText: "on Friday", DateBasis: model.BasisRelative, Text: sentence, Start: s0, End: e0}},
	}); err != nil {
		t.Fatal(err)
	}
	s1, e1 := runeSpan(pact, "Canada and the EU on Monday signed a defense and security pact")
	if err := st.SaveExtraction(ctx, res.IDs[1], store.Extraction{
		Entities: []store.SuggestedEntity{
			{Name: "Canada", Kind: model.KindCountry, Country: "CAN"},
			{Name: "European Union", Kind: model.KindOrganisation, Aliases: []model.Alias{{Name: "EU"}}},
		},
		Events: []store.SuggestedEvent{{Actors: []int{0}, Recipients: []int{1}, Type: model.EventSupport, CAMEO: "057", Goldstein: 8,
			Date: "2025-06-23", Precision: model.PrecisionDay, DateText: "on Monday", DateBasis: model.BasisRelative,
			Text: pact[:strings.Index(pact, " pact")+len(" pact")], Start: s1, End: e1}},
	}); err != nil {
		t.Fatal(err)
	}
	tag, err := st.CreateTag(ctx, model.Tag{Name: "US–China", Colour: "#cc3333"})
	if err != nil {
		t.Fatal(err)
	}
	evs, err := st.Events(ctx, store.EventFilter{Type: model.EventConsult})
	if err != nil || len(evs) != 1 {
		t.Fatalf("events %v, %v", evs, err)
	}
	evs[0].TagIDs = []int64{tag}
	evs[0].Status = "confirmed"
	evs[0].Note = "=first contact"
	if err := st.UpdateEvent(ctx, evs[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreatePassage(ctx, model.Passage{ArticleID: res.IDs[0], Start: s0, End: e0, TagIDs: []int64{tag}, Note: "the call"}); err != nil {
		t.Fatal(err)
	}
	return path
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

func TestFromStore(t *testing.T) {
	ctx := context.Background()
	path := seedProject(t)
	before := fileSum(t, path)
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	evs, err := export.EventsFromStore(ctx, st, store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 2 {
		t.Fatalf("%d events, want 2: %+v", len(evs), evs)
	}
	byType := map[model.EventType]export.EventRecord{}
	for _, ev := range evs {
		byType[ev.Event] = ev
	}
	call, pact := byType["CONSULT"], byType["SUPPORT"]
	if call.Date != "2025-01-17" || call.CAMEO != "041" || call.Mode != "phone" || call.Status != "confirmed" || call.QuadClass != 1 ||
		len(call.Actor) != 2 || call.Actor[0].Name != "Donald Trump" || call.Actor[0].Country != "USA" || call.Actor[1].Name != "Xi Jinping" ||
		call.Actor[1].Kind != "person" || call.Actor[1].EntityID == 0 || len(call.Recipient) != 0 ||
		strings.Join(call.Tags, ",") != "US–China" || call.Note != "=first contact" ||
		!strings.HasPrefix(call.Text, "US president-elect Donald Trump") || !strings.HasSuffix(call.Text, "phone call on Friday") ||
		call.Source.Title != "Trump, Xi discuss Taiwan, trade in phone call" || call.Source.Publication != "Taipei Times" ||
		call.Source.Published != "2025-01-18" || !strings.HasPrefix(call.Source.URL, "https://www.taipeitimes.com/") ||
		call.Source.Start != 0 || call.Source.End != len([]rune(call.Text)) {
		t.Errorf("phone call = %+v", call)
	}
	if pact.Date != "2025-06-23" || pact.CAMEO != "057" || pact.Status != "suggested" || len(pact.Actor) != 1 || pact.Actor[0].Name != "Canada" ||
		len(pact.Recipient) != 1 || pact.Recipient[0].Name != "European Union" || pact.Source.Published != "2025-06-24" ||
		!strings.Contains(pact.Text, "signed a defense and security pact") {
		t.Errorf("pact = %+v", pact)
	}
	// The seed's events export to valid JSON, CSV and TimelineJS.
	var b bytes.Buffer
	if err := export.WriteEventsJSON(&b, evs); err != nil {
		t.Fatal(err)
	}
	if err := validate(t, compileSchema(t, ""), b.Bytes()); err != nil {
		t.Errorf("store export does not validate: %v\n%s", err, b.String())
	}
	b.Reset()
	if err := export.WriteEventsCSV(&b, evs); err != nil {
		t.Fatal(err)
	}
	if _, rows := readCSV(t, b.Bytes()); len(rows) != 2 {
		t.Errorf("%d CSV rows", len(rows))
	}

	confirmed, err := export.EventsFromStore(ctx, st, store.EventFilter{Status: model.StatusConfirmed})
	if err != nil || len(confirmed) != 1 || confirmed[0].Event != "CONSULT" {
		t.Errorf("confirmed events = %+v, %v", confirmed, err)
	}
	ps, err := export.PassagesFromStore(ctx, st, store.PassageFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 || ps[0].Article != call.Source.Title || ps[0].Published != "2025-01-18" || ps[0].Quote != call.Text ||
		strings.Join(ps[0].Tags, ",") != "US–China" || ps[0].Note != "the call" || ps[0].End != call.Source.End {
		t.Errorf("passages = %+v", ps)
	}
	es, err := export.EntitiesFromStore(ctx, st, store.EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]export.EntityRecord{}
	for _, e := range es {
		found[e.Name] = e
	}
	if xi := found["Xi Jinping"]; xi.Country != "CHN" || xi.Kind != "person" || strings.Join(xi.Aliases, ",") != "習近平" {
		t.Errorf("Xi Jinping = %+v", xi)
	}
	if tr := found["Donald Trump"]; tr.Mentions != 1 || tr.Role != "GOV" {
		t.Errorf("Donald Trump = %+v", tr)
	}
	if len(es) != 4 {
		t.Errorf("%d entities, want 4: %+v", len(es), es)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if fileSum(t, path) != before {
		t.Errorf("exporting changed the project file")
	}
}

package exchange_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/exchange"
	"github.com/attache-app/attache/data/model"
)

const (
	bodyMinister = "外交部長林佳龍週五表示，台灣將繼續與美國合作。🇹🇼 Taiwan's foreign minister said on Friday that Taipei would keep working with Washington. 😀 The talks ended early, and a second round is planned for next month.\n"
	bodyBeijing  = "Beijing warned on Saturday that any further arms sales would \"seriously damage\" relations. 北京表示強烈不滿 🐉 and summoned the envoy.\n"
)

// TestImportQDAProject imports a project written the way QDA tools write
// them and checks what an analyst then finds: articles with their variables,
// the code tree with colours and memos, and every selection's text counted in
// code points (Chinese, a flag and emoji outside the Basic Multilingual Plane
// before the later selections).
func TestImportQDAProject(t *testing.T) {
	st := openStore(t)
	res := importFile(t, st, zipDir(t, "testdata/qda-project"))
	got := viewOf(t, st)
	want := view{
		Articles: []string{
			`"Beijing on arms sales" "Xinhua" "" "" ` + strconv.Quote(bodyBeijing),
			`"Foreign minister on US ties" "Central News Agency" "2025-01-17" "" ` + strconv.Quote(bodyMinister),
		},
		Tags: []string{
			`Diplomacy #3cb44b "How governments deal with each other"`,
			`Diplomacy ▸ Cooperation #4363d8 "Pledges to work together"`,
			`Diplomacy ▸ Talks #f58231 ""`,
			`Diplomacy ▸ Talks ▸ Phone calls #aa00cc ""`,
			`Sentiment #e6194b "Use for tone, not for substance."`,
		},
		Passages: []string{
			`"Beijing on arms sales" "Beijing warned" [Diplomacy ▸ Talks] ""`,
			`"Beijing on arms sales" "北京表示強烈不滿 🐉" [Sentiment] "Compare with the 2019 statement."`,
			`"Foreign minister on US ties" "台灣將繼續與美國合作" [Diplomacy ▸ Cooperation] "Chinese wording of the cooperation pledge"`,
			`"Foreign minister on US ties" ` + strconv.Quote(bodyMinister) + ` [] "Wire copy, pasted from the agency feed\n\nAgency copy; the Chinese lead was written first."`,
			`"Foreign minister on US ties" "與美國合作。🇹🇼 Taiwan's" [Diplomacy ▸ Talks, Sentiment] "The flag 🇹🇼 is two code points; the span must still end at \"Taiwan's\"."`,
			`"Foreign minister on US ties" "😀 The talks" [Diplomacy ▸ Talks ▸ Phone calls] ""`,
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("imported project:\n%s\nwant:\n%s", dump(got), dump(want))
	}
	if len(res.NewArticles) != 2 || res.TagsCreated != 5 || res.Passages != 6 {
		t.Errorf("result: %d new articles, %d tags, %d passages; want 2, 5, 6", len(res.NewArticles), res.TagsCreated, res.Passages)
	}
	skipped := strings.Join(res.Skipped, "\n")
	for _, w := range []string{`"Scanned statement.docx": rich text only`, `"Press briefing.m4a": only text sources`,
		`selection "Past the end" at 180–400 is outside its text (0–186 code points)`,
		`selection "北京表示強烈不滿 🐉": coding refers to no code (99999999-9999-4999-8999-999999999999)`} {
		if !strings.Contains(skipped, w) {
			t.Errorf("skipped report lacks %q:\n%s", w, skipped)
		}
	}
	if len(res.Skipped) != 4 {
		t.Errorf("%d skipped lines, want 4:\n%s", len(res.Skipped), skipped)
	}
}

func dump(v view) string {
	var b strings.Builder
	for _, l := range [][]string{v.Articles, v.Tags, v.Passages} {
		for _, s := range l {
			b.WriteString("  " + s + "\n")
		}
		b.WriteString("  --\n")
	}
	return b.String()
}

// TestRoundTrip imports a QDA tool's project, exports it, validates the
// export against the REFI-QDA schema, checks every selection's text by code
// point against the exported sources, and imports the export into an empty
// project: the same articles, tags and passages come back. Importing it
// again into the first project changes nothing.
func TestRoundTrip(t *testing.T) {
	ctx := context.Background()
	first := openStore(t)
	importFile(t, first, zipDir(t, "testdata/qda-project"))
	before := viewOf(t, first)

	out := exportFile(t, first, exchange.ExportOptions{Name: "strait", User: "Mei-ling"})
	files := unzip(t, out)
	qde, ok := files["project.qde"]
	if !ok {
		t.Fatalf("export has no project.qde: %v", keys(files))
	}
	xmllint(t, qde, "Project-mrt2019.xsd")
	checkSelections(t, qde, files, viewOf(t, first).Passages)

	second := openStore(t)
	res := importFile(t, second, out)
	if len(res.Skipped) != 0 {
		t.Errorf("re-import of the export skipped parts:\n%s", strings.Join(res.Skipped, "\n"))
	}
	if after := viewOf(t, second); !reflect.DeepEqual(after, before) {
		t.Errorf("after the round trip:\n%s\nbefore:\n%s", dump(after), dump(before))
	}

	counts, _ := first.Counts(ctx)
	again := importFile(t, first, out)
	if len(again.NewArticles) != 0 || again.TagsCreated != 0 || again.Passages != 0 {
		t.Errorf("importing the export into its own project added %d articles, %d tags, %d passages; want none",
			len(again.NewArticles), again.TagsCreated, again.Passages)
	}
	if now, _ := first.Counts(ctx); now != counts || !reflect.DeepEqual(viewOf(t, first), before) {
		t.Errorf("importing the export into its own project changed it")
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// checkSelections reads an exported project.qde as another tool would: each
// PlainTextSelection's text, cut from its source's plain text by code
// points, must be the text of one passage.
func checkSelections(t *testing.T, qde []byte, files map[string][]byte, passages []string) {
	t.Helper()
	var p struct {
		Sources []struct {
			Name       string `xml:"name,attr"`
			Path       string `xml:"plainTextPath,attr"`
			Selections []struct {
				Start int `xml:"startPosition,attr"`
				End   int `xml:"endPosition,attr"`
			} `xml:"PlainTextSelection"`
		} `xml:"Sources>TextSource"`
	}
	if err := xml.Unmarshal(qde, &p); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range p.Sources {
		text, ok := files["sources/"+strings.TrimPrefix(s.Path, "internal://")]
		if !ok {
			t.Errorf("source %q: %s not in the archive", s.Name, s.Path)
			continue
		}
		runes := []rune(string(text))
		for _, sel := range s.Selections {
			n++
			if sel.Start < 0 || sel.End > len(runes) || sel.Start >= sel.End {
				t.Errorf("source %q: selection %d–%d outside its %d code points", s.Name, sel.Start, sel.End, len(runes))
				continue
			}
			want := strconv.Quote(s.Name) + " " + strconv.Quote(string(runes[sel.Start:sel.End])) + " "
			found := false
			for _, ps := range passages {
				found = found || strings.HasPrefix(ps, want)
			}
			if !found {
				t.Errorf("source %q: selection %d–%d reads %q, the text of no passage", s.Name, sel.Start, sel.End, string(runes[sel.Start:sel.End]))
			}
		}
	}
	if n != len(passages) {
		t.Errorf("export has %d selections, want %d (one per passage)", n, len(passages))
	}
}

// TestExportStable exports the same project twice: the files are identical,
// so every GUID is the same.
func TestExportStable(t *testing.T) {
	st := openStore(t)
	importFile(t, st, zipDir(t, "testdata/qda-project"))
	a, err := os.ReadFile(exportFile(t, st, exchange.ExportOptions{Name: "p"}))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(exportFile(t, st, exchange.ExportOptions{Name: "p"}))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two exports of the same project differ")
	}
}

// TestCodebook exports the tag tree as a .qdc, validates it against the
// codebook schema and imports it into an empty project.
func TestCodebook(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	importFile(t, st, zipDir(t, "testdata/qda-project"))
	var buf bytes.Buffer
	n, err := exchange.ExportCodebook(ctx, st, &buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != 5 {
		t.Errorf("codebook export reports %d codes, want 5", n)
	}
	xmllint(t, buf.Bytes(), "Codebook.xsd")
	path := t.TempDir() + "/codes.qdc"
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	other := openStore(t)
	res := importFile(t, other, path)
	if res.Kind != exchange.Codebook || res.TagsCreated != 5 || len(res.NewArticles) != 0 {
		t.Errorf("codebook import: kind %v, %d tags, %d articles", res.Kind, res.TagsCreated, len(res.NewArticles))
	}
	if got, want := viewOf(t, other).Tags, viewOf(t, st).Tags; !reflect.DeepEqual(got, want) {
		t.Errorf("tags after codebook import:\n%v\nwant:\n%v", got, want)
	}
	if again := importFile(t, other, path); again.TagsCreated != 0 || again.TagsReused != 5 {
		t.Errorf("second codebook import created %d tags, reused %d; want 0 and 5", again.TagsCreated, again.TagsReused)
	}
}

// TestExportEvents exports events as the "Events (Attaché)" code branch:
// the file validates, each event's sentence is a selection coded with its
// type, and importing the file leaves the branch out.
func TestExportEvents(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	res, err := st.ImportArticles(ctx, []model.Article{{Title: "Call", Body: bodyMinister}})
	if err != nil {
		t.Fatal(err)
	}
	id := res.IDs[0]
	if _, err := st.CreateEvent(ctx, model.Event{Type: model.EventConsult, ArticleID: id, Start: 115, End: 126, Summary: "Talks ended early", Status: model.StatusConfirmed}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateEvent(ctx, model.Event{Type: model.EventAgree, ArticleID: id, Start: 12, End: 22, Status: model.StatusRejected}); err != nil {
		t.Fatal(err)
	}
	out := exportFile(t, st, exchange.ExportOptions{Events: true})
	files := unzip(t, out)
	xmllint(t, files["project.qde"], "Project-mrt2019.xsd")
	qde := string(files["project.qde"])
	for _, w := range []string{`name="Events (Attaché)" isCodable="false"`, `name="CONSULT"`, `startPosition="115" endPosition="126"`, `<Description>Talks ended early [confirmed]</Description>`} {
		if !strings.Contains(qde, w) {
			t.Errorf("export lacks %s", w)
		}
	}
	if strings.Contains(qde, `name="AGREE"`) {
		t.Error("a rejected event was exported")
	}
	other := openStore(t)
	r := importFile(t, other, out)
	if r.TagsCreated != 0 || r.Passages != 0 || len(r.NewArticles) != 1 {
		t.Errorf("import of an export with events: %d tags, %d passages, %d articles; want 0, 0, 1", r.TagsCreated, r.Passages, len(r.NewArticles))
	}
	without := string(unzip(t, exportFile(t, st, exchange.ExportOptions{}))["project.qde"])
	if strings.Contains(without, "Events (Attaché)") {
		t.Error("events exported without being asked for")
	}
}

// TestImportQDEAlone imports a project.qde on its own: a source that carries
// its text inline imports with its selection; one whose text is in an
// archive it does not have is named and skipped.
func TestImportQDEAlone(t *testing.T) {
	qde := qdeHead + `<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes>` +
		`<Code guid="7c108712-b650-4892-ac0b-fc9a10190c3b" name="Tone" isCodable="true"/></Codes></CodeBook><Sources>` +
		`<TextSource guid="0f3c2a91-7b44-4f0e-9d2a-1c5e8b7a6d01" name="Inline"><PlainTextContent>北京 🐉 warned Taipei.</PlainTextContent>` +
		`<PlainTextSelection guid="0f3c2a91-7b44-4f0e-9d2a-1c5e8b7a6d02" startPosition="3" endPosition="11">` +
		`<Coding guid="0f3c2a91-7b44-4f0e-9d2a-1c5e8b7a6d03"><CodeRef targetGUID="7c108712-b650-4892-ac0b-fc9a10190c3b"/></Coding></PlainTextSelection></TextSource>` +
		`<TextSource guid="0f3c2a91-7b44-4f0e-9d2a-1c5e8b7a6d04" name="Archived" plainTextPath="internal://0f3c2a91-7b44-4f0e-9d2a-1c5e8b7a6d04.txt"/>` +
		`</Sources></Project>`
	path := t.TempDir() + "/project.qde"
	if err := os.WriteFile(path, []byte(qde), 0o644); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	res := importFile(t, st, path)
	if res.Kind != exchange.ProjectXML || len(res.NewArticles) != 1 || res.Passages != 1 {
		t.Errorf("result %+v", res)
	}
	if len(res.Skipped) != 1 || !strings.Contains(res.Skipped[0], `source "Archived": its text is in a .qdpx archive`) {
		t.Errorf("skipped %q", res.Skipped)
	}
	if v := viewOf(t, st); len(v.Passages) != 1 || v.Passages[0] != `"Inline" "🐉 warned" [Tone] ""` {
		t.Errorf("passages %q", v.Passages)
	}
}

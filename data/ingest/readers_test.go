package ingest_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/model"
)

func TestReaders(t *testing.T) {
	tests := []struct {
		file string
		want []model.Article // Body is matched as "starts with"; empty fields are not checked
		not  []string        // text that must not be in any body
	}{
		{file: "testdata/article.html",
			want: []model.Article{{Title: "Seoul and Tokyo restart “shuttle diplomacy”", Publication: "The Example Herald",
				Author: "Kim Min-ji", URL: "https://herald.example/2025/03/04/shuttle", Published: "2025-03-04T08:30:00+09:00",
				Body: "South Korea’s president arrived in Tokyo on Tuesday for a two-day visit, the first in a revived series of shuttle diplomacy trips between the neighbours.\n\nThe two leaders are expected to discuss North Korea’s missile programme & trade.\n\nOfficials said a joint statement would follow on Wednesday."}},
			not: []string{"SCRIPT", "STYLE", "NAV", "ASIDE", "FOOTER", "SHARE", "CAPTION", "NOSCRIPT", "By Kim", "never run"}},
		{file: "testdata/article-jsonld.html",
			want: []model.Article{{Title: "Talks on Nile dam collapse", Publication: "Nile Daily", Author: "Amina Said",
				Published: "2024-12-20T10:00:00Z", Body: "Talks between Egypt, Ethiopia and Sudan"}}},
		{file: "testdata/article-time.html",
			want: []model.Article{{Title: "Mongolia signs rail deal", Published: "2025-05-02", Body: "Mongolia signed an agreement"}},
			not:  []string{"MENU", "HIDDEN", "2 May"}},
		{file: "testdata/article.md",
			want: []model.Article{{Title: "Pacific leaders meet in Suva", Author: "Mele Tupou",
				Body: "Leaders of the Pacific Islands Forum met in Suva on Tuesday to discuss climate financing and regional security.\n\n“We are not pawns in anyone’s game,” the forum’s chair said.\n\nThe meeting ended with a joint statement."}},
			not: []string{"**", "](", "photo.jpg", "> "}},
		{file: "testdata/articles.json",
			want: []model.Article{
				{Title: "Norway pledges aid to Sudan", Publication: "Nordic Wire", Author: "Ola Nordmann", URL: "https://news.example/no-sudan",
					Published: "2025-02-10T09:00:00Z", Body: "Norway pledged $50 million in humanitarian aid to Sudan on Monday.\n\nThe money will go through UN agencies."},
				{Title: "Chile recalls ambassador", Publication: "Andes Post", Author: "Ana Pérez, Luis Soto", Published: "2025-02-11",
					Body: "Chile recalled its ambassador to Venezuela on Tuesday.\n\nThe foreign ministry cited the disputed election."},
			},
			not: []string{"<p>"}},
		{file: "testdata/newsapi.json",
			want: []model.Article{{Title: "Qatar hosts Gaza talks", Publication: "Gulf Times Example", Author: "R. Khan",
				Published: "2025-01-15T18:20:00Z", Body: "Qatar hosted a new round of indirect talks"}}},
		{file: "testdata/article.json",
			want: []model.Article{{Title: "Fiji and Tonga sign fisheries pact", Published: "2025-03-03", Body: "Fiji and Tonga signed"}}},
		{file: "testdata/articles.jsonl",
			want: []model.Article{
				{Title: "Ghana and Togo reopen border", Published: "2025-04-07", Body: "Ghana and Togo reopened"},
				{Title: "Peru declares emergency", Published: "2025-04-08", Body: "Peru declared"},
				{Title: "Duplicate", Body: "Ghana and Togo reopened"},
			}},
		{file: "testdata/articles.csv",
			want: []model.Article{
				{Title: "Vietnam and Laos sign energy deal", Publication: "Mekong News", Author: "Tran, Van", URL: "https://x.example/1",
					Published: "2025-06-01", Body: "Vietnam will buy more electricity from Laos.\n\nThe deal runs to 2030."},
				{Title: "Cambodia opens canal", Published: "2025-06-03", Body: "Cambodia opened a canal, linking Phnom Penh to the sea."},
			}},
		{file: "testdata/articles.tsv",
			want: []model.Article{
				{Title: "Estonia expels diplomat", URL: "https://y.example/1", Published: "2025-07-07", Body: "Estonia expelled"},
				{Title: "Latvia holds drills", Published: "2025-07-08", Body: "Latvia began"},
			}},
		{file: "testdata/feed-rss.xml",
			want: []model.Article{
				{Title: "Serbia and Kosovo resume talks", Publication: "Balkan Insight Example", Author: "Milan Example", URL: "https://balkan.example/1",
					Published: "2025-01-14T08:30:00Z", Body: "Serbia and Kosovo resumed EU-mediated talks in Brussels on Tuesday.\n\nThe EU envoy called the meeting “constructive”."},
				{Title: "Albania joins initiative", Published: "2025-01-15T10:00:00Z", Body: "Albania joined"},
			},
			not: []string{"<p>", "<b>", "&ldquo;"}},
		{file: "testdata/feed-atom.xml",
			want: []model.Article{{Title: "Council resumes work", Publication: "Arctic Council Notes", Author: "Ingrid Example",
				URL: "https://arctic.example/1", Published: "2025-02-01T12:00:00Z", Body: "The Arctic Council resumed work"}},
			not: []string{"<p>", "&lt;"}},
		{file: "testdata/newsletter.eml",
			want: []model.Article{
				{Publication: "Horn Weekly", Published: "2025-11-14T07:00:00Z",
					Body: "MORNING BRIEF: Ethiopia and Somalia agreed on Thursday to restore full diplomatic relations, the two governments said in a joint statement issued in Ankara.\n\nThe deal ends a year-long dispute over a port agreement with Somaliland, the minister’s office said."},
				{Body: "SANCTIONS: The European Union"},
			},
			not: []string{"=\r", "=E2", "Read more"}},
		{file: "testdata/html-only.eml",
			want: []model.Article{{Title: "Lithium deal approved – update", Publication: "Andes Letter", Published: "2025-03-12T18:00:00-04:00",
				Body: "Bolivia’s congress approved a lithium contract with a Russian company on Wednesday.\n\nCritics said the terms were opaque."}},
			not: []string{"NAV"}},
		{file: "testdata/latin2.html",
			want: []model.Article{{Title: "Wybory", Body: "Prezydent Polski spotkał się w Łodzi z premierem, a rozmowa dotyczyła współpracy."}}},
		{file: "testdata/latin1-feed.xml",
			want: []model.Article{{Title: "Sommet à Genève", Publication: "Le Monde exemple", Body: "Les ministres se sont réunis à Genève vendredi, a annoncé le ministère."}}},
		{file: "testdata/article.pdf",
			want: []model.Article{{Title: "Kazakhstan hosts Central Asian summit", Dateline: "ASTANA",
				Body: "ASTANA -- Leaders of five Central Asian states met in Astana on Friday to discuss water sharing and transport links, the Kazakh presidency said in a statement issued after the talks ended late in the evening.\n\nThe leaders agreed to meet again next year in Tashkent."}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			arts := read(t, tt.file, ingest.Options{})
			if len(arts) != len(tt.want) {
				t.Fatalf("got %d articles, want %d", len(arts), len(tt.want))
			}
			for i, w := range tt.want {
				a := arts[i]
				check := func(field, got, want string) {
					if want != "" && got != want {
						t.Errorf("article %d %s = %q, want %q", i, field, got, want)
					}
				}
				check("Title", a.Title, w.Title)
				check("Publication", a.Publication, w.Publication)
				check("Author", a.Author, w.Author)
				check("URL", a.URL, w.URL)
				check("Published", a.Published, w.Published)
				check("Dateline", a.Dateline, w.Dateline)
				if !strings.HasPrefix(a.Body, w.Body) {
					t.Errorf("article %d body:\n%q\nwant prefix\n%q", i, a.Body, w.Body)
				}
				if !utf8.ValidString(a.Body) || a.SourcePath != tt.file || a.SourcePos != i {
					t.Errorf("article %d: invalid UTF-8 or source %s#%d", i, a.SourcePath, a.SourcePos)
				}
				for _, n := range tt.not {
					if strings.Contains(a.Body, n) {
						t.Errorf("article %d body contains %q", i, n)
					}
				}
			}
		})
	}
}

func TestEncodings(t *testing.T) {
	const want = "The minister’s “quiet diplomacy” worked — in Zürich and in 北京.\n\nA second paragraph follows."
	for _, f := range []string{"testdata/utf8-bom.txt", "testdata/utf16le-bom.txt", "testdata/utf16be-bom.txt"} {
		arts := read(t, f, ingest.Options{})
		if len(arts) != 1 || arts[0].Body != want {
			t.Errorf("%s: %q", f, arts[0].Body)
		}
	}
	arts := read(t, "testdata/cp1252.txt", ingest.Options{})
	if got, w := arts[0].Body, "Attaché was told the minister’s visit was “off the record” – and that the talks would resume in Zürich.\n\nThe café near the embassy charged €20 for coffee."; got != w {
		t.Errorf("Windows-1252:\n%q\nwant\n%q", got, w)
	}
}

func TestOptionsFillWhatContentLacks(t *testing.T) {
	opts := ingest.Options{Published: "2025-01-18", Publication: "Taipei Times"}
	arts := read(t, "testdata/articles.csv", opts)
	if arts[0].Publication != "Mekong News" || arts[0].Published != "2025-06-01" {
		t.Errorf("content must win over options: %q %q", arts[0].Publication, arts[0].Published)
	}
	arts = read(t, "testdata/bundle-separators.txt", opts)
	for _, a := range arts {
		if a.Published != "2025-01-18" || a.Publication != "Taipei Times" {
			t.Errorf("options not applied: %q %q", a.Published, a.Publication)
		}
	}
}

func TestDocx(t *testing.T) {
	doc := makeDocx(t, docxXML(
		"Sudan talks resume in Jeddah",
		"JEDDAH — Delegations of the Sudanese army and the Rapid Support Forces resumed talks in Jeddah on Sunday, the Saudi foreign ministry said.",
		"Mediators hope for a ceasefire before the rainy season & the harvest.",
		"\f",
		"Libya’s rival governments agreed on Monday to form a joint committee on the central bank.",
	), "")
	arts := read(t, writeFile(t, "two.docx", doc), ingest.Options{})
	if len(arts) != 2 {
		t.Fatalf("got %d articles, want 2 (page break)", len(arts))
	}
	if arts[0].Title != "Sudan talks resume in Jeddah" || arts[0].Dateline != "JEDDAH" ||
		arts[0].Body != "JEDDAH — Delegations of the Sudanese army and the Rapid Support Forces resumed talks in Jeddah on Sunday, the Saudi foreign ministry said.\n\nMediators hope for a ceasefire before the rainy season & the harvest." {
		t.Errorf("first article: %+v", arts[0])
	}
	if !strings.HasPrefix(arts[1].Body, "Libya’s rival governments") {
		t.Errorf("second article: %q", arts[1].Body)
	}

	one := makeDocx(t, docxXML("A single paragraph about the Arctic Council, long enough to be an article on its own."), "Arctic memo")
	arts = read(t, writeFile(t, "one.docx", one), ingest.Options{})
	if len(arts) != 1 || arts[0].Title != "Arctic memo" || arts[0].Author != "Desk Editor" {
		t.Errorf("core properties not used: %+v", arts)
	}
}

func TestZipArchiveOfArticles(t *testing.T) {
	data := makeZip(t,
		zipFile{"b/second.txt", "The second article in the archive, about a summit in Lima.\n"},
		zipFile{"a/first.json", `{"title":"First","body":"The first article in the archive, about a vote in Oslo."}`},
		zipFile{"__MACOSX/._first.json", "\x00\x05junk"},
		zipFile{"a/.hidden.txt", "hidden"},
	)
	p := writeFile(t, "bundle.zip", data)
	arts := read(t, p, ingest.Options{})
	if len(arts) != 2 || arts[0].Title != "First" || !strings.Contains(arts[1].Body, "Lima") {
		t.Fatalf("got %+v", arts)
	}
	if arts[0].SourcePath != p+"!/a/first.json" || arts[1].SourcePos != 1 {
		t.Errorf("source %s#%d", arts[0].SourcePath, arts[1].SourcePos)
	}
}

package ingest_test

import (
	"os"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/ingest"
)

// seedFiles holds the real bundle the project was built from, as shipped in the
// sample corpus (a byte-for-byte copy of the team's seed file).
var seedFiles = []string{"../../resources/sample/taipei-times-bundle.txt"}

func TestSeedSplitsIntoFiveArticles(t *testing.T) {
	for _, path := range seedFiles {
		t.Run(path, func(t *testing.T) {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")
			arts := read(t, path, ingest.Options{})
			if len(arts) != 5 {
				t.Fatalf("got %d articles, want 5", len(arts))
			}
			// The phone-call article is the first 24 lines less the photo credit.
			var want []string
			for _, l := range lines[:24] {
				if l != "Photo: AFP" {
					want = append(want, l)
				}
			}
			if got := arts[0].Body; got != strings.Join(want, "\n\n") {
				t.Errorf("article 1 body differs from lines 1-24 without the credit:\n%s", got)
			}
			if strings.Contains(arts[0].Body, "Photo: AFP") {
				t.Error("the photo credit stayed in the body")
			}
			for i, prefix := range []string{"‘SHORTSIGHTED’:", "The team behind the long-awaited Vera Rubin Observatory", "ESPIONAGE:", "Canada and the EU"} {
				a := arts[i+1]
				if !strings.HasPrefix(a.Body, prefix) {
					t.Errorf("article %d starts %q, want %q", i+2, a.Body[:min(len(a.Body), 60)], prefix)
				}
				if a.Body != lines[24+i] {
					t.Errorf("article %d is not exactly line %d", i+2, 25+i)
				}
			}
			for i, a := range arts {
				if a.SourcePos != i || a.SourcePath != path {
					t.Errorf("article %d: source %s#%d", i, a.SourcePath, a.SourcePos)
				}
				if a.Title == "" || len([]rune(a.Title)) > 90 {
					t.Errorf("article %d: title %q", i, a.Title)
				}
				if a.Published != "" {
					t.Errorf("article %d: published %q from nowhere", i, a.Published)
				}
			}
			if !strings.HasPrefix(arts[3].Title, "ESPIONAGE: The British government’s decision") || !strings.HasSuffix(arts[3].Title, "…") {
				t.Errorf("kicker article title %q", arts[3].Title)
			}
		})
	}
}

func TestSplitNoneKeepsOneArticle(t *testing.T) {
	arts := read(t, seedFiles[0], ingest.Options{Split: ingest.SplitNone})
	if len(arts) != 1 {
		t.Fatalf("got %d articles, want 1", len(arts))
	}
	if strings.Contains(arts[0].Body, "Photo: AFP") || !strings.Contains(arts[0].Body, "ESPIONAGE:") {
		t.Error("split none must keep all text but the credit")
	}
}

// TestSplitBundles checks the general rules on bundles from other outlets:
// each article's first words and title.
func TestSplitBundles(t *testing.T) {
	tests := []struct {
		file   string
		starts []string // how each article's body starts
		titles []string // titles, "" = not checked
	}{
		{
			file: "testdata/bundle-wire.txt",
			starts: []string{"WASHINGTON, Jan. 17 (Reuters) - The United States", "TOKYO, Jan. 18 (Reuters)",
				"BRUSSELS (AP) — European Union", "Kyiv welcomed"},
			titles: []string{"The United States and Japan agreed on Friday to deepen cooperation on undersea cable…", "", "", ""},
		},
		{
			file: "testdata/bundle-separators.txt",
			starts: []string{"NAIROBI — African", "ROTTERDAM — Dock", "A court in Seoul", "Farmers in northern India",
				"The central bank of Brazil", "Chile and Argentina"},
			titles: []string{"Ministers agree climate finance deal", "Port strike ends after three weeks", "", "", "", ""},
		},
		{
			file:   "testdata/bundle-teasers.txt",
			starts: []string{"Ankara said", "TRADE WAR: Beijing’s", "Indonesia’s president", "EXCLUSIVE: A draft UN report", "Kenya’s parliament"},
		},
		{
			file:   "testdata/bundle-bylines.txt",
			starts: []string{"BANGKOK — Thailand’s Constitutional Court", "MANILA — The Philippines summoned"},
			titles: []string{"Thai court removes prime minister", "Philippines protests water cannon attack"},
		},
		{
			file:   "testdata/newsletter.eml",
			starts: []string{"MORNING BRIEF: Ethiopia", "SANCTIONS: The European Union"},
		},
		{
			file:   "testdata/wrapped.txt",
			starts: []string{"BERLIN -- The German parliament voted on Thursday to extend the navy's mission"},
			titles: []string{"Parliament votes to extend the border mission"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			arts := read(t, tt.file, ingest.Options{})
			if len(arts) != len(tt.starts) {
				for _, a := range arts {
					t.Logf("%q", a.Body[:min(60, len(a.Body))])
				}
				t.Fatalf("got %d articles, want %d", len(arts), len(tt.starts))
			}
			for i, a := range arts {
				if !strings.HasPrefix(a.Body, tt.starts[i]) {
					t.Errorf("article %d starts %q, want %q", i, a.Body[:min(80, len(a.Body))], tt.starts[i])
				}
				if i < len(tt.titles) && tt.titles[i] != "" && a.Title != tt.titles[i] {
					t.Errorf("article %d title %q, want %q", i, a.Title, tt.titles[i])
				}
				for _, junk := range []string{"Read more", "Continue reading", "Image: Anadolu", "AP Photo", "-- 30 --", "* * *", "###", "====", "----", "\f"} {
					if strings.Contains(a.Body, junk) {
						t.Errorf("article %d keeps %q", i, junk)
					}
				}
			}
		})
	}
}

func TestWireSignaturesAndDatelines(t *testing.T) {
	arts := read(t, "testdata/bundle-wire.txt", ingest.Options{Published: "2025-01-20"})
	want := []struct{ dateline, published, publication string }{
		{"WASHINGTON, Jan. 17 (Reuters)", "2025-01-17", "Reuters"},
		{"TOKYO, Jan. 18 (Reuters)", "2025-01-18", "Reuters"},
		{"BRUSSELS (AP)", "2025-01-20", "Associated Press"},
		{"", "2025-01-20", ""},
	}
	for i, w := range want {
		a := arts[i]
		if a.Dateline != w.dateline || a.Published != w.published || a.Publication != w.publication {
			t.Errorf("article %d: dateline %q published %q publication %q, want %+v", i, a.Dateline, a.Published, a.Publication, w)
		}
	}
	if !strings.HasSuffix(arts[0].Body, "Reporting by Jane Roe; Editing by Tom Poe") {
		t.Error("the reporting line belongs to the article it ends")
	}
}

func TestReflowHardWrappedText(t *testing.T) {
	arts := read(t, "testdata/wrapped.txt", ingest.Options{})
	paras := strings.Split(arts[0].Body, "\n\n")
	if len(paras) != 4 {
		t.Fatalf("got %d paragraphs, want 4:\n%s", len(paras), arts[0].Body)
	}
	if strings.Contains(arts[0].Body, "the\nnavy") || !strings.Contains(paras[0], "extend the navy's mission in the eastern Mediterranean") {
		t.Errorf("lines were not joined: %q", paras[0])
	}
	if !strings.HasPrefix(paras[2], `"We will not withdraw`) {
		t.Errorf("indented paragraph not kept apart: %q", paras[2])
	}
}

func TestTitleShortenedAtWordBoundary(t *testing.T) {
	long := strings.Repeat("Negotiators from both delegations continued ", 5) + "talking."
	p := writeFile(t, "long.txt", []byte(long+"\n"))
	arts := read(t, p, ingest.Options{})
	title := arts[0].Title
	if n := len([]rune(title)); n > 90 || !strings.HasSuffix(title, "…") {
		t.Fatalf("title %q (%d runes)", title, n)
	}
	words := strings.Fields(strings.TrimSuffix(title, "…"))
	last := words[len(words)-1]
	if !strings.Contains(long, " "+last+" ") {
		t.Errorf("title cut inside a word: %q", title)
	}
}

func TestBylinesAndDateLines(t *testing.T) {
	arts := read(t, "testdata/bundle-bylines.txt", ingest.Options{Published: "2030-01-01"})
	want := []struct{ author, published, dateline string }{
		{"Somchai Example", "2024-08-14", "BANGKOK"},
		{"Maria Example", "2024-08-15", "MANILA"},
	}
	for i, w := range want {
		a := arts[i]
		if a.Author != w.author || a.Published != w.published || a.Dateline != w.dateline {
			t.Errorf("article %d: author %q published %q dateline %q, want %+v", i, a.Author, a.Published, a.Dateline, w)
		}
		if strings.Contains(a.Body, "By ") || strings.Contains(a.Body, "Published:") {
			t.Errorf("article %d keeps its byline or date line in the body", i)
		}
	}
}

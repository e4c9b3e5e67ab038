package ingest_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/model"
	"howett.net/plist"
)

// savedPage is the page of testdata/saved as Chrome's "Save page as…,
// Webpage, Complete" writes it, with its resources in the _files folder.
const savedPage = "testdata/saved/Geneva talks resume.html"

// checkArticle compares the metadata fields of got that want sets, and
// checks that the body holds every text of has and none of not.
func checkArticle(t *testing.T, got, want model.Article, has, not []string) {
	t.Helper()
	for _, f := range []struct{ name, got, want string }{
		{"title", got.Title, want.Title}, {"author", got.Author, want.Author},
		{"publication", got.Publication, want.Publication}, {"url", got.URL, want.URL},
		{"published", got.Published, want.Published},
	} {
		if f.want != "" && f.got != f.want {
			t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
		}
	}
	for _, s := range has {
		if !strings.Contains(got.Body, s) {
			t.Errorf("body lacks %q:\n%s", s, got.Body)
		}
	}
	for _, s := range not {
		if strings.Contains(got.Body, s) {
			t.Errorf("body holds page furniture %q:\n%s", s, got.Body)
		}
	}
}

func TestWebPageMainTextAndMetadata(t *testing.T) {
	// The import dialog's default date is older than the page's own: the
	// page's date wins, and its outlet beats the dialog's too.
	opts := ingest.Options{Split: ingest.SplitAuto, Published: "2020-01-01", Publication: "Typed by hand"}
	arts := read(t, savedPage, opts)
	if len(arts) != 1 {
		t.Fatalf("%d articles, want 1", len(arts))
	}
	checkArticle(t, arts[0], model.Article{
		Title: "Geneva talks resume as envoys seek prisoner swap", Author: "Léa Fontaine", Publication: "World Wire",
		URL: "https://www.worldwire.example/2025/06/12/geneva-talks-resume", Published: "2025-06-12T09:15:00+02:00",
	}, []string{
		"GENEVA — Negotiators from both sides returned to the Palais des Nations on Thursday",
		"verified by the International Committee of the Red Cross.\n\nThe crossings, closed since",
		"respecting the timetable agreed in Geneva.",
	}, []string{
		"Skip to content", "Subscribe", "Politics", "Sign up", "Europe briefing", "Related", "Aid convoys",
		"Photo: Agency", "Share on", "Comments", "reader42", "About time", "Most read", "Markets slide",
		"All rights reserved", "cookies", "Luxury watches", "dataLayer", "font-family", "By Léa",
	})
	if !strings.HasPrefix(arts[0].Body, "GENEVA") {
		t.Errorf("body does not open with the article: %q", arts[0].Body[:min(len(arts[0].Body), 80)])
	}
}

func TestWebPageWithoutDateTakesTheDefault(t *testing.T) {
	page := strings.NewReplacer(`<meta property="article:published_time" content="2025-06-12T09:15:00+02:00">`, "",
		`<meta property="article:modified_time" content="2025-06-12T17:40:00+02:00">`, "").Replace(readFixture(t, savedPage))
	page = strings.NewReplacer(`"datePublished":"2025-06-12T09:15:00+02:00",`, "",
		`<time datetime="2025-06-12T09:15:00+02:00">12 June 2025</time>`, "").Replace(page)
	// The address holds the date too ("/2025/06/12/"), and a date there is
	// the page's.
	dated := read(t, writeFile(t, "dated-address.html", []byte(page)), ingest.Options{Published: "2025-06-13"})
	if dated[0].Published != "2025-06-12" {
		t.Errorf("published %q, want 2025-06-12 from the address", dated[0].Published)
	}
	page = strings.Replace(page, "url=(0060)https://www.worldwire.example/2025/06/12/", "url=(0049)https://www.worldwire.example/world/", 1)
	arts := read(t, writeFile(t, "undated.html", []byte(page)), ingest.Options{Published: "2025-06-13"})
	if len(arts) != 1 || arts[0].Published != "2025-06-13" {
		t.Fatalf("published %q, want the default 2025-06-13", arts[0].Published)
	}
}

func TestWebPageOneArticle(t *testing.T) {
	tests := []struct {
		file         string
		auto, none   int
		titles       []string // with --split auto
		firstPublish string
		firstURL     string
	}{
		// A live blog: separate dated posts, each an article when splitting.
		{file: "testdata/liveblog.html", auto: 4, none: 1,
			titles:       []string{"Brazil calls for reform of the Security Council", "Kenya urges faster climate finance"},
			firstPublish: "2025-09-24T17:05:00-04:00", firstURL: "https://globaldesk.example/live/unga-day-two#post-4"},
		// An article with dated teaser cards of other stories: one article.
		{file: "testdata/article-related.html", auto: 1, none: 1,
			titles: []string{"Baltic states agree joint air-defence purchase"}, firstPublish: "2025-04-15T12:00:00+03:00"},
		// A blog post with its comment thread, each comment an <article>
		// with its own date: one article, without the comments.
		{file: "testdata/blogpost-comments.html", auto: 1, none: 1,
			titles: []string{"Why the Arctic Council still matters"}, firstPublish: "2025-03-01T08:00:00Z"},
		{file: savedPage, auto: 1, none: 1},
	}
	for _, tc := range tests {
		none := read(t, tc.file, ingest.Options{Split: ingest.SplitNone})
		auto := read(t, tc.file, ingest.Options{Split: ingest.SplitAuto})
		if len(none) != tc.none || len(auto) != tc.auto {
			t.Errorf("%s: %d articles with --split none, %d with auto; want %d, %d", tc.file, len(none), len(auto), tc.none, tc.auto)
			continue
		}
		for i, title := range tc.titles {
			if auto[i].Title != title {
				t.Errorf("%s: article %d title %q, want %q", tc.file, i, auto[i].Title, title)
			}
		}
		if tc.firstPublish != "" && auto[0].Published != tc.firstPublish {
			t.Errorf("%s: published %q, want %q", tc.file, auto[0].Published, tc.firstPublish)
		}
		if tc.auto > 1 && (auto[0].URL != tc.firstURL || auto[0].Publication != "Global Desk") {
			t.Errorf("%s: url %q publication %q, want %q, Global Desk", tc.file, auto[0].URL, auto[0].Publication, tc.firstURL)
		}
	}
	// Split or not, the live blog's text is all there.
	none := read(t, "testdata/liveblog.html", ingest.Options{Split: ingest.SplitNone})
	for _, s := range []string{"permanent seats for Africa", "levy on aviation and shipping", "preparatory meeting on nuclear disarmament", "less than a third covered"} {
		if !strings.Contains(none[0].Body, s) {
			t.Errorf("live blog read whole lacks %q", s)
		}
	}
	blog := read(t, "testdata/blogpost-comments.html", ingest.Options{})
	if strings.Contains(blog[0].Body, "library of old reports") || !strings.Contains(blog[0].Body, "without a shared set of rules.") {
		t.Errorf("blog post with comments: %q", blog[0].Body)
	}
	// Themes that set the comments beside the post, not in a list of their
	// own, still make one article.
	flat := regexp.MustCompile(`</?(ol|li)[^>]*>|<div id="comments"[^>]*>|<h2 class="comments-title">.*</h2>`).
		ReplaceAllString(readFixture(t, "testdata/blogpost-comments.html"), "")
	if arts := read(t, writeFile(t, "flat-comments.html", []byte(flat)), ingest.Options{}); len(arts) != 1 {
		t.Errorf("blog post with comments beside it: %d articles", len(arts))
	}
	related := read(t, "testdata/article-related.html", ingest.Options{})
	if strings.Contains(related[0].Body, "Finland opened") || !strings.Contains(related[0].Body, "through the summer.") {
		t.Errorf("article with teasers: %q", related[0].Body)
	}
}

func TestSavedPageFolderIsNotImported(t *testing.T) {
	st := openStore(t)
	res, err := ingest.Import(context.Background(), st, []string{"testdata/saved"}, ingest.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range res {
		if r.Err != nil || r.Imported != 1 {
			t.Errorf("%s: imported %d, err %v", r.Path, r.Imported, r.Err)
		}
		got = append(got, filepath.Base(r.Path))
	}
	if strings.Join(got, ", ") != "Geneva talks resume.html, caucasus-talks.mht, pacific-forum.mhtml" {
		t.Errorf("files imported: %s", strings.Join(got, ", "))
	}
	// The resource folder imported on its own is read like any folder.
	res, _ = ingest.Import(context.Background(), st, []string{"testdata/saved/Geneva talks resume_files"}, ingest.Options{}, nil)
	if len(res) != 5 {
		t.Errorf("the _files folder given by name: %d files, want 5", len(res))
	}
}

func TestMHTML(t *testing.T) {
	// Chrome and Edge "Webpage, Single File": quoted-printable UTF-8 page
	// first, then a style sheet, an image and an ad frame.
	arts := read(t, "testdata/saved/pacific-forum.mhtml", ingest.Options{})
	if len(arts) != 1 {
		t.Fatalf("%d articles", len(arts))
	}
	checkArticle(t, arts[0], model.Article{
		Title: "Pacific forum backs ocean treaty", Author: "Sione Vaka", Publication: "Island Times",
		URL: "https://islandtimes.example/news/pacific-forum-ocean-treaty", Published: "2025-08-28",
	}, []string{
		"NUKU‘ALOFA — Leaders of the Pacific Islands Forum on Thursday endorsed a regional treaty",
		"“Our ocean is our identity, and no tide will take it from us,” the forum’s chair",
		"where several coastal states have signalled support.",
	}, []string{"=3D", "=\r\n", "font-family", "Advertisement", "Fisheries ministers", "Home", "© 2025", "By Sione"})

	// Internet Explorer's "Web Archive, single file": base64 page in
	// windows-1252, address in the message header only.
	arts = read(t, "testdata/saved/caucasus-talks.mht", ingest.Options{})
	checkArticle(t, arts[0], model.Article{
		Title: "Swiss mediators host Caucasus talks", Author: "Jürg Meier", Publication: "Alpine Courier",
		URL: "https://www.alpinecourier.example/ausland/caucasus-talks-zurich.html", Published: "2024-03-18",
	}, []string{"ZÜRICH — Foreign ministers", "“constructive and frank”", "façade of pale stone."},
		[]string{"Front page", "Impressum", "R0lGOD"})

	// Without its extension, a saved page is still known by its header.
	data, err := os.ReadFile("testdata/saved/pacific-forum.mhtml")
	if err != nil {
		t.Fatal(err)
	}
	arts = read(t, writeFile(t, "saved-page", data), ingest.Options{})
	if len(arts) != 1 || arts[0].Title != "Pacific forum backs ocean treaty" {
		t.Errorf("MHTML without extension: %d articles, title %q", len(arts), arts[0].Title)
	}
}

// safariArchive builds a web archive the way Safari's "Save As… Web
// Archive" writes it: a binary property list whose main resource is the
// page, with its sub-resources and frames beside it.
func safariArchive(t *testing.T, page []byte, mimeType, encoding string) []byte {
	t.Helper()
	type resource struct {
		Data     []byte `plist:"WebResourceData"`
		Frame    string `plist:"WebResourceFrameName,omitempty"`
		MIMEType string `plist:"WebResourceMIMEType"`
		Encoding string `plist:"WebResourceTextEncodingName,omitempty"`
		URL      string `plist:"WebResourceURL"`
	}
	archive := struct {
		Main resource   `plist:"WebMainResource"`
		Subs []resource `plist:"WebSubresources"`
	}{
		Main: resource{Data: page, MIMEType: mimeType, Encoding: encoding, URL: "https://www.worldwire.example/2025/06/12/geneva-talks-resume"},
		Subs: []resource{
			{Data: []byte("body{font-family:Georgia}"), MIMEType: "text/css", URL: "https://www.worldwire.example/main.css"},
			{Data: []byte{0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F'}, MIMEType: "image/jpeg", URL: "https://www.worldwire.example/palais.jpg"},
		},
	}
	data, err := plist.Marshal(archive, plist.BinaryFormat)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestWebArchive(t *testing.T) {
	page := []byte(readFixture(t, savedPage))
	arts := read(t, writeFile(t, "Geneva.webarchive", safariArchive(t, page, "text/html", "UTF-8")), ingest.Options{})
	if len(arts) != 1 {
		t.Fatalf("%d articles", len(arts))
	}
	checkArticle(t, arts[0], model.Article{
		Title: "Geneva talks resume as envoys seek prisoner swap", Author: "Léa Fontaine",
		URL: "https://www.worldwire.example/2025/06/12/geneva-talks-resume", Published: "2025-06-12T09:15:00+02:00",
	}, []string{"GENEVA — Negotiators", "agreed in Geneva."}, []string{"reader42", "font-family"})

	bad := map[string][]byte{
		"image.webarchive":     safariArchive(t, []byte{0x89, 'P', 'N', 'G'}, "image/png", ""),
		"truncated.webarchive": safariArchive(t, page, "text/html", "UTF-8")[:300],
		"garbage.webarchive":   []byte("bplist00 is how it starts, but nothing follows"),
	}
	for name, data := range bad {
		_, err := ingest.ReadFile(context.Background(), writeFile(t, name, data), ingest.Options{})
		if !errors.Is(err, ingest.ErrRefused) || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: %v, want a one-line refusal naming the file", name, err)
		}
	}
}

// readFixture returns a testdata file as text.
func readFixture(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

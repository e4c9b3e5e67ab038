package ingest

import (
	"testing"

	"howett.net/plist"
)

// The web-page reader behind FuzzHTML, as browsers save pages: MHTML files
// and Safari web archives.

func FuzzMHTML(f *testing.F) {
	addSeeds(f, "saved/*.mhtml", "saved/*.mht")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.mhtml", data) })
}

func FuzzWebArchive(f *testing.F) {
	seed, err := plist.Marshal(webArchive{Main: webResource{
		Data:     []byte("<html><body><article><h1>Talks</h1><p>Envoys met in Geneva on Monday.</p></article></body></html>"),
		MIMEType: "text/html", Encoding: "UTF-8", URL: "https://news.example/talks",
	}}, plist.BinaryFormat)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.webarchive", data) })
}

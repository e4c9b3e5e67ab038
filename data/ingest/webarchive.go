package ingest

import (
	"strings"

	"howett.net/plist"
)

// webResource is one resource of a Safari web archive.
type webResource struct {
	Data     []byte `plist:"WebResourceData"`
	MIMEType string `plist:"WebResourceMIMEType"`
	Encoding string `plist:"WebResourceTextEncodingName"`
	URL      string `plist:"WebResourceURL"`
}

// webArchive is what a .webarchive holds: the page, and its images, style
// sheets and frames (left unread).
type webArchive struct {
	Main webResource `plist:"WebMainResource"`
}

// readWebArchive reads a page Safari saved as a web archive: a property
// list whose main resource is the page's HTML, with its address and text
// encoding.
func readWebArchive(path string, data []byte, opts Options) (arts []draft, err error) {
	defer func() {
		if recover() != nil { // a property list the decoder trips over
			arts, err = nil, refuse(path, "not a Safari web archive: malformed property list")
		}
	}()
	var wa webArchive
	if _, err := plist.Unmarshal(data, &wa); err != nil {
		return nil, refuse(path, "not a Safari web archive: %v", err)
	}
	main := wa.Main
	mt := lower(strings.TrimSpace(main.MIMEType))
	if mt != "text/html" && mt != "application/xhtml+xml" {
		return nil, refuse(path, "Safari web archive whose page is %q, not HTML", main.MIMEType)
	}
	var text string
	if main.Encoding != "" {
		text, err = decodeNamed(path, main.Data, main.Encoding)
	} else {
		text, err = decodeMarkup(path, main.Data)
	}
	if err != nil {
		return nil, err
	}
	if arts, err = readHTML(path, text, opts); err != nil {
		return nil, err
	}
	for i := range arts {
		arts[i].URL = firstNonEmpty(arts[i].URL, main.URL)
	}
	return arts, nil
}

package ingest

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"

	"golang.org/x/net/html/charset"
)

// maxMHTMLParts bounds the parts looked through for the page in an MHTML
// file: the page comes first, then its images, style sheets and frames.
const maxMHTMLParts = 10000

// looksMHTML recognises a page saved as one MIME file whatever its
// extension: a multipart/related message that a browser says it saved
// ("From: <Saved by Blink>", Chrome's Snapshot-Content-Location). An HTML
// e-mail with inline images is multipart/related too, and stays an e-mail.
func looksMHTML(head []byte) bool {
	l := bytes.ToLower(head[:min(len(head), 4096)])
	return bytes.Contains(l, []byte("multipart/related")) &&
		(bytes.Contains(l, []byte("from: <saved by ")) || bytes.Contains(l, []byte("snapshot-content-location:")))
}

// readMHTML reads a page saved as one file (.mhtml, .mht): a MIME
// multipart/related message whose root part is the page's HTML, in
// quoted-printable or base64, the other parts its resources. The page's own
// address and title, as the browser recorded them, fill what the HTML leaves
// unknown.
func readMHTML(path string, data []byte, opts Options) ([]draft, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return nil, refuse(path, "not an MHTML page: %v", err)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(mt, "multipart/") || params["boundary"] == "" {
		return nil, refuse(path, "not an MHTML page: no multipart body")
	}
	body, ctype, location, err := mhtmlRoot(msg.Body, params["boundary"], params["start"])
	if err != nil {
		return nil, refuse(path, "MHTML: %v", err)
	}
	text, err := decodePage(path, body, ctype)
	if err != nil {
		return nil, err
	}
	arts, err := readHTML(path, text, opts)
	if err != nil {
		return nil, err
	}
	dec := mime.WordDecoder{CharsetReader: charsetReader}
	title, _ := dec.DecodeHeader(msg.Header.Get("Subject"))
	location = firstNonEmpty(msg.Header.Get("Snapshot-Content-Location"), location)
	for i := range arts {
		arts[i].URL = firstNonEmpty(arts[i].URL, location)
		arts[i].Title = firstNonEmpty(arts[i].Title, collapseSpace(title))
	}
	return arts, nil
}

// mhtmlRoot finds the page in a multipart/related body: the part whose
// Content-ID is start, else the first HTML part. It returns the part
// decoded from its transfer encoding, its content type and its address.
func mhtmlRoot(body io.Reader, boundary, start string) (data []byte, ctype, location string, err error) {
	mr := multipart.NewReader(body, boundary)
	for range maxMHTMLParts {
		p, err := mr.NextRawPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, "", "", err
		}
		ct := p.Header.Get("Content-Type")
		mt, _, _ := mime.ParseMediaType(ct)
		isRoot := start != "" && strings.Trim(p.Header.Get("Content-Id"), "<>") == strings.Trim(start, "<>")
		if !isRoot && (start != "" || (mt != "text/html" && mt != "application/xhtml+xml")) {
			continue
		}
		data, err := io.ReadAll(transferDecoder(p.Header.Get("Content-Transfer-Encoding"), p))
		if errors.Is(err, io.ErrUnexpectedEOF) && len(data) > 0 {
			err = nil // a file cut short after the page: keep what is there
		}
		if err != nil {
			return nil, "", "", err
		}
		return data, ct, p.Header.Get("Content-Location"), nil
	}
	return nil, "", "", errors.New("no HTML page among its parts")
}

// decodePage decodes a page's HTML to UTF-8: in the character set its
// container names (a MIME part's or a web archive's), else as any file.
func decodePage(path string, data []byte, contentType string) (string, error) {
	_, params, _ := mime.ParseMediaType(contentType)
	if name := params["charset"]; name != "" {
		return decodeNamed(path, data, name)
	}
	return decodeMarkup(path, data)
}

// decodeNamed decodes data in the character set called name, falling back
// to decodeMarkup for a name it does not know.
func decodeNamed(path string, data []byte, name string) (string, error) {
	e, canonical := charset.Lookup(name)
	if e == nil || canonical == "utf-8" {
		return decodeMarkup(path, data)
	}
	return decodeWith(path, e, data)
}

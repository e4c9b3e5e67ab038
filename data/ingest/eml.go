package ingest

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"time"

	"golang.org/x/text/encoding/htmlindex"
)

// maxParts bounds the MIME parts walked in one message.
const maxParts = 200

// readEML reads an e-mail (a newsletter, say): the text/plain part, else the
// text/html part, decoded from quoted-printable or base64 and its charset,
// then split like any text. The subject titles a single article, the sender
// names the publication and the Date header dates it.
func readEML(path, text string, opts Options) ([]draft, error) {
	msg, err := mail.ReadMessage(strings.NewReader(text))
	if err != nil {
		return nil, refuse(path, "not a readable e-mail message: %v", err)
	}
	dec := mime.WordDecoder{CharsetReader: charsetReader}
	subject, err := dec.DecodeHeader(msg.Header.Get("Subject"))
	if err != nil {
		subject = msg.Header.Get("Subject")
	}
	var sender string
	if from, err := mail.ParseAddress(msg.Header.Get("From")); err == nil {
		sender = firstNonEmpty(from.Name, from.Address)
	}
	published := ""
	if t, err := msg.Header.Date(); err == nil {
		published = t.Format(time.RFC3339)
	}
	budget := maxParts
	plain, htmlPart, err := mailText(msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), msg.Body, &budget)
	if err != nil {
		return nil, refuse(path, "cannot read the message body: %v", err)
	}
	body := plain
	if strings.TrimSpace(body) == "" {
		body = htmlToText(htmlPart)
	}
	arts := textArticles(body, opts.splitting(), firstNonEmpty(published, opts.Published), layoutAuto)
	for i := range arts {
		if len(arts) == 1 && subject != "" {
			arts[i].Title = collapseSpace(subject)
		}
		arts[i].Publication = firstNonEmpty(arts[i].Publication, sender)
		arts[i].Published = firstNonEmpty(arts[i].Published, published)
	}
	return arts, nil
}

// mailText returns the first text/plain and text/html content of a
// (possibly multipart) body.
func mailText(contentType, cte string, body io.Reader, budget *int) (plain, htmlText string, err error) {
	*budget--
	if *budget < 0 {
		return "", "", fmt.Errorf("more than %d MIME parts", maxParts)
	}
	mediaType, params, perr := mime.ParseMediaType(contentType)
	if perr != nil || contentType == "" {
		mediaType, params = "text/plain", map[string]string{}
	}
	if strings.HasPrefix(mediaType, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				return plain, htmlText, err
			}
			pl, ht, err := mailText(p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p, budget)
			if err != nil {
				return plain, htmlText, err
			}
			plain = firstNonEmpty(plain, pl)
			htmlText = firstNonEmpty(htmlText, ht)
		}
		return plain, htmlText, nil
	}
	if mediaType != "text/plain" && mediaType != "text/html" {
		return "", "", nil
	}
	raw, err := io.ReadAll(transferDecoder(cte, body))
	if err != nil {
		return "", "", err
	}
	s := decodeCharset(params["charset"], raw)
	if mediaType == "text/html" {
		return "", s, nil
	}
	return s, "", nil
}

func transferDecoder(cte string, r io.Reader) io.Reader {
	switch lower(strings.TrimSpace(cte)) {
	case "quoted-printable":
		return quotedprintable.NewReader(r)
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, newlineStripper{r})
	}
	return r
}

// newlineStripper drops line breaks so that wrapped base64 decodes.
type newlineStripper struct{ r io.Reader }

func (n newlineStripper) Read(p []byte) (int, error) {
	for {
		k, err := n.r.Read(p)
		j := 0
		for _, c := range p[:k] {
			if c != '\r' && c != '\n' && c != ' ' && c != '\t' {
				p[j] = c
				j++
			}
		}
		if j > 0 || err != nil {
			return j, err
		}
	}
}

// decodeCharset decodes raw from its declared charset; unknown or missing
// charsets go through the same detection as files.
func decodeCharset(charset string, raw []byte) string {
	if charset != "" {
		if e, err := htmlindex.Get(charset); err == nil {
			if out, err := e.NewDecoder().Bytes(raw); err == nil {
				return strings.ToValidUTF8(string(out), "\uFFFD")
			}
		}
	}
	if s, err := decodeText("", raw); err == nil {
		return s
	}
	return strings.ToValidUTF8(string(bytes.ReplaceAll(raw, []byte{0}, nil)), "\uFFFD")
}

func charsetReader(charset string, r io.Reader) (io.Reader, error) {
	e, err := htmlindex.Get(charset)
	if err != nil {
		return nil, err
	}
	return e.NewDecoder().Reader(r), nil
}

package ingest

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// readDOCX reads the paragraphs of a Word document (word/document.xml) and
// splits them like text; a page break separates articles. The document's
// title and creator, when set, title and sign a single article.
func readDOCX(p string, data []byte, opts Options) ([]draft, error) {
	zr, err := openZip(p, data)
	if err != nil {
		return nil, err
	}
	budget := int64(maxUnzipped)
	var doc, core []byte
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			if doc, err = readEntry(p, f, &budget); err != nil {
				return nil, err
			}
		case "docProps/core.xml":
			if core, err = readEntry(p, f, &budget); err != nil {
				return nil, err
			}
		}
	}
	if doc == nil {
		return nil, refuse(p, "not a Word document (no word/document.xml)")
	}
	if hasEntityDecl(doc) || hasEntityDecl(core) {
		return nil, refuse(p, "XML entity declarations are not allowed (possible entity-expansion bomb)")
	}
	text, err := docxText(doc)
	if err != nil {
		return nil, refuse(p, "corrupt Word document: %v", err)
	}
	arts := textArticles(text, opts.splitting(), opts.Published, layoutAuto)
	title, creator := docxCore(core)
	for i := range arts {
		if len(arts) == 1 && title != "" {
			arts[i].Title = title
		}
		if arts[i].Author == "" {
			arts[i].Author = creator
		}
	}
	return arts, nil
}

// docxText returns the text of word/document.xml: paragraphs separated by
// blank lines, tabs and line breaks as spaces, page breaks as form feeds.
func docxText(doc []byte) (string, error) {
	d := xml.NewDecoder(strings.NewReader(string(doc)))
	var b strings.Builder
	inText := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return b.String(), nil
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab", "cr":
				b.WriteByte(' ')
			case "br":
				if attrValue(t, "type") == "page" {
					b.WriteString("\n\f\n")
				} else {
					b.WriteString("\n\n")
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				b.WriteString("\n\n")
			}
		case xml.CharData:
			if inText {
				b.Write(t)
			}
		case xml.Directive:
			if strings.Contains(strings.ToUpper(string(t)), "ENTITY") {
				return "", errors.New("entity declaration")
			}
		}
	}
}

// docxCore reads dc:title and dc:creator from docProps/core.xml.
func docxCore(core []byte) (title, creator string) {
	if core == nil {
		return "", ""
	}
	var props struct {
		Title   string `xml:"title"`
		Creator string `xml:"creator"`
	}
	if xml.Unmarshal(core, &props) != nil {
		return "", ""
	}
	return collapseSpace(props.Title), collapseSpace(props.Creator)
}

func attrValue(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

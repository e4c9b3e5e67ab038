package ingest

import (
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// extractOptions configure go-trafilatura for an analyst's reading copy: the
// article alone (comments left out), compared with the Readability and DOM
// Distiller candidates, and biased towards leaving page furniture out.
func extractOptions() trafilatura.Options {
	return trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		Focus:           trafilatura.FavorPrecision,
		HtmlDateMode:    trafilatura.Fast,
	}
}

// mainText finds the article text of a parsed page with go-trafilatura and
// returns it as paragraphs, with what the extractor learnt of the page's
// metadata. ok is false when the extractor found no text (or failed), and the
// caller falls back to the page's own structure.
func mainText(doc *html.Node) (paras []string, meta trafilatura.Metadata, ok bool) {
	defer func() {
		// The extractor walks pages it has never seen; a failure on one is
		// a page read the plain way, not a crash of the import.
		if recover() != nil {
			paras, ok = nil, false
		}
	}()
	res, err := trafilatura.ExtractDocument(doc, extractOptions())
	if err != nil || res == nil || res.ContentNode == nil {
		return nil, trafilatura.Metadata{}, false
	}
	paras = contentParagraphs(res.ContentNode)
	return paras, res.Metadata, len(paras) > 0
}

// contentParagraphs turns the extractor's cleaned HTML into paragraphs: one
// per block element, a list item or a table row each a paragraph of its own
// (the cells of a row separated by " | ").
func contentParagraphs(n *html.Node) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if p := collapseSpace(cur.String()); p != "" {
			out = append(out, p)
		}
		cur.Reset()
	}
	var rec func(n *html.Node)
	rec = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.CommentNode, html.DoctypeNode:
			return
		case html.ElementNode:
			switch {
			case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
				if strings.TrimSpace(cur.String()) != "" {
					cur.WriteString(" | ")
				}
			case n.DataAtom == atom.Br || blocks[n.DataAtom]:
				flush()
				defer flush()
			default:
				defer cur.WriteByte(' ')
				cur.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	flush()
	return out
}

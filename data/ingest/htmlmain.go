package ingest

import (
	neturl "net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// shortText is the length, in runes, under which the text the precise pass
// found is checked against a balanced pass: favouring precision, the
// extractor gives up its rescue of pages whose article it could not tell
// apart, and a short article page would lose its text.
const shortText = 250

// maxFallbackElements is the size of page, in elements, above which the
// extractor's result is not compared with the Readability and DOM Distiller
// ones: the comparison costs a quarter of the time, and pages that large
// (ten times an ordinary article page) are dominated by comment threads and
// link lists that the extractor handles on its own.
const maxFallbackElements = 10000

// extractOptions configure go-trafilatura for an analyst's reading copy: the
// article alone (comments left out), compared with the Readability and DOM
// Distiller candidates when fallback is set, and with focus given to leaving
// page furniture out or to keeping a balance.
func extractOptions(focus trafilatura.ExtractionFocus, pageURL string, fallback bool) trafilatura.Options {
	var u *neturl.URL
	if p, err := neturl.ParseRequestURI(pageURL); err == nil && p.Host != "" {
		u = p // its path may hold the date
	}
	return trafilatura.Options{
		OriginalURL:     u,
		EnableFallback:  fallback,
		ExcludeComments: true,
		Focus:           focus,
		HtmlDateMode:    trafilatura.Fast,
	}
}

// mainText finds the article text of a parsed page with go-trafilatura and
// returns it as paragraphs, with what the extractor learnt of the page's
// metadata. pageURL is the page's address as far as known, elements the
// number of elements in doc. ok is false when the extractor found no text
// (or failed), and the caller falls back to the page's own structure.
func mainText(doc *html.Node, pageURL string, elements int) (paras []string, meta trafilatura.Metadata, ok bool) {
	fallback := elements <= maxFallbackElements
	paras, meta = extract(doc, extractOptions(trafilatura.FavorPrecision, pageURL, fallback))
	if textLen(paras) < shortText {
		if more, m := extract(doc, extractOptions(trafilatura.Balanced, pageURL, fallback)); textLen(more) > textLen(paras) {
			paras, meta = more, m
		}
	}
	return paras, meta, len(paras) > 0
}

// extract runs the extractor once; it leaves doc as it was.
func extract(doc *html.Node, opts trafilatura.Options) (paras []string, meta trafilatura.Metadata) {
	defer func() {
		// The extractor walks pages it has never seen; a failure on one is
		// a page read another way, not a crash of the import.
		if recover() != nil {
			paras, meta = nil, trafilatura.Metadata{}
		}
	}()
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil || res == nil || res.ContentNode == nil {
		return nil, trafilatura.Metadata{}
	}
	return contentParagraphs(res.ContentNode), res.Metadata
}

// contentParagraphs turns the extractor's cleaned HTML into paragraphs: one
// per block element, a list item or a table row each a paragraph of its own
// (the cells of a row separated by " | ").
func contentParagraphs(n *html.Node) []string {
	var out []string
	var cur strings.Builder
	gap := false // an inline element began or ended since the last text
	flush := func() {
		if p := collapseSpace(cur.String()); p != "" {
			out = append(out, p)
		}
		cur.Reset()
		gap = false
	}
	var rec func(n *html.Node)
	rec = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			if gap && needsGap(cur.String(), n.Data) {
				cur.WriteByte(' ')
			}
			cur.WriteString(n.Data)
			gap = false
			return
		case html.CommentNode, html.DoctypeNode:
			return
		case html.ElementNode:
			// The extractor renames elements without updating DataAtom.
			a := atom.Lookup([]byte(n.Data))
			switch {
			case a == atom.Td || a == atom.Th:
				if strings.TrimSpace(cur.String()) != "" {
					cur.WriteString(" | ")
				}
			case a == atom.Br || blocks[a]:
				flush()
				defer flush()
			default:
				gap = true
				defer func() { gap = true }()
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

// needsGap reports whether a space belongs between text before and after
// the edge of an inline element. The extractor trims the white space around
// the text it keeps, so "for <b>Larry</b>" comes out as "for", "Larry"; a
// space is put back between two words, before an opening bracket and after
// closing punctuation, but not inside scripts written without spaces.
func needsGap(before, after string) bool {
	b, _ := utf8.DecodeLastRuneInString(before)
	a, _ := utf8.DecodeRuneInString(after)
	if before == "" || after == "" || unicode.IsSpace(b) || unicode.IsSpace(a) || unspaced(a) || unspaced(b) {
		return false
	}
	if strings.ContainsRune("([{“‘\"'/-–—", b) || strings.ContainsRune(".,;:!?)]}”’\"'%/-–—", a) {
		return false
	}
	return true
}

// unspaced reports a letter of a script written without spaces between words.
func unspaced(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

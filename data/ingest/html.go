package ingest

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipped elements never contribute text: scripts and styles (which are
// parsed, never run), navigation and page furniture.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Nav: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Button: true,
	atom.Svg: true, atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Figcaption: true,
	atom.Select: true, atom.Textarea: true, atom.Head: true, atom.Title: true, atom.Math: true,
	atom.Canvas: true, atom.Video: true, atom.Audio: true, atom.Dialog: true, atom.Menu: true,
}

// blocks start and end a paragraph.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Br: true, atom.Blockquote: true,
	atom.Section: true, atom.Article: true, atom.Main: true, atom.Tr: true, atom.Pre: true,
	atom.Dd: true, atom.Dt: true, atom.Ul: true, atom.Ol: true, atom.Table: true, atom.Hr: true,
	atom.Figure: true, atom.Address: true, atom.Td: true, atom.Th: true, atom.Body: true,
}

// furniture marks class or id words of page furniture that is not the
// article: share bars, related links, advertising, cookie banners.
var furniture = []string{"share", "social", "related", "advert", "promo", "newsletter", "cookie",
	"comments", "subscribe", "breadcrumb", "sidebar", "navbar", "menu", "paywall", "skip-link"}

// readHTML reads one web page: its main text and what the page says about
// itself. A page is one article, unless splitting is allowed and the page is
// a bundle of separate dated items (a live blog, a digest).
func readHTML(path, text string, opts Options) ([]draft, error) {
	if hasEntityDecl([]byte(text)) {
		return nil, refuse(path, "XML entity declarations are not allowed (possible entity-expansion bomb)")
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, refuse(path, "cannot parse HTML: %v", err)
	}
	page := pageMeta(doc)
	elements := dropCode(doc)
	if opts.splitting() {
		if items := bundleItems(doc, page); len(items) > 1 {
			return items, nil
		}
	}
	paras, found, ok := mainText(doc, page.url, elements)
	page = page.with(found)
	if !ok {
		var root *html.Node
		root, paras = mainRoot(doc)
		if page.title == "" {
			page.title = firstHeading(root)
		}
	}
	d := htmlArticle(paras, page)
	if d.Body == "" {
		return nil, nil
	}
	return []draft{d}, nil
}

// dropCode removes the scripts (JSON-LD data aside) and style sheets of a
// parsed page: never text, they can be most of a page's bytes, and every
// later pass would walk them again. It returns the number of elements left.
func dropCode(doc *html.Node) (elements int) {
	var code []*html.Node
	walk(doc, func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			elements++
		}
		switch n.DataAtom {
		case atom.Script:
			if lower(attr(n, "type")) != "application/ld+json" {
				code = append(code, n)
			}
			return false
		case atom.Style:
			code = append(code, n)
			return false
		}
		return true
	})
	for _, n := range code {
		n.Parent.RemoveChild(n)
	}
	return elements - len(code)
}

// htmlArticle makes an article of its paragraphs and of what the page says
// about it.
func htmlArticle(paras []string, m htmlMeta) draft {
	// The headline is usually repeated at the top of the text, and a
	// standalone <time> shows the date again.
	var kept []string
	for i, p := range paras {
		if i < 4 && (p == m.title || p == m.h1 || (m.timeText != "" && p == m.timeText)) {
			continue
		}
		if !strings.ContainsFunc(p, isAlnum) {
			continue // a separator left between removed bylines and dates
		}
		kept = append(kept, p)
	}
	clean, tm := takeTextMeta(dropFurniture(kept), m.published)
	d := draft{
		Title: m.title, Publication: m.publication, Author: m.author, URL: m.url,
		Published: m.published, Dateline: tm.dateline, Body: joinParagraphs(clean),
	}
	if d.Published == "" {
		d.Published = tm.published
	}
	if d.Author == "" {
		d.Author = tm.author
	}
	return d
}

// mainRoot picks the element holding the article text: the <article> with
// the most text, else <main> or role="main", else <body>. It returns the
// element and its paragraphs.
func mainRoot(doc *html.Node) (*html.Node, []string) {
	var best *html.Node
	var bestParas []string
	bestLen := 0
	for _, a := range findAll(doc, atom.Article, false) {
		paras := htmlParagraphs(a)
		if n := textLen(paras); n > bestLen {
			best, bestParas, bestLen = a, paras, n
		}
	}
	if best != nil {
		return best, bestParas
	}
	var found *html.Node
	walk(doc, func(n *html.Node) bool {
		if found == nil && (n.DataAtom == atom.Main || attr(n, "role") == "main") {
			found = n
		}
		return found == nil
	})
	if found == nil {
		found = doc
		if b := findAll(doc, atom.Body, true); len(b) > 0 {
			found = b[0]
		}
	}
	return found, htmlParagraphs(found)
}

// htmlParagraphs extracts the visible text of n as paragraphs.
func htmlParagraphs(n *html.Node) []string {
	var b strings.Builder
	var rec func(n *html.Node)
	rec = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipped[n.DataAtom] || isHidden(n) || isFurniture(n) {
				return
			}
			if n.DataAtom == atom.Img {
				return
			}
		case html.CommentNode, html.DoctypeNode:
			return
		}
		block := n.Type == html.ElementNode && blocks[n.DataAtom]
		if block {
			b.WriteString("\n\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
		if block {
			b.WriteString("\n\n")
		}
	}
	rec(n)
	var out []string
	for _, p := range strings.Split(b.String(), "\n\n") {
		if p = collapseSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// htmlToText converts an HTML fragment (a feed description, an e-mail part)
// to paragraphs separated by blank lines.
func htmlToText(s string) string {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return collapseSpace(s)
	}
	return joinParagraphs(htmlParagraphs(doc))
}

// looksHTML reports text that carries HTML markup.
func looksHTML(s string) bool {
	l := s[:min(len(s), 2048)]
	if strings.IndexByte(l, '<') < 0 && strings.IndexByte(l, '&') < 0 { // every sign starts so
		return false
	}
	if !isASCII(l) {
		l = lower(l)
		for _, t := range htmlSigns {
			if strings.Contains(l, t) {
				return true
			}
		}
		return false
	}
	// ASCII text: each sign is looked for, in any case, where the '<' or
	// '&' that opens it is.
	for _, t := range htmlSigns {
		for rest := l; ; {
			i := strings.IndexByte(rest, t[0])
			if i < 0 {
				break
			}
			if len(rest)-i >= len(t) && strings.EqualFold(rest[i:i+len(t)], t) {
				return true
			}
			rest = rest[i+1:]
		}
	}
	return false
}

// htmlSigns are the marks of HTML in a text (looksHTML), in lower case.
var htmlSigns = []string{"<p>", "<p ", "<br", "</", "<div", "&lt;p&gt;"}

func isHidden(n *html.Node) bool {
	if _, ok := attrOK(n, "hidden"); ok {
		return true
	}
	if attr(n, "aria-hidden") == "true" {
		return true
	}
	st := strings.ReplaceAll(lower(attr(n, "style")), " ", "")
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

func isFurniture(n *html.Node) bool {
	if n.DataAtom == atom.Article || n.DataAtom == atom.Main || n.DataAtom == atom.Body {
		return false
	}
	cls := lower(attr(n, "class") + " " + attr(n, "id") + " " + attr(n, "role"))
	if strings.Contains(cls, "navigation") || strings.Contains(cls, "banner") || strings.Contains(cls, "complementary") {
		return true
	}
	for _, w := range furniture {
		if strings.Contains(cls, w) {
			return true
		}
	}
	return false
}

func firstHeading(n *html.Node) string {
	var h string
	walk(n, func(c *html.Node) bool {
		if h != "" {
			return false
		}
		switch c.DataAtom {
		case atom.H1, atom.H2, atom.H3:
			h = collapseSpace(nodeText(c))
			return false
		}
		return true
	})
	return h
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// walk visits n and its descendants in document order; f returns false to
// skip a node's children.
func walk(n *html.Node, f func(*html.Node) bool) {
	if !f(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

// findAll returns the elements of type a; outer keeps only those not nested
// in another such element.
func findAll(n *html.Node, a atom.Atom, outer bool) []*html.Node {
	var out []*html.Node
	walk(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && c.DataAtom == a {
			out = append(out, c)
			return !outer
		}
		return true
	})
	return out
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
			b.WriteByte(' ')
		}
		return true
	})
	return b.String()
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && lower(a.Key) == key {
			return a.Val, true
		}
	}
	return "", false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

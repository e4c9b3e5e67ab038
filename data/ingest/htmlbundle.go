package ingest

import (
	neturl "net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// minItemText is the shortest text, in runes, of an item of a bundle page: a
// teaser card linking elsewhere is not an article.
const minItemText = 200

// maxItemShare is the largest part of a bundle's text one item may hold: a
// page whose one <article> carries most of the text is an article with
// extras around it, not a bundle.
const maxItemShare = 0.6

// bundleItems returns the items of a page that is a bundle: several
// top-level <article> elements side by side in one container, each with its
// own date and enough text of its own, none holding most of the text (a live
// blog, a digest of dated posts). Comments marked up as articles are not
// items. It returns nil for any other page, such as an article followed by
// teasers of other stories.
func bundleItems(doc *html.Node, page htmlMeta) []draft {
	var arts []*html.Node
	for _, a := range findAll(doc, atom.Article, true) {
		if !inComments(a) {
			arts = append(arts, a)
		}
	}
	if len(arts) < 2 {
		return nil
	}
	for _, a := range arts[1:] {
		if container(a) != container(arts[0]) {
			return nil
		}
	}
	var items []draft
	total, largest := 0, 0
	for _, a := range arts {
		m := pageMeta(a)
		paras := htmlParagraphs(a)
		n := textLen(paras)
		if m.published == "" || n < minItemText {
			return nil
		}
		total += n
		largest = max(largest, n)
		d := htmlArticle(paras, htmlMeta{title: firstHeading(a), published: m.published, timeText: m.timeText,
			publication: page.publication, author: firstNonEmpty(m.author, page.author), url: itemURL(a, m.url, page.url)})
		if d.Body == "" {
			return nil
		}
		items = append(items, d)
	}
	if float64(largest) > maxItemShare*float64(total) {
		return nil
	}
	return items
}

// itemURL is the address of one item of a bundle: its own, else the page's
// with the item's anchor when it has one.
func itemURL(item *html.Node, own, page string) string {
	if own != "" || page == "" {
		return own
	}
	if id := attr(item, "id"); id != "" && !strings.Contains(page, "#") {
		return page + "#" + neturl.PathEscape(id)
	}
	return page
}

// container is the element holding an item of a list: its parent, or the
// parent of a wrapper that holds nothing but the item (a list item, a div).
func container(n *html.Node) *html.Node {
	p := n.Parent
	for p != nil && p.Parent != nil && elementChildren(p) == 1 && p.DataAtom != atom.Body && p.DataAtom != atom.Main {
		p = p.Parent
	}
	return p
}

func elementChildren(n *html.Node) int {
	k := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			k++
		}
	}
	return k
}

// inComments reports an element that is, or sits in, a comment thread.
func inComments(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n.Type != html.ElementNode {
			continue
		}
		marks := lower(attr(n, "class") + " " + attr(n, "id") + " " + attr(n, "itemtype"))
		if strings.Contains(marks, "comment") {
			return true
		}
	}
	return false
}

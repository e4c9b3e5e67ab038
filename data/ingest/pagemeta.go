package ingest

import (
	"encoding/json"
	neturl "net/url"
	"regexp"
	"strings"
	"unicode"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlMeta is what a page says about itself.
type htmlMeta struct {
	title, h1, published, publication, author, url string
	timeText                                       string // text of the first <time>
}

// pageMeta reads what a page says about itself: og:, article: and other
// <meta> tags, JSON-LD, <title>, the first <h1> and <time>, the canonical
// link.
func pageMeta(doc *html.Node) htmlMeta {
	var m htmlMeta
	var ogTitle, titleEl, metaDate, timeDate, ldDate, ldHeadline string
	var ldAuthor, ldPublisher, metaAuthor, canonical, ogURL string
	var savedFrom string
	walk(doc, func(n *html.Node) bool {
		if n.Type == html.CommentNode && savedFrom == "" {
			if m := savedFromRe.FindStringSubmatch(n.Data); m != nil {
				savedFrom = m[1]
			}
		}
		switch n.DataAtom {
		case atom.Meta:
			key := lower(attr(n, "property"))
			if key == "" {
				key = lower(attr(n, "name"))
			}
			val := collapseSpace(attr(n, "content"))
			switch key {
			case "og:title", "twitter:title":
				if ogTitle == "" {
					ogTitle = val
				}
			case "article:published_time", "datepublished", "pubdate", "date", "dc.date", "parsely-pub-date", "sailthru.date":
				if metaDate == "" {
					metaDate = val
				}
			case "og:site_name", "application-name":
				if m.publication == "" {
					m.publication = val
				}
			case "author", "article:author", "byl", "parsely-author":
				if metaAuthor == "" && !strings.Contains(val, "://") {
					metaAuthor = strings.TrimPrefix(strings.TrimPrefix(val, "By "), "by ")
				}
			case "og:url":
				ogURL = val
			}
		case atom.Svg, atom.Math:
			return false // their <title>s label drawings
		case atom.Title:
			if titleEl == "" {
				titleEl = collapseSpace(nodeText(n))
			}
		case atom.H1:
			if m.h1 == "" {
				m.h1 = collapseSpace(nodeText(n))
			}
		case atom.Time:
			if timeDate == "" {
				timeDate = attr(n, "datetime")
				m.timeText = collapseSpace(nodeText(n))
			}
		case atom.Link:
			if lower(attr(n, "rel")) == "canonical" {
				canonical = attr(n, "href")
			}
		case atom.Script:
			if lower(attr(n, "type")) == "application/ld+json" {
				ld := jsonLD(nodeText(n))
				ldDate = firstNonEmpty(ldDate, ld.date)
				ldHeadline = firstNonEmpty(ldHeadline, ld.headline)
				ldAuthor = firstNonEmpty(ldAuthor, ld.author)
				ldPublisher = firstNonEmpty(ldPublisher, ld.publisher)
			}
			return false
		}
		return true
	})
	for _, d := range []string{metaDate, ldDate, timeDate} {
		if p := parseDate(d, ""); p != "" {
			m.published = p
			break
		}
	}
	m.author = firstNonEmpty(metaAuthor, ldAuthor)
	m.url = firstNonEmpty(ogURL, canonical, savedFrom)
	m.title = firstNonEmpty(ogTitle, titleEl, m.h1, ldHeadline)
	m.publication = firstNonEmpty(m.publication, ldPublisher)
	var site string
	m.title, site = trimSiteName(m.title, m.h1, m.publication, m.url)
	m.publication = firstNonEmpty(m.publication, site)
	return m
}

// savedFromRe reads the address a browser notes in a page it saves
// ("<!-- saved from url=(0042)https://… -->").
var savedFromRe = regexp.MustCompile(`^\s*saved from url=\(\d+\)(https?://\S+)`)

// with fills what the page's tags left unknown from what the extractor
// found (its date comes from the page's text and address too).
func (m htmlMeta) with(x trafilatura.Metadata) htmlMeta {
	m.author = firstNonEmpty(m.author, collapseSpace(x.Author))
	m.publication = firstNonEmpty(m.publication, collapseSpace(x.Sitename))
	m.url = firstNonEmpty(m.url, x.URL)
	if m.title == "" {
		m.title, _ = trimSiteName(collapseSpace(x.Title), m.h1, m.publication, m.url)
	}
	if m.published == "" && !x.Date.IsZero() {
		m.published = validDate(x.Date.Year(), int(x.Date.Month()), x.Date.Day())
	}
	return m
}

// trimSiteName removes a " | Site" or " - Site" suffix from a title: the
// part after the last separator goes when what is left is the page's <h1>,
// or when it names the site (its name as the page gives it, or the name in
// the page's address). site is the suffix removed, when it is short enough
// to be a name.
func trimSiteName(title, h1, site, url string) (trimmed, suffix string) {
	host := alnumLower(hostOf(url))
	for _, sep := range []string{" | ", " – ", " — ", " - ", " :: ", " · "} {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		left, right := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
		r := alnumLower(right)
		if left == h1 || (r != "" && r == alnumLower(site)) || (len(r) >= 3 && strings.Contains(host, r)) {
			if len(strings.Fields(right)) > maxSiteWords {
				right = ""
			}
			return left, right
		}
	}
	return title, ""
}

// maxSiteWords is the longest site name taken from a title's suffix.
const maxSiteWords = 4

// alnumLower keeps the letters and digits of s, in lower case.
func alnumLower(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// hostOf returns the host name of an absolute URL, or "".
func hostOf(u string) string {
	p, err := neturl.Parse(u)
	if err != nil {
		return ""
	}
	return p.Hostname()
}

// ldMeta is what JSON-LD says about an article.
type ldMeta struct{ date, headline, author, publisher string }

// jsonLD reads the first datePublished, headline, author and publisher
// found in a JSON-LD script, refusing pathological nesting.
func jsonLD(src string) ldMeta {
	var m ldMeta
	if jsonDepth([]byte(src)) > maxJSONDepth {
		return m
	}
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return m
	}
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 20 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if s, ok := x["datePublished"].(string); ok && m.date == "" {
				m.date = s
			}
			if s, ok := x["headline"].(string); ok && m.headline == "" {
				m.headline = collapseSpace(s)
			}
			if m.author == "" {
				m.author = ldName(x["author"])
			}
			if m.publisher == "" {
				m.publisher = ldName(x["publisher"])
			}
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
		}
	}
	visit(v, 0)
	return m
}

func ldName(v any) string {
	switch x := v.(type) {
	case string:
		return collapseSpace(x)
	case map[string]any:
		s, _ := x["name"].(string)
		return collapseSpace(s)
	case []any:
		var names []string
		for _, e := range x {
			if n := ldName(e); n != "" {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

package ingest

import (
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// readFeed reads an RSS 2.0, RSS 1.0 or Atom feed: one article per item,
// HTML in descriptions converted to text, the feed title as publication.
func readFeed(path, text string) ([]draft, error) {
	if hasEntityDecl([]byte(text)) {
		return nil, refuse(path, "XML entity declarations are not allowed (possible entity-expansion bomb)")
	}
	feed, err := gofeed.NewParser().ParseString(markUTF8(text))
	if err != nil {
		return nil, refuse(path, "not a readable RSS or Atom feed: %v", err)
	}
	var out []draft
	for _, it := range feed.Items {
		// The body is the longer of content and description as text.
		body, asText := it.Content, htmlToText(it.Content)
		if desc := htmlToText(it.Description); len(strings.TrimSpace(desc)) > len(strings.TrimSpace(asText)) {
			body, asText = it.Description, desc
		}
		if looksHTML(body) {
			body = asText // what bodyText would convert it to
		}
		d := draft{
			Title:       collapseSpace(htmlToText(it.Title)),
			URL:         strings.TrimSpace(it.Link),
			Publication: collapseSpace(feed.Title),
			Body:        plainBody(body),
		}
		if d.Body == "" {
			continue
		}
		switch {
		case it.PublishedParsed != nil:
			d.Published = feedTime(*it.PublishedParsed)
		case it.UpdatedParsed != nil:
			d.Published = feedTime(*it.UpdatedParsed)
		default:
			d.Published = parseDate(firstNonEmpty(it.Published, it.Updated), "")
		}
		var authors []string
		for _, a := range it.Authors {
			if a != nil && a.Name != "" {
				authors = append(authors, a.Name)
			}
		}
		d.Author = strings.Join(authors, ", ")
		out = append(out, d)
	}
	return out, nil
}

func feedTime(t time.Time) string { return t.Format(time.RFC3339) }

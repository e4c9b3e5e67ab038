package ingest

import (
	"regexp"
	"strings"
)

// textArticles reads plain text (and text extracted from e-mail, .docx and
// PDF): it reflows paragraphs, splits bundles when split is set, and takes
// titles, datelines, bylines and dates from each article's opening.
func textArticles(text string, split bool, yearFrom string, lay layout) []draft {
	var out []draft
	for _, pc := range splitPieces(text, split, lay) {
		if a, ok := articleFromParas(pc.paras, yearFrom); ok {
			out = append(out, a)
		}
	}
	return out
}

// articleFromParas makes one article of paragraphs: a leading headline
// becomes the title and leaves the body, otherwise the title is made from
// the first sentence. A wire's all-capitals headline keeps its capitals.
func articleFromParas(paras []string, yearFrom string) (draft, bool) {
	var a draft
	if len(paras) > 1 && (isHeadline(paras[0]) || isCapsHeadline(paras[0])) {
		a.Title = shorten(stripHeading(paras[0]), 200)
		paras = paras[1:]
	}
	paras, m := takeTextMeta(paras, yearFrom)
	for i, p := range paras {
		paras[i] = stripHeading(p)
	}
	a.Body = joinParagraphs(paras)
	if strings.TrimSpace(a.Body) == "" {
		return a, false
	}
	if a.Title == "" {
		a.Title = titleFrom(paras[0])
	}
	a.Dateline, a.Published, a.Author, a.Publication = m.dateline, m.published, m.author, m.publication
	return a, true
}

func stripHeading(p string) string {
	if m := mdHeadingRe.FindStringSubmatch(p); m != nil {
		return m[2]
	}
	return p
}

var (
	mdImageRe    = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLinkRe     = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdRefLinkRe  = regexp.MustCompile(`(?m)^[ \t]{0,3}\[[^\]]+\]:[ \t]+\S+.*$`)
	mdEmphasisRe = regexp.MustCompile(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)`)
	mdItalicRe   = regexp.MustCompile(`(^|[\s(])[*_]([^\s*_](?:[^*_\n]*?[^\s*_])?)[*_]([\s).,;:!?]|$)`)
	mdCodeRe     = regexp.MustCompile("`([^`]+)`")
	mdQuoteRe    = regexp.MustCompile(`(?m)^[ \t]{0,3}>[ \t]?`)
	mdFenceRe    = regexp.MustCompile("(?m)^[ \\t]*```.*$")
	mdHTMLTagRe  = regexp.MustCompile(`</?[a-zA-Z][^>]{0,200}>`)
)

// stripMarkdown removes Markdown markup and keeps the words: link text
// without the address, emphasis without its stars. Headings keep their '#'
// so that the splitter and the title can see them.
func stripMarkdown(s string) string {
	s = mdFenceRe.ReplaceAllString(s, "")
	s = mdImageRe.ReplaceAllString(s, "")
	s = mdRefLinkRe.ReplaceAllString(s, "")
	s = mdLinkRe.ReplaceAllString(s, "$1")
	s = mdEmphasisRe.ReplaceAllString(s, "$2")
	s = mdItalicRe.ReplaceAllString(s, "$1$2$3")
	s = mdCodeRe.ReplaceAllString(s, "$1")
	s = mdQuoteRe.ReplaceAllString(s, "")
	s = mdHTMLTagRe.ReplaceAllString(s, "")
	return s
}

package ingest

import (
	"bytes"
	"regexp"
)

var entityDeclRe = regexp.MustCompile(`(?i)<!ENTITY`)

// hasEntityDecl reports an XML document type declaring entities. Go's XML
// decoder never expands custom entities, but a feed or document that
// declares them is a billion-laughs attempt or worse, so it is refused.
func hasEntityDecl(data []byte) bool {
	return bytes.Contains(data, []byte("<!")) && entityDeclRe.Match(data)
}

var xmlEncodingRe = regexp.MustCompile(`^(\s*<\?xml[^>]*?encoding\s*=\s*)["'][^"']*["']`)

// markUTF8 rewrites the encoding in an XML declaration to UTF-8 once the
// text has been decoded, so that the parser does not decode it twice.
func markUTF8(text string) string {
	return xmlEncodingRe.ReplaceAllString(text, `${1}"UTF-8"`)
}

package main

import (
	"fmt"
	"path/filepath"
	"strings"
)

// fileURI returns the file URI of the absolute path p as file managers put it
// in a text/uri-list: "file://" followed by the path with every byte outside
// RFC 3986's unreserved characters and "/" percent-encoded, so spaces, "%",
// "#", "?" and non-ASCII names survive the trip.
func fileURI(p string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.WriteString("file://")
	for i := 0; i < len(p); i++ {
		c := p[i]
		if isUnreserved(c) || c == '/' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&0xF])
	}
	return b.String()
}

func isUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// uriList encodes absolute paths as a text/uri-list (RFC 2483): one file URI
// per line, every line ended by CR LF.
func uriList(paths []string) ([]byte, error) {
	if len(paths) == 0 {
		return nil, fmt.Errorf("xdnd: no files to drop")
	}
	var b strings.Builder
	for _, p := range paths {
		if !filepath.IsAbs(p) {
			return nil, fmt.Errorf("xdnd: %s: path is not absolute", p)
		}
		b.WriteString(fileURI(p))
		b.WriteString("\r\n")
	}
	return []byte(b.String()), nil
}

// Package zipcheck checks a zip archive's directory before anything is
// unpacked from it, for the readers of archives from untrusted sources (zip
// bundles of articles, .docx, REFI-QDA .qdpx).
package zipcheck

import (
	"archive/zip"
	"fmt"
	"strings"

	"github.com/dustin/go-humanize"
)

// Limits bound what an archive may hold.
type Limits struct {
	Entries int    // entries in the archive
	Total   uint64 // uncompressed bytes of all entries, as their headers declare
	Ratio   uint64 // uncompressed/compressed, checked for entries over 1 MB
}

// Directory returns a one-line reason for refusing the archive, or "" when
// its directory is safe: every entry name stays inside the archive, and the
// entry count, declared sizes and compression ratios are within l.
func Directory(zr *zip.Reader, l Limits) string {
	if len(zr.File) > l.Entries {
		return fmt.Sprintf("zip archive has %d entries (limit %d)", len(zr.File), l.Entries)
	}
	var total uint64
	for _, f := range zr.File {
		if UnsafeName(f.Name) {
			return fmt.Sprintf("zip entry %q points outside the archive", f.Name)
		}
		total += f.UncompressedSize64
		if total > l.Total {
			return "zip bomb: entries would unpack to more than " + humanize.IBytes(l.Total)
		}
		if f.UncompressedSize64 > 1<<20 && f.UncompressedSize64/max(f.CompressedSize64, 1) > l.Ratio {
			return fmt.Sprintf("zip bomb: entry %q compressed more than %d:1", f.Name, l.Ratio)
		}
	}
	return ""
}

// UnsafeName reports entry names that are empty, absolute or climb out of
// the archive ("../../x", "/etc/x", `..\x`, "C:x").
func UnsafeName(name string) bool {
	n := strings.ReplaceAll(name, `\`, "/")
	if n == "" || strings.HasPrefix(n, "/") || strings.Contains(n, ":") {
		return true
	}
	for _, part := range strings.Split(n, "/") {
		if part == ".." {
			return true
		}
	}
	return false
}

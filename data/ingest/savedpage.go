package ingest

import (
	"os"
	"strings"
)

// savedPageExts are the extensions of a page a browser saves "complete",
// with its images, style sheets and scripts in a folder beside it.
var savedPageExts = []string{".html", ".htm", ".xhtml", ".shtml"}

// isSavedPageFolder reports the resource folder of a page saved complete:
// "NAME_files" next to "NAME.html". Its files belong to the page and are not
// articles of their own.
func isSavedPageFolder(dir string) bool {
	base, ok := strings.CutSuffix(dir, "_files")
	if !ok || base == "" {
		return false
	}
	for _, e := range savedPageExts {
		if fi, err := os.Stat(base + e); err == nil && fi.Mode().IsRegular() {
			return true
		}
	}
	return false
}

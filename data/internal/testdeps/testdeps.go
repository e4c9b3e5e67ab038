// Package testdeps is for tests that need a tool from outside Go (xmllint,
// pdftotext, node): where the tool is missing the test is skipped on a
// developer's machine and fails on CI (CI=true), which installs every tool
// the tests need with scripts/install-deps.sh test.
package testdeps

import (
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// Missing stops t because something it needs is not available, saying what
// in the format of fmt.Sprintf: the test fails when CI=true and is skipped
// otherwise.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s; CI must have it (scripts/install-deps.sh test)", msg)
	}
	t.Skip(msg)
}

// LookPath returns the path of the program tool, or stops t as Missing does;
// install says where the tool comes from ("Debian package poppler-utils").
func LookPath(t testing.TB, tool, install string) string {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err != nil {
		Missing(t, "%s is not installed (%s)", tool, install)
	}
	return path
}

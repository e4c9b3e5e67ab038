// Package exchangetest gives other packages' tests the REFI-QDA project that
// the exchange package tests on, packed as QDA tools pack it.
package exchangetest

import (
	"archive/zip"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Counts of the fixture project: what an import of it adds to an empty
// project, and how many parts it leaves out (a rich-text-only source, an
// audio source, a selection past the end of its text, a coding to no code).
const (
	Articles = 2
	Tags     = 5
	Passages = 6
	Skipped  = 4
)

// Dir is the unpacked fixture project (project.qde and sources/).
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "testdata", "qda-project")
}

// Pack packs the fixture project as a .qdpx archive named name in a
// temporary folder and returns its path.
func Pack(t testing.TB, name string) string {
	t.Helper()
	return PackDir(t, Dir(), name)
}

// PackDir packs the files under dir, by their paths relative to it, as a
// zip archive named name in a temporary folder and returns its path.
func PackDir(t testing.TB, dir, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		w, err := zw.Create(filepath.ToSlash(rel))
		if err == nil {
			_, err = w.Write(data)
		}
		return err
	})
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return path
}

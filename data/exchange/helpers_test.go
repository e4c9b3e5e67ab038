package exchange_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/store/sqlite"

	"github.com/attache-app/attache/data/exchange"
	"github.com/attache-app/attache/data/exchange/exchangetest"
	"github.com/attache-app/attache/data/internal/testdeps"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// openStore opens a new empty project, closed when the test ends.
func openStore(t testing.TB) store.Store {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "project.attache"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// zipDir packs a folder as a .qdpx archive, the way QDA tools lay it out.
func zipDir(t testing.TB, dir string) string {
	t.Helper()
	return exchangetest.PackDir(t, dir, filepath.Base(dir)+".qdpx")
}

// writeZip writes an archive of the given entries (name → content) in order.
func writeZip(t testing.TB, name string, entries ...[2]string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e[0], Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, e[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// importFile imports a REFI-QDA file and fails the test on error.
func importFile(t testing.TB, st store.Store, path string) exchange.Result {
	t.Helper()
	res, err := exchange.Import(context.Background(), st, path)
	if err != nil {
		t.Fatalf("import %s: %v", path, err)
	}
	return res
}

// exportFile exports the project as a .qdpx and returns its path.
func exportFile(t testing.TB, st store.Store, opts exchange.ExportOptions) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "export.qdpx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exchange.ExportProject(context.Background(), st, f, opts); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// unzip returns an archive's entries by name.
func unzip(t testing.TB, path string) map[string][]byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = data
	}
	return out
}

// xmllint validates an XML document against one of the REFI-QDA schemas in
// testdata. Without xmllint the test is skipped, except on CI where the test
// dependencies must be installed.
func xmllint(t *testing.T, doc []byte, schema string) {
	t.Helper()
	bin := testdeps.LookPath(t, "xmllint", "Debian package libxml2-utils")
	f := filepath.Join(t.TempDir(), "doc.xml")
	if err := os.WriteFile(f, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "--noout", "--nonet", "--schema", filepath.Join("testdata", schema), f).CombinedOutput()
	if err != nil {
		t.Fatalf("xmllint: document does not validate against %s: %v\n%s", schema, err, out)
	}
}

// view describes a project as an analyst sees it, independent of ids:
// articles (title, outlet, date, body), tags (path, colour, description) and
// passages (article, text, tag paths, note), each list sorted.
type view struct {
	Articles, Tags, Passages []string
}

func viewOf(t testing.TB, st store.Store) view {
	t.Helper()
	ctx := context.Background()
	tags, err := st.Tags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]model.Tag{}
	for _, tg := range tags {
		byID[tg.ID] = tg
	}
	path := func(id int64) string {
		var parts []string
		for id != 0 {
			parts = append([]string{byID[id].Name}, parts...)
			id = byID[id].ParentID
		}
		return strings.Join(parts, " ▸ ")
	}
	var v view
	for _, tg := range tags {
		v.Tags = append(v.Tags, fmt.Sprintf("%s %s %q", path(tg.ID), tg.Colour, tg.Description))
	}
	arts, err := st.Articles(ctx, store.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	titles := map[int64]string{}
	for _, s := range arts {
		a, err := st.Article(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		titles[a.ID] = a.Title
		v.Articles = append(v.Articles, fmt.Sprintf("%q %q %q %q %q", a.Title, a.Publication, a.Published, a.URL, a.Body))
	}
	ps, err := st.Passages(ctx, store.PassageFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		var tp []string
		for _, id := range p.TagIDs {
			tp = append(tp, path(id))
		}
		slices.Sort(tp)
		v.Passages = append(v.Passages, fmt.Sprintf("%q %q [%s] %q", titles[p.ArticleID], p.Text, strings.Join(tp, ", "), p.Note))
	}
	slices.Sort(v.Articles)
	slices.Sort(v.Tags)
	slices.Sort(v.Passages)
	return v
}

package ingest_test

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/store/sqlite"

	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// read parses a file with ReadFile and fails the test on error.
func read(t *testing.T, path string, opts ingest.Options) []model.Article {
	t.Helper()
	arts, err := ingest.ReadFile(context.Background(), path, opts)
	if err != nil {
		t.Fatalf("ReadFile(%s): %v", path, err)
	}
	return arts
}

// writeFile writes data to name in a fresh temporary folder.
func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// zipFile is one entry of a zip archive built by a test.
type zipFile struct {
	name string
	body string
}

func makeZip(t testing.TB, files ...zipFile) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(f.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// docxXML builds word/document.xml holding paragraphs; "\f" as a paragraph
// is a page break.
func docxXML(paras ...string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for _, p := range paras {
		if p == "\f" {
			b.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
			continue
		}
		// Split each paragraph over two runs, as Word does.
		half := strings.LastIndex(p[:len(p)/2+1], " ")
		if half < 0 {
			half = 0
		}
		b.WriteString(`<w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:t xml:space="preserve">` + xmlEscape(p[:half]) +
			`</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">` + xmlEscape(p[half:]) + `</w:t></w:r></w:p>`)
	}
	b.WriteString(`<w:sectPr/></w:body></w:document>`)
	return b.String()
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	_ = xmlEscapeTo(&b, s)
	return b.String()
}

func makeDocx(t testing.TB, document string, title string) []byte {
	files := []zipFile{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`},
		{"word/document.xml", document},
	}
	if title != "" {
		files = append(files, zipFile{"docProps/core.xml", `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>` + title + `</dc:title><dc:creator>Desk Editor</dc:creator></cp:coreProperties>`})
	}
	return makeZip(t, files...)
}

func openStore(t *testing.T) store.Store {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "test.attache"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

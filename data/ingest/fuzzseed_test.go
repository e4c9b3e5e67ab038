package ingest

import (
	"archive/zip"
	"bytes"
)

// fuzzDocxSeed is a minimal Word document for the zip-based fuzz targets.
func fuzzDocxSeed() []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		`<w:p><w:r><w:t>Talks resumed in Geneva on Monday, diplomats said.</w:t></w:r></w:p>` +
		`<w:p><w:r><w:br w:type="page"/></w:r></w:p><w:p><w:r><w:t>A second article.</w:t><w:tab/></w:r></w:p></w:body></w:document>`))
	zw.Close()
	return buf.Bytes()
}

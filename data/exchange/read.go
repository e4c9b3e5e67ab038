package exchange

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/attache-app/attache/data/internal/zipcheck"
	"github.com/dustin/go-humanize"
	"golang.org/x/text/encoding/unicode"
)

// Kind is the kind of a REFI-QDA file.
type Kind int

// Kinds of REFI-QDA files.
const (
	NotExchange    Kind = iota
	ProjectArchive      // .qdpx: zip with project.qde and sources/
	ProjectXML          // .qde on its own: sources only through PlainTextContent
	Codebook            // .qdc
)

// Detect tells whether the file at path is a REFI-QDA file, by extension
// (.qdpx, .qde, .qdc) or, for a zip archive under another name, by a
// project.qde at its top.
func Detect(path string) Kind {
	if k := kindOfName(path); k != NotExchange {
		return k
	}
	f, err := os.Open(path)
	if err != nil {
		return NotExchange
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return NotExchange
	}
	return detectZip(f, fi.Size())
}

// DetectBytes is Detect for a file named name whose content is data.
func DetectBytes(name string, data []byte) Kind {
	if k := kindOfName(name); k != NotExchange {
		return k
	}
	return detectZip(bytes.NewReader(data), int64(len(data)))
}

// kindOfName tells a REFI-QDA file by its extension.
func kindOfName(name string) Kind {
	switch strings.ToLower(pathExt(name)) {
	case ".qdpx":
		return ProjectArchive
	case ".qde":
		return ProjectXML
	case ".qdc":
		return Codebook
	}
	return NotExchange
}

// detectZip tells a zip archive with a project.qde at its top.
func detectZip(r io.ReaderAt, size int64) Kind {
	head := make([]byte, 4)
	if _, err := r.ReadAt(head, 0); err != nil || string(head) != "PK\x03\x04" {
		return NotExchange
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return NotExchange
	}
	for _, e := range zr.File {
		if strings.EqualFold(e.Name, "project.qde") {
			return ProjectArchive
		}
	}
	return NotExchange
}

func pathExt(p string) string {
	if i := strings.LastIndexByte(p, '.'); i >= 0 && !strings.ContainsAny(p[i:], `/\`) {
		return p[i:]
	}
	return ""
}

// archive gives access to the text entries of a .qdpx within the limits.
type archive struct {
	path    string
	entries map[string]*zip.File // by cleaned name
	budget  int64                // text bytes still allowed
}

// openArchive checks an archive's directory: entry names that stay inside
// it, entry count and declared sizes within the limits, no entry compressed
// like a bomb.
func openArchive(p string, zr *zip.Reader) (*archive, error) {
	if reason := zipcheck.Directory(zr, zipcheck.Limits{Entries: maxEntries, Total: maxDeclared, Ratio: maxRatio}); reason != "" {
		return nil, refuse(p, "%s", reason)
	}
	a := &archive{path: p, entries: make(map[string]*zip.File, len(zr.File)), budget: maxTextBytes}
	for _, f := range zr.File {
		a.entries[strings.ToLower(f.Name)] = f
	}
	return a, nil
}

// read reads one entry through its limit, whatever its header claims.
func (a *archive) read(f *zip.File, limit int64, what string) ([]byte, error) {
	limit = min(limit, a.budget)
	if f.UncompressedSize64 > uint64(limit) {
		return nil, refuse(a.path, "%s is %s (limit %s)", what, size(int64(f.UncompressedSize64)), size(limit))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, refuse(a.path, "corrupt archive entry %q: %v", f.Name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if int64(len(data)) > limit {
		return nil, refuse(a.path, "zip bomb or oversized entry: %s unpacks to more than %s", what, size(limit))
	}
	if err != nil {
		return nil, refuse(a.path, "corrupt archive entry %q: %v", f.Name, err)
	}
	if len(data) > 1<<20 && uint64(len(data))/max(f.CompressedSize64, 1) > maxRatio {
		return nil, refuse(a.path, "zip bomb: entry %q compressed more than %d:1", f.Name, maxRatio)
	}
	a.budget -= int64(len(data))
	return data, nil
}

// internal reads the text an internal:// path names (under sources/, or at
// the top of the archive for tools that put it there). A path of any other
// scheme, or one that climbs out of the archive, refuses the file; a missing
// entry is reported as (nil, false).
func (a *archive) internal(ref, what string) ([]byte, bool, error) {
	name, err := internalName(a.path, ref, what)
	if err != nil {
		return nil, false, err
	}
	for _, cand := range []string{"sources/" + name, name} {
		if f, ok := a.entries[strings.ToLower(cand)]; ok {
			data, err := a.read(f, maxSourceBytes, what)
			return data, err == nil, err
		}
	}
	return nil, false, nil
}

// internalName checks a plainTextPath and returns the entry name it points to.
func internalName(p, ref, what string) (string, error) {
	rest, ok := strings.CutPrefix(ref, "internal://")
	if !ok {
		return "", refuse(p, "%s: plainTextPath %q points outside the archive", what, ref)
	}
	if zipcheck.UnsafeName(rest) || path.Clean(strings.ReplaceAll(rest, `\`, "/")) != strings.ReplaceAll(rest, `\`, "/") {
		return "", refuse(p, "%s: plainTextPath %q points outside the archive", what, ref)
	}
	return rest, nil
}

// decodeText turns a source's bytes into text: UTF-8 (a byte-order mark is
// dropped: it marks the encoding and is not counted in positions), or
// UTF-16 with a byte-order mark.
func decodeText(data []byte) (string, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", false
		}
		data = out
	}
	if !utf8.Valid(data) {
		return "", false
	}
	return string(data), true
}

// parseXML decodes one REFI-QDA XML document into v after checking it
// token by token: no DTD (so no entity definitions and no external
// entities), nesting within maxDepth, well-formed throughout. root is the
// element's name is checked by the caller.
func parseXML(p string, data []byte, v any) error {
	if err := checkXML(p, data); err != nil {
		return err
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	if err := d.Decode(v); err != nil {
		return refuse(p, "malformed XML: %v", err)
	}
	return nil
}

func checkXML(p string, data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			return refuse(p, "malformed XML at line %d: %s", line, strings.TrimPrefix(err.Error(), "XML syntax error on line "+fmt.Sprint(line)+": "))
		}
		switch t := tok.(type) {
		case xml.Directive:
			if bytes.HasPrefix(bytes.ToUpper(bytes.TrimSpace(t)), []byte("DOCTYPE")) {
				return refuse(p, "XML declares a DTD (<!DOCTYPE>): entity definitions and external entities are not allowed")
			}
			return refuse(p, "XML holds a declaration (<!%s>) that is not allowed", firstWord(string(t)))
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
			if depth > maxDepth {
				return refuse(p, "XML elements nested more than %d deep (codes nested too deep?)", maxDepth)
			}
		case xml.EndElement:
			depth--
		}
	}
	if roots != 1 {
		return refuse(p, "malformed XML: %d document elements", roots)
	}
	return nil
}

func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

func size(n int64) string { return humanize.IBytes(uint64(n)) }

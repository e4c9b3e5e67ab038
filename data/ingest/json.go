package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// maxJSONDepth is the deepest nesting of arrays and objects accepted. It is
// checked by a byte scan before decoding, so a file nested 100,000 levels
// deep is refused at once.
const maxJSONDepth = 64

// maxLine is the longest JSON Lines record accepted.
const maxLine = 64 << 20

// jsonDepth returns the deepest nesting of arrays and objects in data,
// ignoring brackets inside strings. It stops counting past maxJSONDepth.
func jsonDepth(data []byte) int {
	depth, deepest := 0, 0
	inString, escaped := false, false
	for _, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
			if depth > deepest {
				deepest = depth
				if deepest > maxJSONDepth {
					return deepest
				}
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return deepest
}

// readJSON reads a JSON object (one article, or a wrapper holding an array
// of articles under a key such as "articles") or an array of articles.
func readJSON(path, text string) ([]draft, error) {
	if jsonDepth([]byte(text)) > maxJSONDepth {
		return nil, refuse(path, "JSON nested deeper than %d levels", maxJSONDepth)
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, refuse(path, "invalid JSON: %v", jsonErr(err))
	}
	if dec.More() {
		// Several values one after another: JSON Lines without the extension.
		return readJSONL(path, text)
	}
	records := recordsIn(v)
	if len(records) == 0 {
		return nil, refuse(path, "no articles in JSON (expected an object or an array of objects with a text field)")
	}
	var out []draft
	for _, r := range records {
		if d, ok := recordDraft(r); ok {
			out = append(out, d)
		}
	}
	if len(out) == 0 {
		return nil, refuse(path, "no article text in JSON (no body, text or content field)")
	}
	return out, nil
}

// recordsIn finds the article records in a decoded JSON value.
func recordsIn(v any) []map[string]any {
	switch x := v.(type) {
	case []any:
		var out []map[string]any
		for _, e := range x {
			if m, ok := e.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	case map[string]any:
		for k := range x {
			if fieldKind(k) == "body" {
				return []map[string]any{x}
			}
		}
		for _, k := range []string{"articles", "items", "data", "results", "entries", "posts", "stories", "documents", "docs"} {
			for key, val := range x {
				if lower(key) == k {
					if arr, ok := val.([]any); ok {
						return recordsIn(arr)
					}
				}
			}
		}
		for _, val := range x {
			if arr, ok := val.([]any); ok {
				if rs := recordsIn(arr); len(rs) > 0 {
					return rs
				}
			}
		}
	}
	return nil
}

// readJSONL reads a whole JSON Lines text: one article per line with text;
// lines without text are skipped, a line that is not a JSON object refuses
// the file.
func readJSONL(path, text string) ([]draft, error) {
	var out []draft
	br := bufio.NewReaderSize(strings.NewReader(text), min(len(text), 1<<20))
	err := scanJSONL(path, br, func(d draft) error {
		out = append(out, d)
		return nil
	})
	return out, err
}

// scanJSONL calls each for every article in the JSON Lines stream br,
// holding one line in memory at a time.
func scanJSONL(path string, br *bufio.Reader, each func(draft) error) error {
	sc := jsonlScanner{path: path, br: br}
	for {
		d, ok, err := sc.next()
		if err != nil || !ok {
			return err
		}
		if err := each(d); err != nil {
			return err
		}
	}
}

// jsonlScanner reads the articles of a JSON Lines stream one at a time,
// holding one line in memory: lines without text are skipped, a line that
// is not a JSON object refuses the file.
type jsonlScanner struct {
	path   string
	br     *bufio.Reader
	buf    []byte // the line being read
	flat   flatDecoder
	lineNo int
	eof    bool
}

// next returns the next article; false at the end of the stream.
func (sc *jsonlScanner) next() (draft, bool, error) {
	for !sc.eof {
		sc.lineNo++
		line, err := readLine(sc.br, &sc.buf)
		if err != nil && !errors.Is(err, io.EOF) {
			if errors.Is(err, errLongLine) {
				return draft{}, false, refuse(sc.path, "line %d is longer than %s", sc.lineNo, humanBytes(maxLine))
			}
			return draft{}, false, fmt.Errorf("ingest: reading %s: %w", sc.path, err)
		}
		sc.eof = err != nil
		trimmed := bytes.TrimSpace(line)
		if sc.lineNo == 1 {
			trimmed = bytes.TrimPrefix(trimmed, bomUTF8)
		}
		if len(trimmed) == 0 {
			continue
		}
		fs, ok := sc.flat.decode(trimmed)
		if !ok {
			var m map[string]any
			if jsonDepth(trimmed) > maxJSONDepth {
				return draft{}, false, refuse(sc.path, "line %d: JSON nested deeper than %d levels", sc.lineNo, maxJSONDepth)
			}
			dec := json.NewDecoder(bytes.NewReader(trimmed))
			dec.UseNumber()
			if derr := dec.Decode(&m); derr != nil {
				return draft{}, false, refuse(sc.path, "line %d is not a JSON object: %v", sc.lineNo, jsonErr(derr))
			}
			fs = fieldsOf(m)
		}
		if d, ok := fieldsDraft(fs); ok {
			return d, true, nil
		}
	}
	return draft{}, false, nil
}

var errLongLine = errors.New("line too long")

// readLine reads one line (without its newline) into *buf, reusing it.
func readLine(br *bufio.Reader, buf *[]byte) ([]byte, error) {
	*buf = (*buf)[:0]
	for {
		chunk, err := br.ReadSlice('\n')
		*buf = append(*buf, chunk...)
		if len(*buf) > maxLine {
			return nil, errLongLine
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimRight(*buf, "\r\n"), err
	}
}

func jsonErr(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v at byte %d", se, se.Offset)
	}
	return err.Error()
}

// keyFolder removes separators from field names before they are compared.
var keyFolder = strings.NewReplacer("_", "", "-", "", " ", "", "@", "")

// fieldKind maps a column or field name (any case, any separators) to the
// article field it fills: title, body, published, url, publication, author;
// "" when unknown.
func fieldKind(name string) string {
	k := keyFolder.Replace(lower(strings.TrimSpace(name)))
	switch k {
	case "title", "headline", "heading", "name", "subject":
		return "title"
	case "body", "text", "content", "articlebody", "article", "fulltext", "bodytext", "maintext", "story", "description", "summary":
		return "body"
	case "published", "date", "publishedat", "pubdate", "publicationdate", "datepublished", "publishdate", "publishedon", "createdat", "created", "time", "timestamp", "datetime":
		return "published"
	case "url", "link", "uri", "href", "permalink", "sourceurl":
		return "url"
	case "source", "publication", "publisher", "outlet", "site", "sitename", "sourcename", "newspaper", "medium":
		return "publication"
	case "author", "byline", "authors", "creator", "writer":
		return "author"
	case "dateline":
		return "dateline"
	case "language", "lang":
		return "language"
	}
	return ""
}

// bodyRank orders competing body fields: a full text beats a summary.
func bodyRank(name string) int {
	k := keyFolder.Replace(lower(name))
	switch k {
	case "description", "summary":
		return 1
	}
	return 2
}

// field is one field of a record: its name, the article field it fills
// (fieldKind) and its value as text (scalarText).
type field struct {
	key, kind, text string
}

// fieldsOf lists the fields of a decoded record in the order of their names.
func fieldsOf(m map[string]any) []field {
	fs := make([]field, 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		fs = append(fs, field{key: k, kind: fieldKind(k), text: scalarText(m[k])})
	}
	return fs
}

// recordDraft maps one record's fields to an article; false when it has no
// text.
func recordDraft(m map[string]any) (draft, bool) {
	return fieldsDraft(fieldsOf(m))
}

// fieldsDraft is recordDraft for a record's fields in the order of their
// names, each name once.
func fieldsDraft(fs []field) (draft, bool) {
	var d draft
	var body string
	rank := 0
	for _, f := range fs {
		k, s := f.key, f.text
		switch f.kind {
		case "title":
			if d.Title == "" || lower(k) == "title" {
				d.Title = collapseSpace(s)
			}
		case "body":
			if r := bodyRank(k); s != "" && (r > rank || (r == rank && len(s) > len(body))) {
				body, rank = s, r
			}
		case "published":
			if d.Published == "" {
				d.Published = parseDate(s, "")
			}
		case "url":
			d.URL = strings.TrimSpace(s)
		case "publication":
			d.Publication = collapseSpace(s)
		case "author":
			d.Author = collapseSpace(s)
		case "dateline":
			d.Dateline = collapseSpace(s)
		case "language":
			d.Language = strings.TrimSpace(s)
		}
	}
	d.Body = bodyText(body)
	return d, d.Body != ""
}

// bodyText turns a field's text into a stored body: HTML converted, lines
// reflowed into paragraphs, credits dropped.
func bodyText(s string) string {
	if looksHTML(s) {
		s = htmlToText(s)
	}
	return plainBody(s)
}

// plainBody is bodyText for text without HTML.
func plainBody(s string) string {
	return joinParagraphs(dropFurniture(paragraphsOf(s)))
}

// scalarText renders a JSON value as text: names of objects ({"name": …}, as
// in NewsAPI's source) and lists joined with commas.
func scalarText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case map[string]any:
		for _, k := range []string{"name", "title", "text", "value"} {
			if s, ok := x[k].(string); ok {
				return s
			}
		}
	case []any:
		var parts []string
		for _, e := range x {
			if s := scalarText(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	}
	return ""
}

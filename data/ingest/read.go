package ingest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/attache-app/attache/data/model"
)

// format is a file format the readers know.
type format int

const (
	fText format = iota
	fMarkdown
	fHTML
	fJSON
	fJSONL
	fCSV
	fTSV
	fFeed
	fEML
	fDOCX
	fPDF
	fZip
	fMHTML
	fWebArchive
)

var formatNames = [...]string{"text", "Markdown", "HTML", "JSON", "JSON Lines", "CSV", "TSV", "feed", "e-mail", ".docx", "PDF", "zip", "MHTML", "web archive"}

func (f format) String() string { return formatNames[f] }

// ReadFile parses one file into articles (split into several when it holds
// several and opts.Split allows), without touching a store. Title,
// publication, author, URL, publication date, dateline and body are filled as
// far as the content tells, publication date and outlet falling back to
// opts; SourcePath is path (path!/entry for files inside a zip archive) and
// SourcePos the article's position in the file. A refused file returns an
// error wrapping ErrRefused whose text names the file and gives the reason.
func ReadFile(ctx context.Context, path string, opts Options) ([]model.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	if fi.IsDir() {
		return nil, refuse(path, "is a folder")
	}
	return read(ctx, path, f, fi.Size(), opts)
}

// Read parses the content of one file, read from r, into articles as
// ReadFile does for a file on disk: name (a file name or path) stands for
// the file's path, in format detection (by extension and content), in
// SourcePath, and in the text of a refusal. The same limits apply: r is read
// up to opts.MaxFileSize. A refused file returns an error wrapping
// ErrRefused whose text names name and gives the reason.
func Read(ctx context.Context, name string, r io.Reader, opts Options) ([]model.Article, error) {
	return read(ctx, name, r, -1, opts)
}

// read reads and parses the content of the file named name from r; size is
// its size when known, else -1.
func read(ctx context.Context, name string, r io.Reader, size int64, opts Options) ([]model.Article, error) {
	data, err := readContent(name, r, size, opts)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return readBytes(name, data, opts)
}

// readContent reads the whole content of the file named name from r, up to
// opts.MaxFileSize; size is its size when known, else -1.
func readContent(name string, r io.Reader, size int64, opts Options) ([]byte, error) {
	if size > opts.maxSize() {
		return nil, refuse(name, "file is too large (%s, limit %s)", humanBytes(size), humanBytes(opts.maxSize()))
	}
	data, err := io.ReadAll(io.LimitReader(r, opts.maxSize()+1))
	if err != nil {
		return nil, fmt.Errorf("ingest: reading %s: %w", name, err)
	}
	if int64(len(data)) > opts.maxSize() {
		return nil, refuse(name, "file is too large (over %s)", humanBytes(opts.maxSize()))
	}
	return data, nil
}

// readBytes parses the content of one file named path.
func readBytes(path string, data []byte, opts Options) ([]draft, error) {
	arts, err := parse(path, data, opts, 0)
	if err != nil {
		return nil, err
	}
	for i := range arts {
		complete(&arts[i], path, i, opts)
	}
	return arts, nil
}

// complete finishes an article read as the pos-th of the file at path: its
// source (unless a zip entry set it), the publication date and outlet from
// opts where the content named none, valid UTF-8, and a title made from the
// first paragraph when the content gave none.
func complete(a *draft, path string, pos int, opts Options) {
	if a.SourcePath == "" {
		a.SourcePath = path
	}
	a.SourcePos = pos
	a.Published = firstNonEmpty(a.Published, opts.Published)
	a.Publication = firstNonEmpty(a.Publication, opts.Publication)
	a.Body = validUTF8(a.Body)
	a.Title = validUTF8(collapseSpace(a.Title))
	if a.Title == "" {
		a.Title = titleFrom(firstParagraph(a.Body))
	}
}

// validUTF8 returns s with each run of invalid bytes replaced by U+FFFD.
func validUTF8(s string) string {
	if utf8.ValidString(s) { // the common case, checked a word at a time
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// parse detects the format of data and runs its reader. depth counts zip
// archives nested around it.
func parse(path string, data []byte, opts Options, depth int) ([]draft, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, refuse(path, "empty file")
	}
	f, text, err := detect(path, data)
	if err != nil {
		return nil, err
	}
	var arts []draft
	switch f {
	case fPDF:
		arts, err = readPDF(path, data, opts)
	case fDOCX:
		arts, err = readDOCX(path, data, opts)
	case fZip:
		if depth > 0 {
			return nil, refuse(path, "zip archive inside a zip archive")
		}
		arts, err = readZip(path, data, opts, depth+1)
	case fHTML:
		arts, err = readHTML(path, text, opts)
	case fMHTML:
		arts, err = readMHTML(path, data, opts)
	case fWebArchive:
		arts, err = readWebArchive(path, data, opts)
	case fFeed:
		arts, err = readFeed(path, text)
	case fJSON:
		arts, err = readJSON(path, text)
	case fJSONL:
		arts, err = readJSONL(path, text)
	case fCSV:
		arts, err = readCSV(path, text, ',')
	case fTSV:
		arts, err = readCSV(path, text, '\t')
	case fEML:
		arts, err = readEML(path, text, opts)
	case fMarkdown:
		arts = textArticles(stripMarkdown(text), opts.splitting(), opts.Published, layoutBlocks)
	default:
		arts = textArticles(text, opts.splitting(), opts.Published, layoutAuto)
	}
	if err != nil {
		return nil, err
	}
	if len(arts) == 0 {
		return nil, refuse(path, "no article text found (read as %s)", f)
	}
	return arts, nil
}

// detect finds the format of data by content, using the extension where
// content leaves it open. Text formats come back decoded to UTF-8.
func detect(path string, data []byte) (format, string, error) {
	e := ext(path)
	switch {
	case e == ".qdpx" || e == ".qde" || e == ".qdc":
		return 0, "", refuse(path, "a REFI-QDA project or codebook: it imports as a project (with Import), not as articles")
	case bytes.HasPrefix(data, []byte("%PDF-")) || e == ".pdf":
		return fPDF, "", nil
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")) || e == ".docx" || e == ".zip":
		if e == ".docx" || bytes.Contains(data, []byte("word/document.xml")) {
			return fDOCX, "", nil
		}
		return fZip, "", nil
	case bytes.HasPrefix(data, []byte("bplist00")) || e == ".webarchive":
		return fWebArchive, "", nil
	case e == ".mhtml" || e == ".mht" || (e != ".eml" && looksMHTML(data)):
		return fMHTML, "", nil
	}
	text, err := decodeMarkup(path, data)
	if err != nil {
		return 0, "", err
	}
	if strings.TrimSpace(text) == "" {
		return 0, "", refuse(path, "empty file")
	}
	head := strings.TrimSpace(text[:min(len(text), 4096)])
	switch {
	case strings.HasPrefix(head, "<") && (!isPlainTextExt(e) || looksMarkup(head)):
		lh := lower(head)
		if strings.Contains(lh, "<rss") || strings.Contains(lh, "<feed") || strings.Contains(lh, "<rdf:rdf") {
			return fFeed, text, nil
		}
		if e == ".rss" || e == ".atom" || (e == ".xml" && !strings.Contains(lh, "<html")) {
			return fFeed, text, nil
		}
		return fHTML, text, nil
	case e == ".html" || e == ".htm" || e == ".xhtml":
		return fHTML, text, nil
	case strings.HasPrefix(head, "{") || strings.HasPrefix(head, "["):
		if e == ".jsonl" || e == ".ndjson" || (e != ".json" && looksJSONL(head)) {
			return fJSONL, text, nil
		}
		return fJSON, text, nil
	case e == ".jsonl" || e == ".ndjson":
		return fJSONL, text, nil
	case e == ".json":
		return fJSON, text, nil
	case e == ".eml" || looksEmail(head):
		return fEML, text, nil
	case e == ".csv":
		return fCSV, text, nil
	case e == ".tsv" || e == ".tab":
		return fTSV, text, nil
	case e == ".md" || e == ".markdown":
		return fMarkdown, text, nil
	}
	if d := sniffDelimited(head); d != 0 {
		if d == '\t' {
			return fTSV, text, nil
		}
		return fCSV, text, nil
	}
	return fText, text, nil
}

// isPlainTextExt reports an extension that promises plain text (or none at
// all): such a file is only read as markup when its start really is markup,
// since a wire headline may open with a ticker in angle brackets
// ("<ACME CORP> RAISES DIVIDEND").
func isPlainTextExt(e string) bool {
	return e == "" || e == ".txt" || e == ".text"
}

// markupOpeners are the elements a real HTML, XML or feed document starts
// with; one of them among the first few kilobytes marks a file as markup.
var markupOpeners = []string{"<!doctype", "<?xml", "<html", "<head", "<body", "<meta", "<title", "<p>", "<p ", "<div", "<article", "<rss", "<feed", "<rdf:rdf", "<!--"}

// looksMarkup reports whether head holds a real markup element rather than
// text that merely opens with an angle bracket.
func looksMarkup(head string) bool {
	lh := lower(head)
	for _, o := range markupOpeners {
		if strings.Contains(lh, o) {
			return true
		}
	}
	return false
}

// looksJSONL reports JSON Lines: a first line that is a whole object,
// followed by another line opening an object.
func looksJSONL(head string) bool {
	first, rest, ok := strings.Cut(head, "\n")
	first = strings.TrimSpace(first)
	rest = strings.TrimSpace(rest)
	return ok && strings.HasPrefix(first, "{") && strings.HasSuffix(first, "}") && strings.HasPrefix(rest, "{")
}

var emailHeaders = map[string]bool{
	"from": true, "to": true, "subject": true, "date": true, "mime-version": true, "content-type": true,
	"message-id": true, "received": true, "return-path": true, "delivered-to": true, "reply-to": true,
	"cc": true, "content-transfer-encoding": true, "x-mailer": true, "list-unsubscribe": true,
}

// looksEmail reports an RFC 5322 header block: it starts with a known header
// and holds at least three of them before the first blank line.
func looksEmail(head string) bool {
	block, _, _ := strings.Cut(strings.ReplaceAll(head, "\r\n", "\n"), "\n\n")
	known := 0
	for i, l := range strings.Split(block, "\n") {
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			continue
		}
		name, _, ok := strings.Cut(l, ":")
		if !ok || strings.ContainsAny(name, " \t") {
			return false
		}
		if emailHeaders[lower(name)] {
			known++
		} else if i == 0 {
			return false
		}
	}
	return known >= 3
}

// sniffDelimited recognises CSV or TSV without an extension: a header row
// with a body column and a title or date column.
func sniffDelimited(head string) rune {
	first, _, _ := strings.Cut(head, "\n")
	for _, d := range []rune{'\t', ','} {
		if !strings.ContainsRune(first, d) {
			continue
		}
		cols := strings.Split(first, string(d))
		var fields []string
		for _, c := range cols {
			c = strings.Trim(strings.TrimSpace(c), `"`)
			if runeLen(c) > 40 {
				return 0
			}
			if k := fieldKind(c); k != "" {
				fields = append(fields, k)
			}
		}
		hasBody := false
		for _, k := range fields {
			hasBody = hasBody || k == "body"
		}
		if hasBody && len(fields) >= 2 {
			return d
		}
	}
	return 0
}

func firstParagraph(body string) string {
	p, _, _ := strings.Cut(body, "\n\n")
	return p
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

package exchange

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// Document is a REFI-QDA file read into what the store imports.
type Document struct {
	Kind     Kind
	Exchange store.Exchange
	// Skipped has one line for each part left out (a media source, a
	// selection outside its text, a coding to no code), naming it and why.
	Skipped []string
}

// Read reads a .qdpx, .qde or .qdc file. A file that is unreadable, unsafe
// or beyond the limits is refused as a whole: the error wraps ErrRefused and
// names the file and the reason in one line.
func Read(path string) (*Document, error) {
	kind := Detect(path)
	switch kind {
	case ProjectArchive:
		return readArchive(path)
	case ProjectXML, Codebook:
		data, err := readSmallFile(path)
		if err != nil {
			return nil, err
		}
		if kind == Codebook {
			return readCodebook(path, data)
		}
		return readProject(path, data, nil)
	}
	return nil, refuse(path, "not a REFI-QDA file (.qdpx, .qde or .qdc)")
}

// ReadBytes reads a REFI-QDA file named name held in memory: a .qdpx
// archive (by name or content, as DetectBytes tells), or a project.qde or
// .qdc document (whose sources must carry their text as PlainTextContent).
func ReadBytes(name string, data []byte) (*Document, error) {
	if DetectBytes(name, data) == ProjectArchive {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil && zr == nil {
			return nil, refuse(name, "not a readable zip archive: %v", err)
		}
		return readZip(name, zr)
	}
	if len(data) > maxQDEBytes {
		return nil, refuse(name, "XML file is %s (limit %s)", size(int64(len(data))), size(maxQDEBytes))
	}
	if strings.HasSuffix(strings.ToLower(name), ".qdc") {
		return readCodebook(name, data)
	}
	return readProject(name, data, nil)
}

func readSmallFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("exchange: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxQDEBytes+1))
	if err != nil {
		return nil, fmt.Errorf("exchange: reading %s: %w", path, err)
	}
	if len(data) > maxQDEBytes {
		return nil, refuse(path, "XML file is larger than %s", size(maxQDEBytes))
	}
	return data, nil
}

func readArchive(path string) (*Document, error) {
	zr, err := zip.OpenReader(path)
	if err != nil && zr == nil {
		return nil, refuse(path, "not a readable zip archive: %v", err)
	}
	defer zr.Close()
	return readZip(path, &zr.Reader)
}

// readZip reads a .qdpx archive named path.
func readZip(path string, zr *zip.Reader) (*Document, error) {
	a, err := openArchive(path, zr)
	if err != nil {
		return nil, err
	}
	f, ok := a.entries["project.qde"]
	if !ok {
		return nil, refuse(path, "no project.qde at the top of the archive")
	}
	data, err := a.read(f, maxQDEBytes, "project.qde")
	if err != nil {
		return nil, err
	}
	return readProject(path, data, a)
}

func readCodebook(path string, data []byte) (*Document, error) {
	var cb qdeCodeBook
	if err := parseXML(path, data, &cb); err != nil {
		return nil, err
	}
	if cb.XMLName.Space != codebookNS && cb.XMLName.Space != projectNS {
		return nil, refuse(path, "root element is in namespace %q, not REFI-QDA's %q", cb.XMLName.Space, codebookNS)
	}
	c := newConverter(path, nil)
	if err := c.codebook(cb.Codes); err != nil {
		return nil, err
	}
	return &Document{Kind: Codebook, Exchange: c.x, Skipped: c.skipped}, nil
}

func readProject(path string, data []byte, a *archive) (*Document, error) {
	var p qdeProject
	if err := parseXML(path, data, &p); err != nil {
		return nil, err
	}
	if p.XMLName.Space != projectNS {
		return nil, refuse(path, "root element is in namespace %q, not REFI-QDA's %q", p.XMLName.Space, projectNS)
	}
	c := newConverter(path, a)
	if err := c.notes(p.Notes, p.Links); err != nil {
		return nil, err
	}
	if p.CodeBook != nil {
		if err := c.codebook(p.CodeBook.Codes); err != nil {
			return nil, err
		}
	}
	if p.Variables != nil {
		for _, v := range p.Variables.Variable {
			c.variables[normGUID(v.GUID)] = strings.ToLower(strings.TrimSpace(v.Name))
		}
	}
	if s := p.Sources; s != nil {
		for _, src := range s.Text {
			if err := c.source(src, "source"); err != nil {
				return nil, err
			}
		}
		for _, pdf := range s.PDF {
			if pdf.Representation == nil {
				c.skip("PDF source %q: no text representation; skipped", label(pdf.Name, pdf.GUID))
				continue
			}
			rep := *pdf.Representation
			if rep.Name == "" {
				rep.Name = pdf.Name
			}
			if err := c.source(rep, "PDF source"); err != nil {
				return nil, err
			}
		}
		for _, m := range []struct {
			what string
			list []qdeOtherSource
		}{{"picture", s.Picture}, {"audio", s.Audio}, {"video", s.Video}} {
			for _, o := range m.list {
				c.skip("%s source %q: only text sources are imported; skipped", m.what, label(o.Name, o.GUID))
			}
		}
	}
	if c.eventSelections > 0 {
		what := fmt.Sprintf("%d selections", c.eventSelections)
		if c.eventSelections == 1 {
			what = "1 selection"
		}
		c.skip("%s coded under %q (events exported by Attaché) left out: events are not imported", what, "Events (Attaché)")
	}
	kind := ProjectArchive
	if a == nil {
		kind = ProjectXML
	}
	return &Document{Kind: kind, Exchange: c.x, Skipped: c.skipped}, nil
}

// converter turns parsed XML into a store exchange.
type converter struct {
	path            string
	arc             *archive
	x               store.Exchange
	skipped         []string
	codeIndex       map[string]int      // code GUID → index in x.Tags
	eventCodes      map[string]bool     // GUIDs of the events branch of an Attaché export
	noteText        map[string]string   // note GUID → text
	linked          map[string][]string // GUID → texts of notes linked to it
	variables       map[string]string   // variable GUID → lower-case name
	eventSelections int
}

func newConverter(path string, a *archive) *converter {
	return &converter{path: path, arc: a, codeIndex: map[string]int{}, eventCodes: map[string]bool{},
		noteText: map[string]string{}, linked: map[string][]string{}, variables: map[string]string{}}
}

func (c *converter) skip(format string, args ...any) {
	c.skipped = append(c.skipped, fmt.Sprintf(format, args...))
}

// normGUID makes GUIDs comparable: lower case, without braces.
func normGUID(g string) string {
	return strings.ToLower(strings.Trim(strings.TrimSpace(g), "{}"))
}

func label(name, guid string) string {
	if strings.TrimSpace(name) != "" {
		return name
	}
	return guid
}

// codebook adds the code tree, depth first, parents before children.
func (c *converter) codebook(codes *qdeCodes) error {
	if codes == nil {
		return nil
	}
	var walk func(list []*qdeCode, parent int) error
	walk = func(list []*qdeCode, parent int) error {
		for _, code := range list {
			g := normGUID(code.GUID)
			if g == eventsCodeGUID {
				c.markEvents(code)
				continue
			}
			if len(c.x.Tags) >= maxCodes {
				return refuse(c.path, "more than %d codes", maxCodes)
			}
			name := strings.Join(strings.Fields(code.Name), " ")
			if name == "" {
				name = "(unnamed code)"
			}
			desc := joinNotes(append([]string{code.Description}, c.refNotes(code.NoteRef, g)...)...)
			idx := len(c.x.Tags)
			c.x.Tags = append(c.x.Tags, store.ExchangeTag{Parent: parent, Name: name, Colour: colour(code.Color), Description: desc})
			if _, dup := c.codeIndex[g]; dup {
				c.skip("code %q: its GUID %s is used twice; codings go to the first", name, code.GUID)
			} else {
				c.codeIndex[g] = idx
			}
			if err := walk(code.Code, idx); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(codes.Code, -1)
}

func (c *converter) markEvents(code *qdeCode) {
	c.eventCodes[normGUID(code.GUID)] = true
	for _, ch := range code.Code {
		c.markEvents(ch)
	}
}

// colour normalises a REFI-QDA colour (#rgb or #rrggbb) to #rrggbb; "" when
// there is none or it is malformed.
func colour(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) == 4 && s[0] == '#' {
		s = "#" + strings.Repeat(s[1:2], 2) + strings.Repeat(s[2:3], 2) + strings.Repeat(s[3:4], 2)
	}
	if !validColour(s) {
		return ""
	}
	return s
}

// notes reads the text of every note and the links that tie notes to other
// things.
func (c *converter) notes(ns *qdeNotes, links *qdeLinks) error {
	if ns != nil {
		for _, n := range ns.Note {
			text, err := c.noteBody(n)
			if err != nil {
				return err
			}
			c.noteText[normGUID(n.GUID)] = text
		}
	}
	if links != nil {
		for _, l := range links.Link {
			o, t := normGUID(l.OriginGUID), normGUID(l.TargetGUID)
			if text, ok := c.noteText[o]; ok && t != "" {
				c.linked[t] = append(c.linked[t], text)
			} else if text, ok := c.noteText[t]; ok && o != "" {
				c.linked[o] = append(c.linked[o], text)
			}
		}
	}
	return nil
}

func (c *converter) noteBody(n qdeTextSource) (string, error) {
	what := fmt.Sprintf("note %q", label(n.Name, n.GUID))
	text := ""
	switch {
	case n.PlainTextContent != nil:
		text = *n.PlainTextContent
	case n.PlainTextPath != "" && c.arc != nil:
		data, ok, err := c.arc.internal(n.PlainTextPath, what)
		if err != nil {
			return "", err
		}
		if !ok {
			c.skip("%s: %s is missing from the archive; its text is left out", what, n.PlainTextPath)
		} else if t, ok := decodeText(data); ok {
			text = t
		} else {
			c.skip("%s: its text is not UTF-8; left out", what)
		}
	case n.PlainTextPath != "":
		if _, err := internalName(c.path, n.PlainTextPath, what); err != nil {
			return "", err
		}
	}
	return joinNotes(n.Description, text), nil
}

// refNotes returns the texts of the notes refs point to and of the notes
// linked to guid.
func (c *converter) refNotes(refs []qdeRef, guid string) []string {
	var out []string
	for _, r := range refs {
		if t, ok := c.noteText[normGUID(r.TargetGUID)]; ok {
			out = append(out, t)
		}
	}
	return append(out, c.linked[guid]...)
}

// joinNotes joins the non-empty texts with blank lines, dropping repeats.
func joinNotes(texts ...string) string {
	var out []string
	seen := map[string]bool{}
	for _, t := range texts {
		t = strings.TrimSpace(t)
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return strings.Join(out, "\n\n")
}

// source adds one text source as an article with its passages.
func (c *converter) source(src qdeTextSource, what string) error {
	name := strings.TrimSpace(label(src.Name, src.GUID))
	what = fmt.Sprintf("%s %q", what, name)
	text, ok, err := c.sourceText(src, what)
	if err != nil || !ok {
		return err
	}
	n := utf8.RuneCountInString(text)
	art := store.ExchangeArticle{Article: model.Article{Title: name, Body: text, SourcePath: c.path, SourcePos: len(c.x.Articles)}}
	c.meta(&art.Article, src.VariableValue)
	for _, sel := range src.Selection {
		sw := fmt.Sprintf("%s: selection %q", what, label(sel.Name, sel.GUID))
		start, err1 := strconv.Atoi(strings.TrimSpace(sel.StartPosition))
		end, err2 := strconv.Atoi(strings.TrimSpace(sel.EndPosition))
		if err1 != nil || err2 != nil || start < 0 || end > n || start >= end {
			c.skip("%s at %s–%s is outside its text (0–%d code points); skipped", sw, sel.StartPosition, sel.EndPosition, n)
			continue
		}
		tags, events := c.codings(sel.Coding, sw)
		if len(tags) == 0 && events {
			c.eventSelections++
			continue
		}
		g := normGUID(sel.GUID)
		note := joinNotes(append([]string{sel.Description}, c.refNotes(sel.NoteRef, g)...)...)
		art.Passages = append(art.Passages, store.ExchangePassage{Start: start, End: end, Tags: tags, Note: note})
	}
	// Codings and notes on the source as a whole become a passage that spans
	// it: Attaché keeps notes and tags on passages.
	tags, _ := c.codings(src.Coding, what)
	note := joinNotes(append([]string{src.Description}, c.refNotes(src.NoteRef, normGUID(src.GUID))...)...)
	if len(tags) > 0 || note != "" {
		art.Passages = append(art.Passages, store.ExchangePassage{Start: 0, End: n, Tags: tags, Note: note})
	}
	c.x.Articles = append(c.x.Articles, art)
	return nil
}

// sourceText reads a source's plain text; ok is false when the source is
// skipped (and reported).
func (c *converter) sourceText(src qdeTextSource, what string) (string, bool, error) {
	var data []byte
	switch {
	case src.PlainTextPath != "" && c.arc == nil:
		if _, err := internalName(c.path, src.PlainTextPath, what); err != nil {
			return "", false, err
		}
		if src.PlainTextContent == nil {
			c.skip("%s: its text is in a .qdpx archive, not in this file; skipped", what)
			return "", false, nil
		}
		data = []byte(*src.PlainTextContent)
	case src.PlainTextPath != "":
		d, ok, err := c.arc.internal(src.PlainTextPath, what)
		if err != nil {
			return "", false, err
		}
		if !ok {
			c.skip("%s: %s is missing from the archive; skipped", what, src.PlainTextPath)
			return "", false, nil
		}
		data = d
	case src.PlainTextContent != nil:
		data = []byte(*src.PlainTextContent)
	case src.RichTextPath != "":
		c.skip("%s: rich text only, no plain text; skipped", what)
		return "", false, nil
	default:
		c.skip("%s: no text; skipped", what)
		return "", false, nil
	}
	text, ok := decodeText(data)
	if !ok {
		c.skip("%s: its text is neither UTF-8 nor UTF-16; skipped", what)
		return "", false, nil
	}
	if strings.TrimSpace(text) == "" {
		c.skip("%s: empty text; skipped", what)
		return "", false, nil
	}
	return text, true, nil
}

// codings returns the tags the codings point to; events reports codings
// into the events branch of an Attaché export. Codings to no code are
// reported and skipped.
func (c *converter) codings(cs []qdeCoding, what string) (tags []int, events bool) {
	for _, cd := range cs {
		g := normGUID(cd.CodeRef.TargetGUID)
		idx, ok := c.codeIndex[g]
		switch {
		case ok:
			dup := false
			for _, t := range tags {
				dup = dup || t == idx
			}
			if !dup {
				tags = append(tags, idx)
			}
		case c.eventCodes[g]:
			events = true
		default:
			c.skip("%s: coding refers to no code (%s); coding skipped", what, cd.CodeRef.TargetGUID)
		}
	}
	return tags, events
}

// meta fills an article's metadata from its source variables, as Attaché
// exports them (Publication, Author, URL, Published, Dateline, Language).
func (c *converter) meta(a *model.Article, vals []qdeVariableValue) {
	for _, v := range vals {
		var val string
		for _, p := range []*string{v.TextValue, v.DateValue, v.DateTimeValue, v.IntegerValue, v.FloatValue, v.BooleanValue} {
			if p != nil {
				val = strings.TrimSpace(*p)
				break
			}
		}
		if val == "" {
			continue
		}
		switch c.variables[normGUID(v.VariableRef.TargetGUID)] {
		case "publication":
			a.Publication = val
		case "author":
			a.Author = val
		case "url":
			a.URL = val
		case "published":
			a.Published = date(val)
		case "dateline":
			a.Dateline = val
		case "language":
			a.Language = val
		}
	}
}

// date keeps a date the store accepts ("2006-01-02" or RFC 3339), reducing
// a date-time without a zone to its day; anything else is dropped.
func date(s string) string {
	if _, err := time.Parse(time.RFC3339, s); err == nil {
		return s
	}
	if len(s) >= 10 {
		if _, err := time.Parse(time.DateOnly, s[:10]); err == nil && (len(s) == 10 || s[10] == 'T' || s[10] == ' ') {
			return s[:10]
		}
	}
	return ""
}

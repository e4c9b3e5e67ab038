package exchange

import (
	"archive/zip"
	"compress/flate"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// Origin is what exports name as the software that wrote them.
const Origin = "Attaché"

// ExportOptions controls a project export.
type ExportOptions struct {
	// Name is the project's name in the file (e.g. the project file's base name).
	Name string
	// User is the analyst exporting, written as the project's User; "" means "Attaché".
	User string
	// Events adds the project's events (all but rejected ones) as a code
	// branch "Events (Attaché)" ▸ event type, each event's source sentence a
	// coded selection with its summary as description, so that coders in
	// other tools see them. An import leaves that branch out.
	Events bool
}

// ExportProject reads the project from one snapshot and writes it to w as a
// .qdpx archive. It returns the number of sources written.
func ExportProject(ctx context.Context, st store.Store, w io.Writer, opts ExportOptions) (int, error) {
	x, err := st.ExchangeSnapshot(ctx)
	if err != nil {
		return 0, err
	}
	return len(x.Articles), WriteProject(w, x, opts)
}

// ExportCodebook reads the project's tags and writes them to w as a .qdc
// codebook. It returns the number of codes written.
func ExportCodebook(ctx context.Context, st store.Store, w io.Writer) (int, error) {
	x, err := st.ExchangeSnapshot(ctx)
	if err != nil {
		return 0, err
	}
	return len(x.Tags), WriteCodebook(w, x.Tags)
}

// WriteProject writes x to w as a .qdpx archive: project.qde, then each
// article's body as sources/GUID.txt.
func WriteProject(w io.Writer, x store.Exchange, opts ExportOptions) error {
	p, texts := buildProject(x, opts)
	zw := zip.NewWriter(w)
	// One compressor serves every entry (they are written one after the
	// other): a new flate writer per source costs more than the source.
	var fw *flate.Writer
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fw == nil {
			var err error
			fw, err = flate.NewWriter(out, flate.DefaultCompression)
			return fw, err
		}
		fw.Reset(out)
		return fw, nil
	})
	if err := writeXML(zw, "project.qde", p); err != nil {
		return err
	}
	for _, t := range texts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: "sources/" + t.name, Method: zip.Deflate, Modified: fixedTime})
		if err != nil {
			return fmt.Errorf("exchange: write %s: %w", t.name, err)
		}
		if _, err := io.WriteString(f, t.body); err != nil {
			return fmt.Errorf("exchange: write %s: %w", t.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("exchange: write archive: %w", err)
	}
	return nil
}

// WriteCodebook writes tags to w as a .qdc codebook.
func WriteCodebook(w io.Writer, tags []store.ExchangeTag) error {
	cb := qdeCodeBook{Xmlns: codebookNS, Origin: Origin, Codes: buildCodes(tags, nil)}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(cb); err != nil {
		return fmt.Errorf("exchange: write codebook: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// fixedTime stamps the archive's entries, so that the same project gives the
// same file.
var fixedTime = time.Date(2019, 3, 18, 0, 0, 0, 0, time.UTC)

func writeXML(zw *zip.Writer, name string, v any) error {
	f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: fixedTime})
	if err != nil {
		return fmt.Errorf("exchange: write %s: %w", name, err)
	}
	if _, err := io.WriteString(f, xml.Header); err != nil {
		return fmt.Errorf("exchange: write %s: %w", name, err)
	}
	enc := xml.NewEncoder(f)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("exchange: write %s: %w", name, err)
	}
	return nil
}

// sourceText is one sources/ entry.
type sourceText struct{ name, body string }

// metaVariables are the article fields written as source variables, in order.
var metaVariables = []struct {
	name string
	get  func(*model.Article) *string
}{
	{"Publication", func(a *model.Article) *string { return &a.Publication }},
	{"Author", func(a *model.Article) *string { return &a.Author }},
	{"URL", func(a *model.Article) *string { return &a.URL }},
	{"Published", func(a *model.Article) *string { return &a.Published }},
	{"Dateline", func(a *model.Article) *string { return &a.Dateline }},
	{"Language", func(a *model.Article) *string { return &a.Language }},
}

func buildProject(x store.Exchange, opts ExportOptions) (qdeProject, []sourceText) {
	user := strings.TrimSpace(opts.User)
	if user == "" {
		user = Origin
	}
	users := &coders{list: &qdeUsers{}}
	userGUID := users.ref(user)
	name := opts.Name
	if name == "" {
		name = "Attaché project"
	}
	p := qdeProject{Xmlns: projectNS, Name: name, Origin: Origin, CreatingUserGUID: userGUID,
		Users: users.list}
	var events *eventCodes
	if opts.Events && len(x.Events) > 0 {
		events = newEventCodes(x.Events)
	}
	if codes := buildCodes(x.Tags, events); codes != nil {
		p.CodeBook = &qdeCodeBook{Codes: codes}
	}
	vars := &qdeVariables{}
	for _, v := range metaVariables {
		vars.Variable = append(vars.Variable, qdeVariable{GUID: guid("variable", v.name), Name: v.name, TypeOfVariable: "Text"})
	}
	byArticle := map[int64][]model.Event{}
	if events != nil {
		for _, e := range x.Events {
			byArticle[e.ArticleID] = append(byArticle[e.ArticleID], e)
		}
	}
	var texts []sourceText
	sources := &qdeSources{}
	usedVars := false
	for i := range x.Articles {
		a := &x.Articles[i]
		runes := []rune(a.Article.Body)
		src := buildSource(a, runes, x.Tags, users)
		for _, e := range byArticle[a.Article.ID] {
			src.Selection = append(src.Selection, events.selection(e, runes, users))
		}
		for _, v := range metaVariables {
			if val := strings.TrimSpace(*v.get(&a.Article)); val != "" {
				src.VariableValue = append(src.VariableValue, qdeVariableValue{
					VariableRef: qdeRef{TargetGUID: guid("variable", v.name)}, TextValue: &val})
				usedVars = true
			}
		}
		sources.Text = append(sources.Text, src)
		texts = append(texts, sourceText{name: src.GUID + ".txt", body: a.Article.Body})
	}
	if usedVars {
		p.Variables = vars
	}
	if len(sources.Text) > 0 {
		p.Sources = sources
	}
	return p, texts
}

// buildSource writes an article and its passages.
func buildSource(a *store.ExchangeArticle, runes []rune, tags []store.ExchangeTag, users *coders) qdeTextSource {
	g := guid("article", a.Article.Hash)
	title := strings.TrimSpace(a.Article.Title)
	if title == "" {
		title = fmt.Sprintf("Article %d", a.Article.ID)
	}
	src := qdeTextSource{GUID: g, Name: title, PlainTextPath: "internal://" + g + ".txt"}
	for _, ps := range a.Passages {
		pg := guidOf("passage", ps.ID)
		sel := qdeSelection{GUID: pg, Name: snippet(runes, ps.Start, ps.End),
			StartPosition: fmt.Sprint(ps.Start), EndPosition: fmt.Sprint(ps.End), Description: ps.Note,
			CreatingUser: users.ref(ps.CreatedBy), ModifyingUser: users.ref(ps.ChangedBy)}
		for _, t := range ps.Tags {
			tg := guidOf("tag", tags[t].ID)
			sel.Coding = append(sel.Coding, qdeCoding{GUID: guid("coding", pg+"/"+tg), CreatingUser: sel.CreatingUser, CodeRef: qdeRef{TargetGUID: tg}})
		}
		src.Selection = append(src.Selection, sel)
	}
	return src
}

// snippet is a selection's name: its text, cut to a readable length.
func snippet(runes []rune, start, end int) string {
	if start < 0 || end > len(runes) || start >= end {
		return ""
	}
	s := strings.Join(strings.Fields(string(runes[start:end])), " ")
	if utf8.RuneCountInString(s) > 80 {
		s = string([]rune(s)[:79]) + "…"
	}
	return s
}

// buildCodes turns the tag tree (parents before children) into Codes, with
// the events branch last when there is one.
func buildCodes(tags []store.ExchangeTag, events *eventCodes) *qdeCodes {
	codes := make([]*qdeCode, len(tags))
	var top []*qdeCode
	for i, t := range tags {
		c := &qdeCode{GUID: guidOf("tag", t.ID), Name: t.Name, IsCodable: true, Color: t.Colour, Description: t.Description}
		if c.Color != "" && !validColour(c.Color) {
			c.Color = ""
		}
		codes[i] = c
		if t.Parent < 0 {
			top = append(top, c)
		} else {
			codes[t.Parent].Code = append(codes[t.Parent].Code, c)
		}
	}
	if events != nil {
		top = append(top, events.root)
	}
	if len(top) == 0 {
		return nil
	}
	return &qdeCodes{Code: top}
}

func validColour(c string) bool {
	if len(c) != 7 || c[0] != '#' {
		return false
	}
	for _, r := range c[1:] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return false
		}
	}
	return true
}

// eventCodes is the events branch of an export: a root code and one code
// per event type.
type eventCodes struct {
	root   *qdeCode
	byType map[string]string // event type → code GUID
}

const untypedEvents = "Untyped"

func newEventCodes(evs []model.Event) *eventCodes {
	ec := &eventCodes{byType: map[string]string{},
		root: &qdeCode{GUID: eventsCodeGUID, Name: "Events (Attaché)", IsCodable: false,
			Description: "Diplomatic events recorded in Attaché, by PLOVER type; each coded selection is an event's source sentence with its summary. Attaché leaves this branch out when it imports the file."}}
	types := append(model.Strings(model.EventTypes()), untypedEvents)
	used := map[string]bool{}
	for _, e := range evs {
		used[eventType(e)] = true
	}
	for _, t := range types {
		if !used[t] {
			continue
		}
		g := guid("events", t)
		ec.byType[t] = g
		ec.root.Code = append(ec.root.Code, &qdeCode{GUID: g, Name: t, IsCodable: true})
	}
	return ec
}

func eventType(e model.Event) string {
	if e.Type == "" {
		return untypedEvents
	}
	return string(e.Type)
}

// selection is an event's source span coded with its type.
func (ec *eventCodes) selection(e model.Event, runes []rune, users *coders) qdeSelection {
	g := guidOf("event", e.ID)
	desc := e.Summary
	if e.Status != "" {
		desc = strings.TrimSpace(desc + " [" + e.Status.Label() + "]")
	}
	if e.Note != "" {
		desc += "\n\n" + e.Note
	}
	cg := ec.byType[eventType(e)]
	creator := users.ref(e.CreatedBy)
	return qdeSelection{GUID: g, Name: snippet(runes, e.Start, e.End),
		StartPosition: fmt.Sprint(e.Start), EndPosition: fmt.Sprint(e.End), Description: desc,
		CreatingUser: creator, ModifyingUser: users.ref(e.ChangedBy),
		Coding: []qdeCoding{{GUID: guid("coding", g+"/"+cg), CreatingUser: creator, CodeRef: qdeRef{TargetGUID: cg}}}}
}

// ProjectName names a project in an export: its file name without folder
// and extension, or for a project on a server (postgres://…/DATABASE) its
// database's name.
func ProjectName(path string) string {
	if u, err := url.Parse(path); err == nil && u.Scheme != "" && u.Host != "" {
		path = u.Path
	}
	base := filepath.Base(path)
	if name := strings.TrimSuffix(base, filepath.Ext(base)); name != "" && name != "." {
		return name
	}
	return base
}

// AnalystName is the name of the person exporting, as the system knows
// them; "" when it does not.
func AnalystName() string {
	if u, err := user.Current(); err == nil {
		if u.Name != "" {
			return strings.TrimRight(u.Name, ",")
		}
		return u.Username
	}
	return os.Getenv("USER")
}

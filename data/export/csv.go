package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// CSV files are written as UTF-8 with a byte-order mark, a header row, CRLF
// line ends and RFC 4180 quoting. The mark is there because analysts open
// these files in spreadsheets, and Excel reads a CSV file without it in the
// legacy code page, garbling 習近平 or Erdoğan; LibreOffice, pandas
// (encoding="utf-8-sig"), R and Go's encoding/csv after stripping it read it
// fine. Line breaks inside a cell are written as CRLF too; a lone carriage
// return inside a cell is dropped (encoding/csv's CRLF mode).
const bom = "\ufeff"

// inert makes a text cell safe to open in a spreadsheet: a cell that starts
// with =, +, -, @, a tab or a carriage return would be run as a formula, so
// it gets a leading single quote (which spreadsheets hide and treat as "this
// is text"). Number columns are written by the writers themselves with
// strconv and never pass through here, so a Goldstein score of -4 stays the
// number -4.
func inert(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// csvWriter wraps encoding/csv with the byte-order mark, CRLF and the
// package's error wrapping.
type csvWriter struct {
	w    *csv.Writer
	what string
	err  error
}

func newCSV(w io.Writer, what string, header []string) *csvWriter {
	c := &csvWriter{w: csv.NewWriter(w), what: what}
	c.w.UseCRLF = true
	if _, err := io.WriteString(w, bom); err != nil {
		c.err = err
		return c
	}
	c.row(header)
	return c
}

func (c *csvWriter) row(cells []string) {
	if c.err == nil {
		c.err = c.w.Write(cells)
	}
}

func (c *csvWriter) close() error {
	if c.err == nil {
		c.w.Flush()
		c.err = c.w.Error()
	}
	if c.err != nil {
		return fmt.Errorf("export: write %s CSV: %w", c.what, c.err)
	}
	return nil
}

// text returns the cells made inert.
func text(cells ...string) []string {
	for i, s := range cells {
		cells[i] = inert(s)
	}
	return cells
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// join joins list items with "; "; only the start of a cell can make it a
// formula, so the joined cell is made inert as a whole.
func join(items []string) string { return strings.Join(items, "; ") }

func parties(ps []Party) (names, ids, kinds, countries string) {
	var n, i, k, c []string
	for _, p := range ps {
		n = append(n, p.Name)
		i = append(i, itoa(p.EntityID))
		k = append(k, string(p.Kind))
		c = append(c, p.Country)
	}
	return join(n), join(i), join(k), join(c)
}

// eventsCSVHeader is the header row of WriteEventsCSV. The actor and
// recipient columns hold one item per party, joined with "; ".
var eventsCSVHeader = []string{"id", "date", "enddate", "date_precision", "date_text", "date_basis",
	"actor", "actor_entity_id", "actor_kind", "actor_country",
	"recipient", "recipient_entity_id", "recipient_kind", "recipient_country",
	"event", "mode", "cameo", "goldstein", "quad_class", "location", "summary", "text",
	"article_id", "title", "publication", "published", "url", "start", "end",
	"status", "tags", "note", "coder"}

// WriteEventsCSV writes evs as CSV, one row per event with the fields of the
// JSON export flattened (see the header row). Text cells that a spreadsheet
// would run as a formula are made inert with a leading single quote; the
// number columns (ids, goldstein, quad_class, start, end) are plain numbers.
// The CAMEO code is written as text with its leading zeros ("041").
func WriteEventsCSV(w io.Writer, evs []EventRecord) error {
	c := newCSV(w, "events", eventsCSVHeader)
	for _, ev := range evs {
		an, ai, ak, ac := parties(ev.Actor)
		rn, ri, rk, rc := parties(ev.Recipient)
		row := []string{itoa(ev.ID)}
		row = append(row, text(ev.Date, ev.EndDate, string(ev.DatePrecision), ev.DateText, string(ev.DateBasis),
			an, ai, ak, ac, rn, ri, rk, rc, string(ev.Event), ev.Mode, ev.CAMEO)...)
		row = append(row, strconv.FormatFloat(ev.Goldstein, 'f', -1, 64), strconv.Itoa(int(ev.QuadClass)))
		row = append(row, text(ev.Location, ev.Summary, ev.Text)...)
		row = append(row, itoa(ev.Source.ArticleID))
		row = append(row, text(ev.Source.Title, ev.Source.Publication, ev.Source.Published, ev.Source.URL)...)
		row = append(row, strconv.Itoa(ev.Source.Start), strconv.Itoa(ev.Source.End))
		row = append(row, text(string(ev.Status), join(ev.Tags), ev.Note, ev.Coder)...)
		c.row(row)
	}
	return c.close()
}

// passagesCSVHeader is the header row of WritePassagesCSV.
var passagesCSVHeader = []string{"article_id", "article", "publication", "published", "quote", "tags", "note", "start", "end", "coder"}

// WritePassagesCSV writes tagged passages as CSV (article_id, article, publication,
// published, quote, tags, note, start, end, coder);
// tags are joined with "; ".
func WritePassagesCSV(w io.Writer, ps []PassageRecord) error {
	c := newCSV(w, "passages", passagesCSVHeader)
	for _, p := range ps {
		row := []string{itoa(p.ArticleID)}
		row = append(row, text(p.Article, p.Publication, p.Published, p.Quote, join(p.Tags), p.Note)...)
		row = append(row, strconv.Itoa(p.Start), strconv.Itoa(p.End))
		row = append(row, text(p.Coder)...)
		c.row(row)
	}
	return c.close()
}

// entitiesCSVHeader is the header row of WriteEntitiesCSV.
var entitiesCSVHeader = []string{"id", "name", "kind", "country", "role", "aliases", "mentions"}

// WriteEntitiesCSV writes entities as CSV (id, name, kind, country, role,
// aliases, mentions); aliases
// are joined with "; ".
func WriteEntitiesCSV(w io.Writer, es []EntityRecord) error {
	c := newCSV(w, "entities", entitiesCSVHeader)
	for _, e := range es {
		row := []string{itoa(e.ID)}
		row = append(row, text(e.Name, string(e.Kind), e.Country, e.Role, join(e.Aliases))...)
		row = append(row, strconv.Itoa(e.Mentions))
		c.row(row)
	}
	return c.close()
}

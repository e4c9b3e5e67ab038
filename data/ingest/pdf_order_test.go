package ingest_test

import (
	"strings"
	"testing"

	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/ingest/internal/shingle"
)

// tableRow is one row of a two-column table: a short name and a
// description wrapped over one or more lines.
type tableRow struct {
	name string
	desc []string
}

var missionRows = []tableRow{
	{"Kenya", []string{"Observers deployed to the coast and", "the northern counties before the vote."}},
	{"Uganda", []string{"Mediation between the parties in Kampala."}},
	{"South Sudan", []string{"Monitors of the ceasefire in Upper Nile,", "Jonglei and the border areas, reporting", "to the regional body every month."}},
	{"Somalia", []string{"Support to the electoral commission."}},
}

// twoColumnTable draws rows at size 10 (lines 12 points apart), the
// descriptions at x = 200, each row 6 points below the last line of the
// row above it, under a header row and above a closing paragraph.
func twoColumnTable(rows []tableRow) string {
	var b strings.Builder
	b.WriteString(textLines(72, 720, 12, 15, "Table 2: Regional missions and their mandates"))
	b.WriteString(textLines(72, 690, 10, 12, "Country"))
	b.WriteString(textLines(200, 690, 10, 12, "Mandate"))
	y := 690.0 - 18
	for _, r := range rows {
		b.WriteString(textLines(72, y, 10, 12, r.name))
		b.WriteString(textLines(200, y, 10, 12, r.desc...))
		y -= float64(len(r.desc))*12 + 6
	}
	b.WriteString(textLines(72, y-12, 10, 12, "All missions report to the secretariat in Addis Ababa."))
	return b.String()
}

// A table whose cells wrap over several lines reads row by row, each cell
// whole: the name, then its description, then the next row.
func TestPDFTableReadsRowByRow(t *testing.T) {
	path := writeFile(t, "missions.pdf", pdfDoc{pages: []string{twoColumnTable(missionRows)}}.bytes())
	art := read(t, path, ingest.Options{})[0]
	body := art.Body
	var want []string
	for _, r := range missionRows {
		want = append(want, r.name, strings.Join(r.desc, " "))
	}
	want = append(want, "All missions report to the secretariat")
	at := strings.Index(body, "Country")
	if m := strings.Index(body, "Mandate"); at < 0 || m < at {
		t.Fatalf("header row out of order:\n%s", body)
	}
	for _, w := range want {
		i := strings.Index(body, w)
		if i < at {
			t.Fatalf("%q missing or out of order:\n%s", w, body)
		}
		at = i
	}
	if ref := pdftotext(t, path); ref != "" {
		if f := shingle.F1(shingle.Overlap(art.Title+"\n\n"+body, ref)); f < 0.95 {
			t.Errorf("F1 %.3f against pdftotext:\n%s\n--- pdftotext:\n%s", f, body, ref)
		}
	}
}

// A heading that spans both columns closes the columns above it: the two
// columns above are read, then the heading, then the two columns below.
func TestPDFHeadingAcrossColumns(t *testing.T) {
	page := textLines(60, 720, 10, 12, "Upper left column opens,", "and runs on here.") +
		textLines(330, 720, 10, 12, "Upper right column follows", "and ends the upper part.") +
		textLines(60, 660, 14, 16, "A heading across the whole page width for the second part") +
		textLines(60, 630, 10, 12, "Lower left column starts", "the second part.") +
		textLines(330, 630, 10, 12, "Lower right column ends", "the page.")
	path := writeFile(t, "sections.pdf", pdfDoc{pages: []string{page}}.bytes())
	body := read(t, path, ingest.Options{})[0].Body
	at := -1
	for _, w := range []string{"Upper left column opens, and runs on here.", "Upper right column follows and ends the upper part.",
		"A heading across the whole page", "Lower left column starts the second part.", "Lower right column ends the page."} {
		i := strings.Index(body, w)
		if i <= at {
			t.Fatalf("%q missing or out of order:\n%s", w, body)
		}
		at = i
	}
}

// codeRow is one row of a code list: a name, its code, and places listed
// over one or more lines.
type codeRow struct {
	name, code string
	places     []string
}

var codeRows = []codeRow{
	{"Austrians", "aut", []string{"AUT, DEU, ITA"}},
	{"Belgians", "bel", []string{"BEL, FRA, NLD"}},
	{"Chadians", "tcd", []string{"CMR, NER, NGA, SDN,", "TCD"}},
	{"Danes", "dnk", []string{"DNK, NOR, SWE"}},
	{"Estonians", "est", []string{"EST, FIN, LVA, RUS,", "SWE, USA"}},
	{"Finns", "fin", []string{"FIN, SWE"}},
	{"Georgians", "geo", []string{"GEO, RUS"}},
}

// codeList draws a three-column code list at size 10, lines 12 points
// apart with no gap between rows: names at x = 72, codes at 200, places at
// 260, wrapped after four entries.
func codeList(rows []codeRow) string {
	var b strings.Builder
	b.WriteString(textLines(72, 700, 10, 12, "Group Name"))
	b.WriteString(textLines(200, 700, 10, 12, "Code"))
	b.WriteString(textLines(260, 700, 10, 12, "Countries"))
	y := 688.0
	for _, r := range rows {
		b.WriteString(textLines(72, y, 10, 12, r.name))
		b.WriteString(textLines(200, y, 10, 12, r.code))
		b.WriteString(textLines(260, y, 10, 12, r.places...))
		y -= 12 * float64(len(r.places))
	}
	return b.String()
}

// A code list whose rows are set without a gap reads as poppler reads it:
// names and codes side by side break into blocks wherever a cell beside
// them wraps, and those blocks read row by row (the names of the rows down
// to a wrapped cell, then their codes, then the next rows), the column of
// places after them, each wrapped entry whole.
func TestPDFCodeListReadsLikePoppler(t *testing.T) {
	path := writeFile(t, "codes.pdf", pdfDoc{pages: []string{codeList(codeRows)}}.bytes())
	art := read(t, path, ingest.Options{})[0]
	text := art.Title + "\n\n" + art.Body
	at := -1
	for _, w := range []string{"Austrians Belgians Chadians", "aut bel tcd", "Danes Estonians", "dnk est", "Finns Georgians", "fin geo",
		"AUT, DEU, ITA", "CMR, NER, NGA, SDN, TCD", "EST, FIN, LVA, RUS, SWE, USA", "GEO, RUS"} {
		i := strings.Index(text, w)
		if i <= at {
			t.Fatalf("%q missing or out of order:\n%s", w, text)
		}
		at = i
	}
	if ref := pdftotext(t, path); ref != "" {
		if f := shingle.F1(shingle.Overlap(text, ref)); f < 0.95 {
			t.Errorf("F1 %.3f against pdftotext:\n%s\n--- pdftotext:\n%s", f, text, ref)
		}
	}
}

// A footnote mark raised in small type against a line's last word stays on
// that line, read with the word as pdftotext reads it ("Monday.1"): the
// paragraph reads on, and the mark does not stand alone.
func TestPDFRaisedMarkStaysOnItsLine(t *testing.T) {
	page := textLines(72, 700, 10, 12,
		"The envoy reached the capital on Monday.",
		"Talks on the border resumed the next day",
		"and ran until the weekend.") +
		"BT /F1 6 Tf 272 704 Td (1) Tj ET\n" +
		textLines(72, 640, 10, 12, "A second paragraph follows the first.")
	path := writeFile(t, "mark.pdf", pdfDoc{pages: []string{page}}.bytes())
	body := read(t, path, ingest.Options{Split: ingest.SplitNone})[0].Body
	if !strings.Contains(body, "on Monday.1 Talks on the border") {
		t.Errorf("mark off its line:\n%s", body)
	}
}

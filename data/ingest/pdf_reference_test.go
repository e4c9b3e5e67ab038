package ingest_test

import (
	"fmt"
	"math/rand/v2"
	"os/exec"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/ingest/internal/shingle"
	"github.com/attache-app/attache/data/internal/testdeps"
)

// pdftotext returns poppler's reading of a PDF's text layer, the reference
// text of the PDF measures. Where poppler-utils is missing the test is
// skipped, except in CI, which installs it (scripts/install-deps.sh test).
func pdftotext(t *testing.T, path string) string {
	t.Helper()
	bin := testdeps.LookPath(t, "pdftotext", "Debian package poppler-utils")
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// reportPages lays out a report of n pages: a heading, a running header, a
// page number, and two columns of text lines of varied words (at most 44
// characters, 220 points: the columns stay apart).
func reportPages(n int) []string {
	words := strings.Fields("delegates ministers envoy council border treaty talks water trade sanctions ceasefire " +
		"mission agreed rejected proposed welcomed monitors capital summit region security aid transport " +
		"elections timetable observers parliament coalition dispute railway pipeline harbour fisheries")
	r := rand.New(rand.NewPCG(7, 11))
	line := func() string {
		var ws []string
		for range 4 {
			ws = append(ws, words[r.IntN(len(words))])
		}
		return strings.Join(ws, " ")
	}
	var pages []string
	for p := range n {
		var left, right []string
		for range 40 {
			left, right = append(left, line()), append(right, line())
		}
		page := textLines(60, 770, 9, 11, "Regional Security Review") +
			textLines(60, 740, 10, 13, left...) + textLines(320, 740, 10, 13, right...) +
			textLines(300, 30, 9, 11, fmt.Sprint(p+1))
		if p == 0 {
			page = textLines(60, 755, 16, 18, "Report on the Border Talks") + page
		}
		pages = append(pages, page)
	}
	return pages
}

// The text of a PDF matches poppler's reading of it: same words, same
// order, column after column, nothing that is not in the PDF's text layer.
func TestPDFMatchesPdftotext(t *testing.T) {
	path := writeFile(t, "report.pdf", pdfDoc{pages: reportPages(6)}.bytes())
	ref := pdftotext(t, path)
	arts := read(t, path, ingest.Options{})
	if len(arts) != 1 {
		t.Fatalf("%d articles, want 1", len(arts))
	}
	p, r := shingle.Overlap(arts[0].Title+"\n\n"+arts[0].Body, ref)
	if f := shingle.F1(p, r); f < 0.95 {
		t.Errorf("F1 %.3f (precision %.3f, recall %.3f) against pdftotext, want at least 0.95", f, p, r)
	}
	if n, total := shingle.Junk(arts[0].Body, ref); n > 0 {
		t.Errorf("%d of %d characters are not in pdftotext's text", n, total)
	}
	if strings.Contains(arts[0].Body, "Regional Security Review") {
		t.Error("running header kept")
	}
}

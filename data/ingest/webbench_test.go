package ingest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/attache-app/attache/data/store/sqlite"

	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/ingest/internal/cputime"
)

// bigPage writes a news page of about size bytes shaped like a heavy modern
// one: a mega-menu, inline application state and style sheets, icons drawn
// in SVG, a long article, and a comment thread that makes up the rest.
func bigPage(b *testing.B, size int) string {
	b.Helper()
	var s strings.Builder
	s.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Summit ends with a joint statement on trade | Example Times</title>`)
	s.WriteString(`<meta property="og:site_name" content="Example Times"><meta property="article:published_time" content="2025-10-02T18:00:00Z">`)
	s.WriteString(`<style>` + strings.Repeat(".c-nav__item{display:flex;margin:0 4px}.c-card--wide{grid-column:span 2}\n", size/10/70) + `</style>`)
	s.WriteString(`<script id="__STATE__" type="application/json">{"items":[` + strings.Repeat(`{"id":12345,"headline":"Another story","url":"/x/y"},`, size/5/52) + `{}]}</script></head><body>`)
	s.WriteString(`<header><nav class="mega-menu"><ul>`)
	for i := range size / 20 / 60 {
		fmt.Fprintf(&s, `<li><a href="/section/%d">Section %d</a></li>`, i, i)
	}
	s.WriteString(`</ul></nav></header><main><article><h1>Summit ends with a joint statement on trade</h1>`)
	for i := range 60 {
		fmt.Fprintf(&s, `<p>Paragraph %d: leaders meeting at the summit agreed on a statement covering tariffs, supply chains and the settlement of disputes, officials said, while differences remained over subsidies and export controls on advanced technology.</p>`, i)
		if i%10 == 0 {
			s.WriteString(`<svg viewBox="0 0 24 24"><path d="` + strings.Repeat("M12 2L2 7l10 5 10-5-10-5z", 40) + `"/></svg>`)
		}
	}
	s.WriteString(`</article><section class="comments">`)
	for i := 0; s.Len() < size-200; i++ {
		fmt.Fprintf(&s, `<div class="comment" id="c%d"><span class="user">reader%d</span><p>I think the statement says very little about the subsidies that matter most to workers here.</p></div>`, i, i)
	}
	s.WriteString(`</section></main><footer>© Example Times</footer></body></html>`)
	path := filepath.Join(b.TempDir(), "big-page.html")
	if err := os.WriteFile(path, []byte(s.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkReadPage5MB reads a 5 MB web page.
func BenchmarkReadPage5MB(b *testing.B) {
	path := bigPage(b, 5<<20)
	start := cputime.Used()
	for b.Loop() {
		arts, err := ingest.ReadFile(context.Background(), path, ingest.Options{})
		if err != nil || len(arts) != 1 || !strings.Contains(arts[0].Body, "Paragraph 59:") {
			b.Fatal(len(arts), err)
		}
	}
	reportCPU(b, start)
}

// BenchmarkImportPage5MB imports a 5 MB web page into a fresh project, as
// `attache-cli import --no-extract` does.
func BenchmarkImportPage5MB(b *testing.B) {
	path := bigPage(b, 5<<20)
	start := cputime.Used()
	for b.Loop() {
		st, err := sqlite.Open(filepath.Join(b.TempDir(), "bench.attache"))
		if err != nil {
			b.Fatal(err)
		}
		res, err := ingest.Import(context.Background(), st, []string{path}, ingest.Options{}, nil)
		if err != nil || res[0].Err != nil || res[0].Imported != 1 {
			b.Fatal(err, res[0].Err)
		}
		st.Close()
	}
	reportCPU(b, start)
}

// reportCPU adds the CPU time per operation to a benchmark's figures: on a
// shared machine the wall-clock time measures the neighbours as much as the
// code.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64((cputime.Used()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
}

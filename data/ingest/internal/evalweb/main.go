// Command evalweb measures how well web pages are imported: it imports each
// page of an article-extraction corpus (a folder with html/KEY.html.gz and
// ground-truth.json mapping KEY to {articleBody, url}) into a fresh project
// the way `attache-cli import --no-extract` does, and scores the imported
// body against the marked article text with the corpus's 4-word-shingle
// measure. It prints F1, precision and recall, the pages refused, left
// empty or split into several articles, how many pages got a title, a date,
// an author, publication and URL from the page itself, and the time taken.
//
// usage: evalweb [-split none|auto] [-v] CORPUS_DIR
package main

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/attache-app/attache/data/store/sqlite"

	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/ingest/internal/cputime"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// truth is a page's marked article.
type truth struct {
	Body string `json:"articleBody"`
	URL  string `json:"url"`
}

// page is what importing one page gave.
type page struct {
	key      string
	err      error
	arts     []model.Article
	score    score
	duration time.Duration
}

func main() {
	split := flag.String("split", ingest.SplitNone, "split mode passed to the import: none or auto")
	verbose := flag.Bool("v", false, "print one line per page")
	candidate := flag.String("candidate", "", "score a plain library call instead of the import: trafilatura, trafilatura-fallback, trafilatura-precision or trafilatura-recall")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: evalweb [-split none|auto] [-candidate NAME] [-v] CORPUS_DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *split, *candidate, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "evalweb:", err)
		os.Exit(1)
	}
}

func run(corpus, split, candidate string, verbose bool) error {
	raw, err := os.ReadFile(filepath.Join(corpus, "ground-truth.json"))
	if err != nil {
		return err
	}
	var gt map[string]truth
	if err := json.Unmarshal(raw, &gt); err != nil {
		return fmt.Errorf("ground-truth.json: %w", err)
	}
	keys := make([]string, 0, len(gt))
	for k := range gt {
		keys = append(keys, k)
	}
	slices.Sort(keys)

	tmp, err := os.MkdirTemp("", "evalweb-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	st, err := sqlite.Open(filepath.Join(tmp, "eval.attache"))
	if err != nil {
		return err
	}
	defer st.Close()

	cpu0 := cputime.Used()
	var pages []page
	for _, k := range keys {
		var p page
		if candidate != "" {
			p, err = candidatePage(candidate, corpus, tmp, k)
		} else {
			p, err = importPage(st, corpus, tmp, k, split)
		}
		if err != nil {
			return err
		}
		var bodies []string
		for _, a := range p.arts {
			bodies = append(bodies, a.Body)
		}
		p.score = compare(gt[k].Body, strings.Join(bodies, "\n\n"))
		pages = append(pages, p)
		if verbose {
			printPage(p, gt[k])
		}
	}
	how := "import --no-extract --split " + split
	if candidate != "" {
		how = "plain library call " + candidate
	}
	report(pages, gt, how, cputime.Used()-cpu0)
	return nil
}

// importPage unpacks one page next to the project and imports it.
func importPage(st store.Store, corpus, tmp, key, split string) (page, error) {
	p := page{key: key}
	path := filepath.Join(tmp, key+".html")
	if err := gunzip(filepath.Join(corpus, "html", key+".html.gz"), path); err != nil {
		return p, err
	}
	ctx := context.Background()
	start := time.Now()
	res, err := ingest.Import(ctx, st, []string{path}, ingest.Options{Split: split}, nil)
	p.duration = time.Since(start)
	if err != nil {
		return p, err
	}
	p.err = res[0].Err
	for _, id := range res[0].IDs {
		a, err := st.Article(ctx, id)
		if err != nil {
			return p, err
		}
		p.arts = append(p.arts, a)
	}
	return p, os.Remove(path)
}

// candidatePage unpacks one page and runs a candidate extractor on it; the
// text becomes the body of one article without metadata.
func candidatePage(name, corpus, tmp, key string) (page, error) {
	p := page{key: key}
	path := filepath.Join(tmp, key+".html")
	if err := gunzip(filepath.Join(corpus, "html", key+".html.gz"), path); err != nil {
		return p, err
	}
	text, d, err := candidateText(name, path)
	if err != nil {
		return p, err
	}
	p.duration = d
	if text != "" {
		p.arts = []model.Article{{Body: text}}
	}
	return p, os.Remove(path)
}

func gunzip(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	zr, err := gzip.NewReader(in)
	if err != nil {
		return fmt.Errorf("%s: %w", src, err)
	}
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, zr); err != nil {
		out.Close()
		return fmt.Errorf("%s: %w", src, err)
	}
	return out.Close()
}

func (p page) f1() float64 {
	if p.score.tp == 0 {
		return 0
	}
	return 2 * p.score.tp / (2*p.score.tp + p.score.fp + p.score.fn)
}

// empty reports a page imported without a word of text.
func (p page) empty() bool {
	for _, a := range p.arts {
		if wordRe.MatchString(a.Body) {
			return false
		}
	}
	return p.err == nil
}

// titled reports a title the page gave: the reader makes one from the
// opening sentence of the body only when the page has none.
func (p page) titled() bool {
	if len(p.arts) == 0 || p.arts[0].Title == "" {
		return false
	}
	t := strings.TrimSuffix(p.arts[0].Title, "…")
	return !strings.HasPrefix(p.arts[0].Body, t)
}

func (p page) dated() bool { return len(p.arts) > 0 && p.arts[0].Published != "" }

// sameURL compares two addresses without scheme, "www." and trailing slash.
func sameURL(a, b string) bool {
	norm := func(u string) string {
		u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
		return strings.TrimSuffix(strings.TrimPrefix(u, "www."), "/")
	}
	return a != "" && norm(a) == norm(b)
}

func printPage(p page, t truth) {
	var title, date, url string
	if len(p.arts) > 0 {
		title, date, url = p.arts[0].Title, p.arts[0].Published, p.arts[0].URL
	}
	state := fmt.Sprintf("%d article(s)", len(p.arts))
	if p.err != nil {
		state = "refused: " + ingest.Reason(p.err)
	}
	urlMark := "-"
	if sameURL(url, t.URL) {
		urlMark = "url"
	}
	fmt.Printf("%s  F1 %.3f  P %.3f  R %.3f  %5.0f ms  %s  date %q  %s  title %q\n", p.key[:12], p.f1(),
		ratio(p.score.tp, p.score.tp+p.score.fp), ratio(p.score.tp, p.score.tp+p.score.fn),
		float64(p.duration.Microseconds())/1000, state, date, urlMark, title)
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

func report(pages []page, gt map[string]truth, how string, cpu time.Duration) {
	var scores []score
	var refused, empty, several, titled, dated, authors, outlets, urls, urlsRight int
	var total, slowest time.Duration
	slowKey := ""
	for _, p := range pages {
		scores = append(scores, p.score)
		switch {
		case p.err != nil:
			refused++
		case p.empty():
			empty++
		}
		if len(p.arts) > 1 {
			several++
		}
		if p.titled() {
			titled++
		}
		if p.dated() {
			dated++
		}
		if len(p.arts) > 0 && p.arts[0].Author != "" {
			authors++
		}
		if len(p.arts) > 0 && p.arts[0].Publication != "" {
			outlets++
		}
		if len(p.arts) > 0 && p.arts[0].URL != "" {
			urls++
			if sameURL(p.arts[0].URL, gt[p.key].URL) {
				urlsRight++
			}
		}
		total += p.duration
		if p.duration > slowest {
			slowest, slowKey = p.duration, p.key
		}
	}
	prec, rec, f1 := summary(scores)
	n := len(pages)
	fmt.Printf("pages: %d (%s)\n", n, how)
	fmt.Printf("F1 %.3f  precision %.3f  recall %.3f\n", f1, prec, rec)
	fmt.Printf("refused: %d  empty: %d  split into several articles: %d\n", refused, empty, several)
	if strings.HasPrefix(how, "import") { // a plain library call gives text only
		fmt.Printf("found in the page: title %d/%d  date %d/%d  author %d/%d  publication %d/%d  URL %d/%d (%d the benchmark's own)\n",
			titled, n, dated, n, authors, n, outlets, n, urls, n, urlsRight)
	}
	if n > 0 {
		fmt.Printf("time: %.2f s importing (mean %.0f ms, slowest %.0f ms: %s), %.2f s CPU in all\n",
			total.Seconds(), float64(total.Milliseconds())/float64(n), float64(slowest.Milliseconds()), slowKey[:12], cpu.Seconds())
	}
}

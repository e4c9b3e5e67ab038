// Command wireeval is the Go half of scripts/eval-wirelog.sh. "write" builds
// wire logs from a corpus of stories (JSON Lines with title, dateline and a
// hard-wrapped body) and records what each log holds; "score" compares what
// `attache-cli import` made of the logs with those stories.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/attache-app/attache/data/ingest/internal/wirelog"
)

func main() {
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: wireeval write [-chunk N] [-sample N] [-seed S] [-apart] [-indent] CORPUS.jsonl DIR\n"+
			"       wireeval score DIR IMPORT_REPORT ARTICLES.json")
	}
	if len(os.Args) < 2 {
		flag.Usage()
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "write":
		err = write(os.Args[2:])
	case "score":
		if len(os.Args) != 5 {
			flag.Usage()
			os.Exit(2)
		}
		err = score(os.Args[2], os.Args[3], os.Args[4])
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wireeval:", err)
		os.Exit(1)
	}
}

// corpusStory is one line of the corpus.
type corpusStory struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Dateline string `json:"dateline"`
	Body     string `json:"body"`
}

// expectedStory is what one story in a log should come back as.
type expectedStory struct {
	ID       string   `json:"id"`
	Headline string   `json:"headline"`
	Paras    []string `json:"paras"`
}

// manifest records the logs written, in file-name order.
type manifest struct {
	Files map[string][]expectedStory `json:"files"`
}

func write(args []string) error {
	fs := flag.NewFlagSet("write", flag.ExitOnError)
	chunk := fs.Int("chunk", 60, "stories per log")
	sample := fs.Int("sample", 0, "take this many stories at random (0: all, in corpus order)")
	seed := fs.Uint64("seed", 0, "random seed for -sample (0: pick one and print it)")
	apart := fs.Bool("apart", false, "put the dateline on a line of its own")
	indent := fs.Bool("indent", false, "indent each story's first line too")
	signOff := fs.String("signoff", "", `the sign-off line (default " Reuter"; "none": no sign-off)`)
	asJSONL := fs.Bool("jsonl", false, "write the stories as one JSON Lines file (title, dateline, body) instead of wire logs")
	fs.Parse(args)
	if fs.NArg() != 2 {
		return fmt.Errorf("write needs CORPUS.jsonl and DIR")
	}
	stories, dup, err := readCorpus(fs.Arg(0))
	if err != nil {
		return err
	}
	if *sample > 0 && *sample < len(stories) {
		if *seed == 0 {
			*seed = rand.Uint64()%1_000_000 + 1
		}
		r := rand.New(rand.NewPCG(*seed, 0))
		r.Shuffle(len(stories), func(i, j int) { stories[i], stories[j] = stories[j], stories[i] })
		stories = stories[:*sample]
		fmt.Printf("sample: %d stories, seed %d\n", *sample, *seed)
	}
	fmt.Printf("stories: %d (%d repeating an earlier story's text left out), %d per log, dateline %s, first line %s, sign-off %q\n",
		len(stories), dup, *chunk, map[bool]string{true: "on its own line", false: "opening the body"}[*apart],
		map[bool]string{true: "indented", false: "not indented"}[*indent], *signOff)
	dir := filepath.Join(fs.Arg(1), "logs")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	m := manifest{Files: map[string][]expectedStory{}}
	if *asJSONL {
		return writeJSONL(stories, dir, fs.Arg(1), m)
	}
	for i := 0; i < len(stories); i += *chunk {
		part := stories[i:min(i+*chunk, len(stories))]
		var ws []wirelog.Story
		var exp []expectedStory
		for _, s := range part {
			w := wirelog.Story{Headline: s.Title, Dateline: s.Dateline, Body: s.Body}
			ws = append(ws, w)
			exp = append(exp, expectedStory{ID: s.ID, Headline: s.Title, Paras: wirelog.Expected(w)})
		}
		name := filepath.Join(dir, fmt.Sprintf("log-%05d.txt", i / *chunk + 1))
		if err := os.WriteFile(name, []byte(wirelog.Write(ws, wirelog.Style{DatelineApart: *apart, IndentFirst: *indent, SignOff: *signOff, NoSignOff: *signOff == "none"})), 0o644); err != nil {
			return err
		}
		m.Files[filepath.Base(name)] = exp
	}
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(fs.Arg(1), "expected.json"), data, 0o644)
}

// writeJSONL writes the stories as one JSON Lines file: each body, without
// its dateline, is read on its own, as a record's text field.
func writeJSONL(stories []corpusStory, dir, out string, m manifest) error {
	var b strings.Builder
	var exp []expectedStory
	for _, s := range stories {
		line, err := json.Marshal(s)
		if err != nil {
			return err
		}
		b.Write(line)
		b.WriteByte('\n')
		exp = append(exp, expectedStory{ID: s.ID, Headline: s.Title, Paras: wirelog.Expected(wirelog.Story{Body: s.Body})})
	}
	if err := os.WriteFile(filepath.Join(dir, "stories.jsonl"), []byte(b.String()), 0o644); err != nil {
		return err
	}
	m.Files["stories.jsonl"] = exp
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "expected.json"), data, 0o644)
}

// readCorpus reads the stories, leaving out a story whose text (sign-off
// and line breaks aside) repeats an earlier one's: the project keeps only
// one of them.
func readCorpus(path string) ([]corpusStory, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	seen := map[string]bool{}
	var out []corpusStory
	dup := 0
	for sc.Scan() {
		var s corpusStory
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return nil, 0, fmt.Errorf("%s: %v", path, err)
		}
		key := strings.Join(wirelog.Expected(wirelog.Story{Dateline: s.Dateline, Body: s.Body}), " ")
		if seen[key] || key == "" {
			dup++
			continue
		}
		seen[key] = true
		out = append(out, s)
	}
	return out, dup, sc.Err()
}

// article is one record of `attache-cli articles --json`.
type article struct {
	Title string `json:"title"`
	Body  string `json:"body"`
}

var (
	reportRe  = regexp.MustCompile(`^(.*): (?:imported (\d+)(?: \((\d+) duplicate\))?|(duplicate)|refused: (.*))$`)
	signOffRe = regexp.MustCompile(`(?:^|\s)(?:[Rr]euters?|REUTERS?|AP|AFP)(?:\.\.\.)?$|^\(?(?:Reporting|Writing|Editing) by |^--\s*$`)
)

// tally holds the measures.
type tally struct {
	stories, articles, filesRight, refused, duplicates int
	titles, signOffs, firstDiffer, lastDiffer, exact   int
	paraCountSame, parasExpected, parasSame, unmatched int
	wholeLogs, wholeStories                            int // logs of several stories made one article
}

// maxExamples is how many examples of each kind of miss score prints
// (WIREEVAL_EXAMPLES, default 3).
var maxExamples = 3

func score(dir, reportPath, articlesPath string) error {
	if n, err := strconv.Atoi(os.Getenv("WIREEVAL_EXAMPLES")); err == nil {
		maxExamples = n
	}
	var m manifest
	if err := readJSON(filepath.Join(dir, "expected.json"), &m); err != nil {
		return err
	}
	var arts []article
	if err := readJSON(articlesPath, &arts); err != nil {
		return err
	}
	report, err := os.ReadFile(reportPath)
	if err != nil {
		return err
	}
	var t tally
	next := 0
	examples := map[string][]string{}
	note := func(kind, s string) {
		if len(examples[kind]) < maxExamples {
			examples[kind] = append(examples[kind], s)
		}
	}
	for _, ln := range strings.Split(strings.TrimSpace(string(report)), "\n") {
		g := reportRe.FindStringSubmatch(ln)
		if g == nil {
			continue
		}
		exp := m.Files[filepath.Base(g[1])]
		t.stories += len(exp)
		if g[5] != "" || g[4] != "" {
			t.refused++
			continue
		}
		n, _ := strconv.Atoi(g[2])
		d, _ := strconv.Atoi(g[3])
		t.duplicates += d
		t.articles += n + d
		if next+n > len(arts) {
			return fmt.Errorf("the report names more articles than %s holds", articlesPath)
		}
		got := arts[next : next+n]
		next += n
		if n+d == len(exp) {
			t.filesRight++
		}
		if n+d == 1 && len(exp) > 1 {
			t.wholeLogs++
			t.wholeStories += len(exp)
		}
		for _, a := range got {
			paras := strings.Split(a.Body, "\n\n")
			if signOffRe.MatchString(paras[len(paras)-1]) {
				t.signOffs++
				note("sign-off kept", g[1]+": "+lastWords(a.Body, 8))
			}
		}
		t.compare(exp, got, note, g[1])
	}
	pct := func(a, b int) string {
		if b == 0 {
			return "-"
		}
		return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
	}
	fmt.Printf("stories expected:                %d in %d logs\n", t.stories, len(m.Files))
	fmt.Printf("articles made:                   %d (%d duplicate), logs with exactly their stories: %d of %d, refused logs: %d\n",
		t.articles, t.duplicates, t.filesRight, len(m.Files), t.refused)
	fmt.Printf("logs made one article:           %d (%d stories)\n", t.wholeLogs, t.wholeStories)
	fmt.Printf("headlines that became titles:    %d of %d (%s)\n", t.titles, t.stories, pct(t.titles, t.stories))
	fmt.Printf("bodies keeping a sign-off:       %d of %d articles\n", t.signOffs, t.articles)
	fmt.Printf("stories found in no article:     %d\n", t.unmatched)
	fmt.Printf("first words differ:              %d of %d stories\n", t.firstDiffer, t.stories)
	fmt.Printf("last words differ:               %d of %d stories\n", t.lastDiffer, t.stories)
	fmt.Printf("paragraph count agrees:          %d of %d stories (%s)\n", t.paraCountSame, t.stories, pct(t.paraCountSame, t.stories))
	fmt.Printf("paragraphs returned exactly:     %d of %d (%s)\n", t.parasSame, t.parasExpected, pct(t.parasSame, t.parasExpected))
	fmt.Printf("bodies exactly the story's text: %d of %d (%s)\n", t.exact, t.stories, pct(t.exact, t.stories))
	for _, k := range []string{"sign-off kept", "title", "first words", "last words", "paragraphs"} {
		for _, e := range examples[k] {
			fmt.Printf("  e.g. %s: %s\n", k, e)
		}
	}
	return nil
}

// compare matches each expected story of one log with the article sharing
// most of its words and counts how far they agree.
func (t *tally) compare(exp []expectedStory, got []article, note func(kind, s string), file string) {
	titles := map[string][]int{}
	for i, a := range got {
		titles[norm(a.Title)] = append(titles[norm(a.Title)], i)
	}
	for _, s := range exp {
		if len(titles[norm(s.Headline)]) > 0 {
			t.titles++
		} else {
			note("title", fmt.Sprintf("%s %s: %q", file, s.ID, s.Headline))
		}
		want := strings.Join(s.Paras, " ")
		t.parasExpected += len(s.Paras)
		// Articles titled with the headline are the candidates when there
		// are any; otherwise every article of the log is.
		cands := titles[norm(s.Headline)]
		if len(cands) == 0 {
			for i := range got {
				cands = append(cands, i)
			}
		}
		best, bestScore := -1, 0.0
		for _, i := range cands {
			if sc := overlap(want, got[i].Body); sc > bestScore {
				best, bestScore = i, sc
			}
		}
		if best < 0 || bestScore < 0.3 {
			t.unmatched++
			t.firstDiffer++
			t.lastDiffer++
			continue
		}
		body := got[best].Body
		if firstWords(body, 5) != firstWords(want, 5) {
			t.firstDiffer++
			note("first words", fmt.Sprintf("%s %s: %q, want %q", file, s.ID, firstWords(body, 8), firstWords(want, 8)))
		}
		if lastWords(body, 5) != lastWords(want, 5) {
			t.lastDiffer++
			note("last words", fmt.Sprintf("%s %s: %q, want %q", file, s.ID, lastWords(body, 8), lastWords(want, 8)))
		}
		paras := strings.Split(body, "\n\n")
		if len(paras) == len(s.Paras) {
			t.paraCountSame++
		} else {
			note("paragraphs", fmt.Sprintf("%s %s: %d, want %d", file, s.ID, len(paras), len(s.Paras)))
		}
		have := map[string]int{}
		for _, p := range paras {
			have[p]++
		}
		for _, p := range s.Paras {
			if have[p] > 0 {
				have[p]--
				t.parasSame++
			}
		}
		if body == strings.Join(s.Paras, "\n\n") {
			t.exact++
		}
	}
}

// overlap is the share of want's words found in got.
func overlap(want, got string) float64 {
	have := map[string]int{}
	for _, w := range strings.Fields(got) {
		have[w]++
	}
	ws := strings.Fields(want)
	n := 0
	for _, w := range ws {
		if have[w] > 0 {
			have[w]--
			n++
		}
	}
	if len(ws) == 0 {
		return 0
	}
	return float64(n) / float64(max(len(ws), len(strings.Fields(got))))
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

func lastWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[max(0, len(f)-n):], " ")
}

func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	return nil
}

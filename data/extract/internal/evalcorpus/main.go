// Command evalcorpus scores the output of `attache-cli extract` on a labelled
// wire corpus (the layout of ../shared/corpora/reuters-21578: articles.jsonl,
// labels.jsonl, places.tsv) with the measures its README defines, and scores
// a PLOVER-style gold set of sentences when one is given.
//
//	evalcorpus -corpus DIR -extracted OUT.jsonl [-plover GOLD.jsonl -plover-extracted OUT2.jsonl]
//
// scripts/eval-corpus.sh builds the CLI, runs it and calls this command.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	corpus := flag.String("corpus", "../shared/corpora/reuters-21578", "folder of the labelled corpus")
	extracted := flag.String("extracted", "", "JSONL output of attache-cli extract over the corpus")
	plover := flag.String("plover", "", "JSONL gold set of coded sentences (optional)")
	ploverOut := flag.String("plover-extracted", "", "JSONL output of attache-cli extract over the gold set")
	verbose := flag.Bool("v", false, "list the errors behind each figure")
	flag.IntVar(&exampleLimit, "examples", exampleLimit, "errors listed for each figure with -v")
	emit := flag.Bool("emit", false, "write the corpus as attache-cli extract input ({id, text, published}) to stdout and stop")
	flag.Parse()
	if *emit {
		if err := emitInput(*corpus); err != nil {
			fmt.Fprintln(os.Stderr, "evalcorpus:", err)
			os.Exit(1)
		}
		return
	}
	if *extracted == "" {
		fmt.Fprintln(os.Stderr, "evalcorpus: -extracted is required")
		os.Exit(2)
	}
	if err := run(*corpus, *extracted, *plover, *ploverOut, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "evalcorpus:", err)
		os.Exit(1)
	}
}

func run(corpus, extractedPath, plover, ploverOut string, verbose bool) error {
	artList, err := readJSONL[article](filepath.Join(corpus, "articles.jsonl"))
	if err != nil {
		return err
	}
	labelList, err := readJSONL[labels](filepath.Join(corpus, "labels.jsonl"))
	if err != nil {
		return err
	}
	arts := byID(artList, func(a article) string { return a.ID })
	labels := byID(labelList, func(l labels) string { return l.ID })
	places, err := readPlaces(filepath.Join(corpus, "places.tsv"))
	if err != nil {
		return err
	}
	outs, err := readJSONL[extracted](extractedPath)
	if err != nil {
		return err
	}
	cf, err := loadCountryForms()
	if err != nil {
		return err
	}
	s := score(arts, labels, places, outs, cf, verbose)
	s.print(os.Stdout)
	if plover != "" {
		p, err := scorePlover(plover, ploverOut, verbose)
		if err != nil {
			return err
		}
		p.print(os.Stdout)
	}
	return nil
}

// emitInput writes each story as a reader sees it, dateline first, in the
// order of articles.jsonl.
func emitInput(corpus string) error {
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	err := eachJSONL(filepath.Join(corpus, "articles.jsonl"), func(b []byte) error {
		var a article
		if err := json.Unmarshal(b, &a); err != nil {
			return err
		}
		return enc.Encode(map[string]string{"id": a.ID, "text": a.Text(), "published": a.Published})
	})
	if err != nil {
		return err
	}
	return w.Flush()
}

// eachJSONL calls fn with every non-blank line of path.
func eachJSONL(path string, fn func(line []byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		if err := fn(sc.Bytes()); err != nil {
			return fmt.Errorf("%s line %d: %w", path, n, err)
		}
	}
	return sc.Err()
}

// Command evalpdf measures PDF import against the PDF's own text layer as
// poppler's pdftotext reads it: for each PDF of a folder it prints the
// articles made with --split auto and --split none, precision, recall and F1
// of 4-word shingles, characters absent from the reference per 1,000, and
// the time taken to read the file (wall clock and CPU), then the means. scripts/eval-pdf.sh runs
// it.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/ingest/internal/shingle"
)

func main() {
	runs := flag.Int("runs", 3, "reads of each file; the fastest is reported")
	show := flag.String("dump", "", "write each imported body to this folder as NAME.txt")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: evalpdf [-runs N] [-dump DIR] [FOLDER|FILE.pdf...] (default ../shared/corpora/pdf)")
		flag.PrintDefaults()
	}
	flag.Parse()
	args := flag.Args()
	if len(args) == 0 {
		args = []string{"../shared/corpora/pdf"}
	}
	files, err := pdfFiles(args)
	if err == nil && len(files) == 0 {
		err = fmt.Errorf("no .pdf files in %s", strings.Join(args, " "))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "evalpdf:", err)
		os.Exit(1)
	}
	fmt.Printf("%-32s %5s %5s %6s %6s %6s %7s %8s %8s %8s\n", "file", "auto", "none", "F1", "prec", "recall", "junk/k", "seconds", "cpu s", "pdftotxt")
	var sumP, sumR float64
	failed := false
	for _, f := range files {
		r, err := measure(f, *runs, *show)
		if err != nil {
			fmt.Printf("%-32s %s\n", filepath.Base(f), err)
			failed = true
			continue
		}
		sumP += r.precision
		sumR += r.recall
		fmt.Printf("%-32s %5d %5d %6.3f %6.3f %6.3f %7.2f %8.3f %8.3f %8.3f\n", filepath.Base(f), r.auto, r.none,
			shingle.F1(r.precision, r.recall), r.precision, r.recall, r.junkPerK, r.seconds, r.cpu, r.refSeconds)
	}
	n := float64(len(files))
	p, rc := sumP/n, sumR/n
	fmt.Printf("%-32s %5s %5s %6.3f %6.3f %6.3f\n", "mean (refused score 0)", "", "", shingle.F1(p, rc), p, rc)
	if failed {
		os.Exit(1)
	}
}

// result is the measure of one PDF.
type result struct {
	auto, none          int
	precision, recall   float64
	junkPerK            float64
	seconds, refSeconds float64
	cpu                 float64 // user and system CPU seconds of the fastest read
}

func measure(path string, runs int, dump string) (result, error) {
	var r result
	start := time.Now()
	ref, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		return r, fmt.Errorf("pdftotext: %v", err)
	}
	r.refSeconds = time.Since(start).Seconds()
	var arts []string
	for i := range max(runs, 1) {
		cpu0 := cpuSeconds()
		start := time.Now()
		got, err := ingest.ReadFile(context.Background(), path, ingest.Options{})
		d := time.Since(start).Seconds()
		if err != nil {
			return r, err
		}
		if i == 0 || d < r.seconds {
			r.seconds, r.cpu = d, cpuSeconds()-cpu0
		}
		arts = arts[:0]
		for _, a := range got {
			arts = append(arts, a.Body)
		}
	}
	r.auto = len(arts)
	none, err := ingest.ReadFile(context.Background(), path, ingest.Options{Split: ingest.SplitNone})
	if err != nil {
		return r, err
	}
	r.none = len(none)
	body := strings.Join(arts, "\n\n")
	if dump != "" {
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + ".txt"
		if err := os.WriteFile(filepath.Join(dump, name), []byte(body), 0o644); err != nil {
			return r, err
		}
	}
	r.precision, r.recall = shingle.Overlap(body, string(ref))
	bad, total := shingle.Junk(body, string(ref))
	if total > 0 {
		r.junkPerK = 1000 * float64(bad) / float64(total)
	}
	return r, nil
}

// cpuSeconds is the user and system CPU time the process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// pdfFiles lists the PDFs named, folders read one level deep, in name order.
func pdfFiles(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		fi, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			out = append(out, a)
			continue
		}
		m, err := filepath.Glob(filepath.Join(a, "*.pdf"))
		if err != nil {
			return nil, err
		}
		sort.Strings(m)
		out = append(out, m...)
	}
	return out, nil
}

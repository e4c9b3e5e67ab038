// Package devcorpus reads the development corpus of real wire stories
// (Reuters-21578, kept outside the repository in
// ../shared/corpora/reuters-21578) for the benchmarks and the scripts that
// measure import speed. The stories may not be copied into the repository:
// they are read from where they are, and callers fall back to generated
// text when the corpus is not there.
package devcorpus

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// EnvDir names an environment variable that points at the corpus folder
// (the one holding articles.jsonl), overriding the search.
const EnvDir = "ATTACHE_CORPUS"

// relDir is where the corpus lives relative to the module's root.
const relDir = "../shared/corpora/reuters-21578"

// Story is one wire story as a reader sees it.
type Story struct {
	ID, Title, Published, Source string
	// Text is the dateline followed by the body ("SALVADOR, Feb 26 -
	// Showers continued…"), hard-wrapped as the wire printed it.
	Text string
}

// Dir returns the corpus folder: $ATTACHE_CORPUS when set, else
// ../shared/corpora/reuters-21578 beside the module root found above the
// working directory. ok is false when there is no articles.jsonl there.
func Dir() (dir string, ok bool) {
	if d := os.Getenv(EnvDir); d != "" {
		return d, exists(filepath.Join(d, "articles.jsonl"))
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for d := wd; ; d = filepath.Dir(d) {
		if exists(filepath.Join(d, "go.mod")) {
			dir = filepath.Join(d, relDir)
			return dir, exists(filepath.Join(dir, "articles.jsonl"))
		}
		if filepath.Dir(d) == d {
			return "", false
		}
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// Load reads up to max stories (all when max <= 0) from the corpus in dir,
// in file order.
func Load(dir string, max int) ([]Story, error) {
	f, err := os.Open(filepath.Join(dir, "articles.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("devcorpus: %w", err)
	}
	defer f.Close()
	var out []Story
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for line := 1; sc.Scan() && (max <= 0 || len(out) < max); line++ {
		var r struct {
			ID, Title, Published, Source, Dateline, Body string
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("devcorpus: %s line %d: %w", f.Name(), line, err)
		}
		text := r.Body
		if r.Dateline != "" {
			text = r.Dateline + " " + r.Body
		}
		out = append(out, Story{ID: r.ID, Title: r.Title, Published: r.Published, Source: r.Source, Text: text})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("devcorpus: %s: %w", f.Name(), err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("devcorpus: %s: no stories", f.Name())
	}
	return out, nil
}

// LoadDefault loads up to max stories from Dir(); ErrMissing when the
// corpus is not there.
func LoadDefault(max int) ([]Story, error) {
	dir, ok := Dir()
	if !ok {
		return nil, ErrMissing
	}
	return Load(dir, max)
}

// ErrMissing says the corpus is not on this machine.
var ErrMissing = fmt.Errorf("devcorpus: %w: set %s or place the corpus at %s beside the repository", fs.ErrNotExist, EnvDir, relDir)

// IsMissing reports whether err says the corpus is not on this machine.
func IsMissing(err error) bool { return errors.Is(err, ErrMissing) }

// WriteJSONL writes the stories as JSON Lines ({id, title, published,
// source, body} with the dateline opening the body), the file a user would
// import; it is the same file the sqlite3 shell loads in the import
// benchmark.
func WriteJSONL(path string, stories []Story) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("devcorpus: %w", err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, s := range stories {
		rec := struct {
			ID        string `json:"id"`
			Title     string `json:"title"`
			Published string `json:"published"`
			Source    string `json:"source"`
			Body      string `json:"body"`
		}{s.ID, s.Title, s.Published, s.Source, s.Text}
		if err := enc.Encode(rec); err != nil {
			f.Close()
			return fmt.Errorf("devcorpus: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("devcorpus: %w", err)
	}
	return f.Close()
}

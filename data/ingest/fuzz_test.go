package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzRead feeds data to the reader chosen by name's extension and checks
// what any caller relies on: no panic, either a refusal or articles the
// store accepts (non-empty, valid UTF-8 bodies, positions in order).
func fuzzRead(t *testing.T, name string, data []byte) {
	if len(data) > maxFuzzInput {
		return
	}
	arts, err := readBytes(name, data, Options{MaxFileSize: 1 << 20})
	if err != nil {
		if !errors.Is(err, ErrRefused) {
			t.Fatalf("error that is not a refusal: %v", err)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Fatalf("refusal is not one line: %q", err)
		}
		return
	}
	if len(arts) == 0 {
		t.Fatal("no articles and no error")
	}
	for i, a := range arts {
		if strings.TrimSpace(a.Body) == "" || !utf8.ValidString(a.Body) || !utf8.ValidString(a.Title) {
			t.Fatalf("article %d: empty or invalid body/title %q / %q", i, a.Body, a.Title)
		}
		if a.SourcePos != i {
			t.Fatalf("article %d has position %d", i, a.SourcePos)
		}
	}
}

// maxFuzzInput skips the fuzzer's largest inputs: on a shared machine they
// take seconds each under coverage instrumentation, and the cost of size is
// measured by the benchmarks instead.
const maxFuzzInput = 32 << 10

// addSeeds adds the fixtures matching pattern to the corpus.
func addSeeds(f *testing.F, patterns ...string) {
	for _, p := range patterns {
		files, _ := filepath.Glob(filepath.Join("testdata", p))
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
}

func FuzzSplit(f *testing.F) {
	addSeeds(f, "*.txt")
	f.Add([]byte("HEADLINE\n\nBODY: text\f* * *\n-- 30 --\nPhoto: AFP\nRead more\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			return
		}
		text := string(data)
		pieces := splitPieces(text, true, layoutAuto)
		for _, p := range pieces {
			if len(p.paras) == 0 {
				t.Fatal("empty piece")
			}
			for _, para := range p.paras {
				if para == "" || strings.Contains(para, "\n") {
					t.Fatalf("bad paragraph %q", para)
				}
				if utf8.ValidString(text) && !utf8.ValidString(para) {
					t.Fatalf("invalid UTF-8 from valid input: %q", para)
				}
			}
		}
		if one := splitPieces(text, false, layoutAuto); len(one) > 1 {
			t.Fatalf("split none gave %d pieces", len(one))
		}
		for _, p := range pieces {
			title := titleFrom(p.paras[0])
			if utf8.RuneCountInString(title) > maxTitle {
				t.Fatalf("title too long: %q", title)
			}
		}
	})
}

func FuzzText(f *testing.F) {
	addSeeds(f, "*.txt", "*.md")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.txt", data) })
}

func FuzzHTML(f *testing.F) {
	addSeeds(f, "*.html")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.html", data) })
}

func FuzzJSON(f *testing.F) {
	addSeeds(f, "*.json")
	f.Add([]byte(`[[[[{"body":"x"}]]]]`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.json", data) })
}

func FuzzJSONL(f *testing.F) {
	addSeeds(f, "*.jsonl")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.jsonl", data) })
}

func FuzzCSV(f *testing.F) {
	addSeeds(f, "*.csv", "*.tsv")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "f.csv", data)
		fuzzRead(t, "f.tsv", data)
	})
}

func FuzzFeed(f *testing.F) {
	addSeeds(f, "*.xml")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.xml", data) })
}

func FuzzEML(f *testing.F) {
	addSeeds(f, "*.eml")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.eml", data) })
}

func FuzzDOCX(f *testing.F) {
	addSeeds(f, "*.docx")
	f.Add(fuzzDocxSeed())
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.docx", data) })
}

func FuzzZip(f *testing.F) {
	addSeeds(f, "*.zip")
	f.Add(fuzzDocxSeed())
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.zip", data) })
}

func FuzzPDF(f *testing.F) {
	addSeeds(f, "*.pdf")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.pdf", data) })
}

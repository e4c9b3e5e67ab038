package main

import (
	"fmt"
	"os"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
)

// candidates are plain go-trafilatura library calls, the published reference
// the import is measured against: its text, nothing around it.
var candidates = map[string]trafilatura.Options{
	"trafilatura":           {},
	"trafilatura-fallback":  {EnableFallback: true, ExcludeComments: true},
	"trafilatura-precision": {EnableFallback: true, ExcludeComments: true, Focus: trafilatura.FavorPrecision},
	"trafilatura-recall":    {EnableFallback: true, ExcludeComments: true, Focus: trafilatura.FavorRecall},
}

// candidateText runs the candidate extractor on the page at path.
func candidateText(name, path string) (string, time.Duration, error) {
	opts, ok := candidates[name]
	if !ok {
		return "", 0, fmt.Errorf("no candidate %q", name)
	}
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	start := time.Now()
	r, err := trafilatura.Extract(f, opts)
	d := time.Since(start)
	if err != nil {
		return "", d, nil // nothing extracted: the page scores 0
	}
	return r.ContentText, d, nil
}

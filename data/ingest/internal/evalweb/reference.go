package main

import (
	"os"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
)

// referenceExtract runs go-trafilatura as a plain library call on the page at
// path, the published reference this reader is measured against.
func referenceExtract(path string, fallback, comments bool, focus trafilatura.ExtractionFocus) (string, time.Duration, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	start := time.Now()
	r, err := trafilatura.Extract(f, trafilatura.Options{EnableFallback: fallback, ExcludeComments: !comments, Focus: focus})
	d := time.Since(start)
	if err != nil {
		return "", d, nil
	}
	return r.ContentText, d, nil
}

package search_test

import (
	"slices"
	"testing"
	"time"

	"github.com/attache-app/attache/data/search"
	"github.com/sahilm/fuzzy"
)

// benchSet is 100,000 names and aliases with the seed's entities, and
// realistic queries over them.
func benchSet() ([]search.Entry, []string, []string) {
	entries := append(generatedEntries(100_000, 7), allEntries()...)
	var keys []string
	for _, e := range entries {
		keys = append(keys, search.Fold(e.Name))
		for _, a := range e.Aliases {
			keys = append(keys, search.Fold(a))
		}
	}
	return entries, keys, queries(generatedNames(2000, 99), 200, 5)
}

// BenchmarkIndexFind measures Index.Find, one query per iteration, cycling
// through 200 realistic queries.
func BenchmarkIndexFind(b *testing.B) {
	entries, _, qs := benchSet()
	ix := search.NewIndex(entries)
	i := 0
	for b.Loop() {
		ix.Find(qs[i%len(qs)], 10)
		i++
	}
}

// BenchmarkPlainFuzzyFind measures fuzzy.Find over the same names with the
// same queries, for comparison.
func BenchmarkPlainFuzzyFind(b *testing.B) {
	_, keys, qs := benchSet()
	i := 0
	for b.Loop() {
		fuzzy.Find(qs[i%len(qs)], keys)
		i++
	}
}

// BenchmarkNewIndex measures building the index over 100,000 names.
func BenchmarkNewIndex(b *testing.B) {
	entries, _, _ := benchSet()
	for b.Loop() {
		search.NewIndex(entries)
	}
}

// BenchmarkIndexFindMedian runs all 200 queries per iteration and reports
// the median time of one query (the target is under 3 ms).
func BenchmarkIndexFindMedian(b *testing.B) {
	entries, _, qs := benchSet()
	ix := search.NewIndex(entries)
	var ds []time.Duration
	for b.Loop() {
		for _, q := range qs {
			t := time.Now()
			ix.Find(q, 10)
			ds = append(ds, time.Since(t))
		}
	}
	slices.Sort(ds)
	b.ReportMetric(float64(ds[len(ds)/2].Microseconds()), "median-µs/query")
	b.ReportMetric(float64(ds[len(ds)*9/10].Microseconds()), "p90-µs/query")
}

// BenchmarkPlainFuzzyFindMedian is BenchmarkIndexFindMedian for plain
// fuzzy.Find over the same names.
func BenchmarkPlainFuzzyFindMedian(b *testing.B) {
	_, keys, qs := benchSet()
	var ds []time.Duration
	for b.Loop() {
		for _, q := range qs {
			t := time.Now()
			fuzzy.Find(q, keys)
			ds = append(ds, time.Since(t))
		}
	}
	slices.Sort(ds)
	b.ReportMetric(float64(ds[len(ds)/2].Microseconds()), "median-µs/query")
	b.ReportMetric(float64(ds[len(ds)*9/10].Microseconds()), "p90-µs/query")
}

//go:build race

package search_test

// raceEnabled is true when the tests run under the race detector, which makes
// the exhaustive comparisons with plain fuzzy ten times slower; they then run on
// a smaller sample (make test also runs them in full without -race).
const raceEnabled = true

package extract_test

import (
	"testing"
)

// BenchmarkExtract codes a realistic corpus: the seed articles and every
// development-set sentence, each with its publication date. Reported MB/s is
// the text coded per second on one core.
func BenchmarkExtract(b *testing.B) {
	x := newExtractor(b)
	recs, texts := loadDevSet(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, t := range texts {
			x.Extract(t, recs[i].Published)
		}
	}
}

// BenchmarkExtractSeed codes the five seed articles (about 12 KB of news
// prose, one long article and four teasers).
func BenchmarkExtractSeed(b *testing.B) {
	x := newExtractor(b)
	arts := seedArticles(b)
	size := 0
	for _, a := range arts {
		size += len(a)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, a := range arts {
			x.Extract(a, seedPublished[i])
		}
	}
}

package extract_test

import (
	"testing"
)

// BenchmarkExtract codes a realistic corpus: the seed articles and every
// development-set sentence, each with its publication date. Reported MB/s is
// the text coded per second on one core.
func BenchmarkExtract(b *testing.B) {
	recs, texts := loadDevSet(b)
	published := make([]string, len(recs))
	for i, r := range recs {
		published[i] = r.Published
	}
	benchmarkTexts(b, texts, published)
}

// BenchmarkExtractSeed codes the five seed articles (about 12 KB of news
// prose, one long article and four teasers).
func BenchmarkExtractSeed(b *testing.B) {
	benchmarkTexts(b, seedArticles(b), seedPublished)
}

// benchmarkTexts extracts every text, published on its date, in each round.
func benchmarkTexts(b *testing.B, texts, published []string) {
	x := newExtractor(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, t := range texts {
			x.Extract(t, published[i])
		}
	}
}

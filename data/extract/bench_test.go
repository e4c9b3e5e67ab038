package extract_test

import (
	"bufio"
	"encoding/json"
	"os"
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

// BenchmarkExtractWire codes the first 2,000 stories of the shared Reuters
// development corpus as a reader sees them (dateline, then body); reported
// stories/s is the rate on one core.
func BenchmarkExtractWire(b *testing.B) {
	f, err := os.Open("../../../shared/corpora/reuters-21578/articles.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var texts, published []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() && len(texts) < 2000 {
		var a struct{ Dateline, Body, Published string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		texts = append(texts, a.Dateline+" "+a.Body)
		published = append(published, a.Published)
	}
	benchmarkTexts(b, texts, published)
	b.ReportMetric(float64(len(texts)*b.N)/b.Elapsed().Seconds(), "stories/s")
}

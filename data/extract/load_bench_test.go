package extract

import "testing"

// BenchmarkLoadDictionaries measures what the first New pays: reading and
// indexing the embedded gazetteer (countries, organisations, people,
// PETRARCH2 actors, regions, GeoNames cities) and the event lexicon.
func BenchmarkLoadDictionaries(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		lx, err := loadLexicon()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := loadGazetteer(lx); err != nil {
			b.Fatal(err)
		}
	}
}

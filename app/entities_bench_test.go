package app

import (
	"fmt"
	"testing"

	"github.com/attache-app/attache/data/model"
)

// BenchmarkEntityList300k measures the Entities pane's work on a project of
// 300,000 entities: indexing them and ranking them by mentions once they are
// read (off the UI goroutine), then listing them with no query, with a kind
// filter and with a fuzzy query (on the UI goroutine, at each keystroke).
func BenchmarkEntityList300k(b *testing.B) {
	kinds := model.EntityKinds()
	all := make([]model.Entity, 300000)
	for i := range all {
		all[i] = model.Entity{ID: int64(i + 1), Name: fmt.Sprintf("%s %s %d", benchGiven[i%len(benchGiven)], benchFamily[(i/7)%len(benchFamily)], i),
			Kind: kinds[i%len(kinds)], Country: "USA", Mentions: (i * 7919) % 500}
	}
	b.Run("index", func(b *testing.B) {
		for b.Loop() {
			newEntityList(all, entityList{})
		}
	})
	l := newEntityList(all, entityList{})
	b.Run("reload-unchanged", func(b *testing.B) {
		for b.Loop() {
			newEntityList(all, l)
		}
	})
	for _, bc := range []struct{ name, query, kind string }{
		{"no-query", "", allKinds}, {"kind", "", "person"}, {"fuzzy", "mrub", allKinds},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var n int
			for b.Loop() {
				n = len(entityRows(l.all, l.byID, l.ix, l.ranked, l.byKind, bc.query, bc.kind))
			}
			b.ReportMetric(float64(n), "rows")
		})
	}
}

var (
	benchGiven  = []string{"Marco", "Xi", "Angela", "Emmanuel", "Narendra", "Luiz", "Olaf", "Fumio", "Yoon", "Cyril", "Jacinda", "Pedro"}
	benchFamily = []string{"Rubio", "Jinping", "Merkel", "Macron", "Modi", "Lula", "Scholz", "Kishida", "Suk-yeol", "Ramaphosa", "Ardern", "Sanchez"}
)

package sqlite_test

import (
	"strings"
	"testing"

	"github.com/attache-app/attache/data/store"
)

// TestArticleListOrdersReadAnIndex checks that every order of the article
// list is read from an index: sorting a million rows (bodies and all) in
// a temporary tree takes seconds, reading an index a fraction of that.
func TestArticleListOrdersReadAnIndex(t *testing.T) {
	s, _ := openTemp(t)
	for _, sort := range []store.ArticleSort{store.ByImport, store.ByDate, store.ByTitle} {
		for _, desc := range []bool{false, true} {
			plan, err := s.ArticleIDsPlan(store.ArticleFilter{Sort: sort, Desc: desc})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(plan, "TEMP B-TREE") || !strings.Contains(plan, "INDEX") {
				t.Errorf("sort %d, descending %v: the list is sorted row by row:\n%s", sort, desc, plan)
			}
		}
	}
}

package sqlite

import (
	"strings"
	"unicode/utf8"

	"github.com/attache-app/attache/data/store/internal/textsearch"
)

// ftsQuery is a user query translated to FTS5 MATCH expressions: latin for
// articles_fts, cjk (bigram phrases) for articles_cjk; the parsed query
// marks the hits.
type ftsQuery struct {
	latin, cjk string
	textsearch.Query
}

func (q ftsQuery) empty() bool { return q.latin == "" && q.cjk == "" }

// parseQuery turns what an analyst typed into safe FTS5 expressions. Every
// term is quoted, so no input can cause an FTS5 syntax error.
func parseQuery(input string) ftsQuery {
	q := textsearch.Parse(input)
	var latin, cjk []string
	for _, t := range q.Terms {
		switch {
		case t.CJK && utf8.RuneCountInString(t.Text) == 1:
			cjk = append(cjk, `"`+t.Text+`"*`)
		case t.CJK:
			cjk = append(cjk, `"`+strings.Join(textsearch.Bigrams(t.Text), " ")+`"`)
		default:
			term := `"` + strings.ReplaceAll(t.Text, `"`, `""`) + `"`
			if t.Prefix {
				term += "*"
			}
			latin = append(latin, term)
		}
	}
	return ftsQuery{latin: strings.Join(latin, " "), cjk: strings.Join(cjk, " "), Query: q}
}

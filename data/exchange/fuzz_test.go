package exchange_test

import (
	"os"
	"testing"
	"unicode/utf8"

	"github.com/attache-app/attache/data/exchange"
)

// FuzzReadQDE feeds arbitrary bytes to the project.qde reader. It must
// never panic, and whatever it accepts must be something the store can
// import: non-empty UTF-8 bodies, spans inside them, tags and parents that
// exist.
func FuzzReadQDE(f *testing.F) {
	seed, err := os.ReadFile("testdata/qda-project/project.qde")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(goodQDE("internal://a.txt")))
	f.Add([]byte(qdeHead + `<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources><TextSource guid="a" name="x">` +
		`<PlainTextContent>台灣 🇹🇼 ok</PlainTextContent><PlainTextSelection guid="b" startPosition="1" endPosition="4"><Coding guid="c"><CodeRef targetGUID="d"/></Coding></PlainTextSelection>` +
		`<Coding guid="e"><CodeRef targetGUID="d"/></Coding></TextSource></Sources></Project>`))
	f.Add([]byte(qdeHead + `<!DOCTYPE Project [<!ENTITY a "x">]><Project xmlns="urn:QDA-XML:project:1.0" name="&a;"/>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := exchange.ReadBytes("project.qde", data)
		if err != nil {
			return
		}
		checkDocument(t, doc)
	})
}

// FuzzReadQDC does the same for codebooks.
func FuzzReadQDC(f *testing.F) {
	f.Add([]byte(qdeHead + `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="a" name="x" isCodable="true" color="#abc"><Code guid="b" name="y" isCodable="false"/></Code></Codes></CodeBook>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := exchange.ReadBytes("codes.qdc", data)
		if err != nil {
			return
		}
		checkDocument(t, doc)
	})
}

func checkDocument(t *testing.T, doc *exchange.Document) {
	t.Helper()
	x := doc.Exchange
	for i, tg := range x.Tags {
		if tg.Parent < -1 || tg.Parent >= i || tg.Name == "" {
			t.Fatalf("tag %d %+v: bad parent or empty name", i, tg)
		}
	}
	for _, a := range x.Articles {
		if !utf8.ValidString(a.Article.Body) || a.Article.Body == "" {
			t.Fatalf("article %q: empty or invalid body", a.Article.Title)
		}
		n := utf8.RuneCountInString(a.Article.Body)
		for _, p := range a.Passages {
			if p.Start < 0 || p.Start >= p.End || p.End > n {
				t.Fatalf("article %q: span %d–%d outside 0–%d", a.Article.Title, p.Start, p.End, n)
			}
			for _, tg := range p.Tags {
				if tg < 0 || tg >= len(x.Tags) {
					t.Fatalf("article %q: tag %d of %d", a.Article.Title, tg, len(x.Tags))
				}
			}
		}
	}
}

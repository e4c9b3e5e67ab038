// Package gen generates JSON Lines files of news-like articles for the
// import benchmarks.
package gen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
)

var (
	actors = []string{"Beijing", "Washington", "Tokyo", "Seoul", "Moscow", "Kyiv", "Brussels", "Ankara", "New Delhi",
		"the foreign minister", "the prime minister", "the defence ministry", "a senior diplomat", "the envoy"}
	verbs = []string{"said", "warned", "agreed", "announced", "rejected", "welcomed", "criticised", "proposed",
		"signed", "hosted", "urged", "accused", "met", "called for", "pledged"}
	objects = []string{"new talks on trade", "a ceasefire along the border", "sanctions on steel exports",
		"a joint statement on maritime security", "the visit of a delegation", "an aid package for the region",
		"military drills near the strait", "a summit later this year", "closer ties with its neighbours"}
	times = []string{"on Monday", "on Tuesday", "on Wednesday", "late on Thursday", "on Friday", "this week", "last month"}
)

func sentence(r *rand.Rand) string {
	a := actors[r.IntN(len(actors))]
	return strings.ToUpper(a[:1]) + a[1:] + " " + verbs[r.IntN(len(verbs))] + " " +
		objects[r.IntN(len(objects))] + " " + times[r.IntN(len(times))] + "."
}

// record is one generated article as written to JSON Lines.
type record struct {
	Title     string `json:"title"`
	Body      string `json:"body"`
	Published string `json:"published"`
	Source    string `json:"source"`
	URL       string `json:"url"`
}

// WriteJSONL writes n generated articles of about size bytes of body each
// as JSON Lines to path. The output is the same for the same n and size.
func WriteJSONL(path string, n, size int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range n {
		var b strings.Builder
		for b.Len() < size {
			if b.Len() > 0 {
				if r.IntN(4) == 0 {
					b.WriteString("\n\n")
				} else {
					b.WriteByte(' ')
				}
			}
			b.WriteString(sentence(r))
		}
		fmt.Fprintf(&b, " (Item %d.)", i)
		rec := record{
			Title:     strings.TrimSuffix(sentence(r), "."),
			Body:      b.String(),
			Published: fmt.Sprintf("2025-%02d-%02d", r.IntN(12)+1, r.IntN(28)+1),
			Source:    "Generated Wire",
			URL:       fmt.Sprintf("https://wire.example/%d", i),
		}
		if err := enc.Encode(rec); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

package extract_test

import (
	"strings"
	"testing"

	"github.com/attache-app/attache/resources"
)

// Every country of the curated table is found by its name, each other name,
// demonym and capital, written the way news writes them.
func TestEveryCountryIsFound(t *testing.T) {
	x := newExtractor(t)
	raw, err := resources.GazetteerFile(resources.GazetteerCountries)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(raw), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		code := f[0]
		n++
		var forms []string
		forms = append(forms, "Officials in "+f[1]+" said it would wait.")
		for i, tmpl := range []string{"Officials in %s said it would wait.", "%s officials said they would wait.", "Officials in %s said it would wait."} {
			if i+2 >= len(f) || f[i+2] == "" {
				continue
			}
			for _, name := range strings.Split(f[i+2], "|") {
				forms = append(forms, strings.Replace(tmpl, "%s", name, 1))
			}
		}
		for _, text := range forms {
			r := x.Extract(text, "2025-01-01")
			found := false
			for _, e := range r.Entities {
				found = found || e.Country == code
			}
			if !found {
				t.Errorf("%s not found in %q", code, text)
			}
		}
	}
	if n < 195 {
		t.Errorf("the table has %d countries, want all ~200", n)
	}
}

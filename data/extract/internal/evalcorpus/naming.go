package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/resources"
)

// countryForms maps a folded name to how it names a country in the
// curated country table: "own name" (its name or another name of it),
// "demonym" or "capital".
type countryForms map[string]string

func loadCountryForms() (countryForms, error) {
	b, err := resources.GazetteerFile(resources.GazetteerCountries)
	if err != nil {
		return nil, err
	}
	m := countryForms{}
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		for col, form := range map[int]string{1: "own name", 2: "own name", 3: "demonym", 4: "capital"} {
			if col >= len(f) {
				continue
			}
			for _, n := range strings.Split(f[col], "|") {
				if n = strings.ToLower(strings.TrimSpace(n)); n != "" && m[n] == "" {
					m[n] = form
				}
			}
		}
	}
	return m, nil
}

// naming tells how a story named a country it was not labelled with, from
// the entities that carry the country (kind and text of their first
// mention): in the dateline, by its own name, a demonym, a capital, a city
// or province standing for it, a place of it, or only as the country of an
// organisation or a person.
func (cf countryForms) naming(ents []namedAs, datelineEnd int) string {
	best := ""
	rank := map[string]int{"dateline": 0, "own name": 1, "demonym": 2, "capital": 3, "city or province as the country": 4, "city or region": 5, "organisation": 6, "person": 7}
	for _, e := range ents {
		k := ""
		switch {
		case e.start < datelineEnd:
			k = "dateline"
		case e.kind == model.KindCountry && cf[strings.ToLower(strings.Join(strings.Fields(e.text), " "))] != "":
			k = cf[strings.ToLower(strings.Join(strings.Fields(e.text), " "))]
		case e.kind == model.KindCountry:
			k = "city or province as the country"
		case e.kind == model.KindPlace:
			k = "city or region"
		case e.kind == model.KindOrganisation:
			k = "organisation"
		default:
			k = "person"
		}
		if best == "" || rank[k] < rank[best] {
			best = k
		}
	}
	return best
}

// namedAs is an entity's kind and the text and start of its first mention.
type namedAs struct {
	kind  model.EntityKind
	text  string
	start int
}

// namingLine prints the counts of false countries by naming, most first.
func namingLine(counts map[string]int) string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, counts[k])
	}
	return strings.Join(parts, ", ")
}

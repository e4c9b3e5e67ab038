package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/attache-app/attache/data/model"
)

type article struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Dateline  string `json:"dateline"`
	Body      string `json:"body"`
}

// Text is the story as a reader sees it: the dateline opens the first line.
func (a article) Text() string {
	if a.Dateline == "" {
		return a.Body
	}
	return a.Dateline + " " + a.Body
}

type labels struct {
	ID     string   `json:"id"`
	Places []string `json:"places"`
	Topics []string `json:"topics"`
}

type party struct {
	Name    string           `json:"name"`
	Kind    model.EntityKind `json:"kind"`
	Country string           `json:"country"`
}

type extracted struct {
	ID       string `json:"id"`
	Entities []struct {
		Name    string           `json:"name"`
		Kind    model.EntityKind `json:"kind"`
		Country string           `json:"country"`
		Start   int              `json:"start"`
		End     int              `json:"end"`
	} `json:"entities"`
	Events []struct {
		Actor     []party `json:"actor"`
		Recipient []party `json:"recipient"`
		Event     string  `json:"event"`
		CAMEO     string  `json:"cameo"`
		Date      string  `json:"date"`
		DateText  string  `json:"date_text"`
		DateBasis string  `json:"date_basis"`
		Location  string  `json:"location"`
		Start     int     `json:"start"`
		End       int     `json:"end"`
	} `json:"events"`
}

// readJSONL decodes every line of path as a T.
func readJSONL[T any](path string) ([]T, error) {
	var out []T
	return out, eachJSONL(path, func(b []byte) error {
		var v T
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		out = append(out, v)
		return nil
	})
}

// byID indexes records by their id.
func byID[T any](recs []T, id func(T) string) map[string]T {
	m := make(map[string]T, len(recs))
	for _, r := range recs {
		m[id(r)] = r
	}
	return m
}

// readPlaces maps a place label to the country codes accepted for it.
func readPlaces(path string) (map[string][]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m := map[string][]string{}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.SplitN(line, "\t", 2)
		if len(f) == 2 {
			m[f[0]] = strings.Fields(f[1])
		}
	}
	return m, nil
}

type corpusScore struct {
	stories                    int
	labelled, found            int // place labels with a code, found among extracted countries
	extractedN, extractedOK    int // extracted countries per story, labelled ones
	persons, cutShort          int
	earnAcq, earnAcqEvents     int
	events, noPolitical        int
	farFuture, farFutureUncued int
	falseNaming                map[string]int // extracted countries not labelled, by how the story named them
	examples                   map[string][]string
}

// exampleLimit bounds the errors listed for each figure.
var exampleLimit = 40

func (s *corpusScore) example(kind, text string) {
	if len(s.examples[kind]) < exampleLimit {
		s.examples[kind] = append(s.examples[kind], text)
	}
}

func score(arts map[string]article, lab map[string]labels, places map[string][]string, outs []extracted, cf countryForms, verbose bool) *corpusScore {
	s := &corpusScore{examples: map[string][]string{}, falseNaming: map[string]int{}}
	for _, o := range outs {
		a, ok := arts[o.ID]
		if !ok {
			continue
		}
		l := lab[o.ID]
		s.stories++
		text := []rune(a.Text())
		got := map[string]bool{}
		for _, e := range o.Entities {
			if e.Country != "" {
				got[e.Country] = true
			}
			if e.Kind == model.KindPerson {
				s.persons++
				if cutShort(text, e.Start, e.End) {
					s.cutShort++
					s.example("cut", fmt.Sprintf("%s %q in %q", o.ID, e.Name, context(text, e.Start, e.End)))
				}
			}
		}
		accepted := map[string]bool{}
		for _, p := range l.Places {
			codes := places[p]
			if len(codes) == 0 {
				continue
			}
			s.labelled++
			hit := false
			for _, c := range codes {
				accepted[c] = true
				hit = hit || got[c]
			}
			if hit {
				s.found++
			} else {
				s.example("missed", fmt.Sprintf("%s %s (%s) %q", o.ID, p, a.Dateline, firstWords(a.Body, 12)))
			}
		}
		for c := range got {
			s.extractedN++
			if accepted[c] {
				s.extractedOK++
			} else {
				names := []string{}
				var as []namedAs
				for _, e := range o.Entities {
					if e.Country == c {
						names = append(names, e.Name+"/"+e.Kind.Label()+"@"+string(text[e.Start:e.End]))
						as = append(as, namedAs{kind: e.Kind, text: string(text[e.Start:e.End]), start: e.Start})
					}
				}
				s.falseNaming[cf.naming(as, len([]rune(a.Dateline)))]++
				s.example("false", fmt.Sprintf("%s %s %v labels=%v", o.ID, c, names, l.Places))
			}
		}
		if onlyEarnAcq(l.Topics) {
			s.earnAcq++
			s.earnAcqEvents += len(o.Events)
			for _, ev := range o.Events {
				s.example("earnacq", fmt.Sprintf("%s %s %v -> %v %q", o.ID, ev.CAMEO, ev.Actor, ev.Recipient, string(text[ev.Start:min(ev.End, len(text))])))
			}
		}
		pub, _ := time.Parse("2006-01-02", a.Published[:min(10, len(a.Published))])
		limit := pub.AddDate(2, 0, 0).Format("2006-01-02")
		for _, ev := range o.Events {
			s.events++
			if !political(ev.Actor) && !political(ev.Recipient) {
				s.noPolitical++
			}
			if ev.Date > limit {
				s.farFuture++
				if !scheduled(string(text[ev.Start:min(ev.End, len(text))])) {
					s.farFutureUncued++
				}
				s.example("future", fmt.Sprintf("%s %s %q %q", o.ID, ev.Date, ev.DateText, string(text[ev.Start:min(ev.End, len(text))])))
			}
		}
	}
	if !verbose {
		s.examples = nil
	}
	return s
}

// political reports whether one of the parties is a country, or carries a
// country (a government body, an official, a party).
func political(ps []party) bool {
	for _, p := range ps {
		if p.Kind == model.KindCountry || p.Country != "" {
			return true
		}
	}
	return false
}

// scheduled reports whether a sentence says the event is planned ahead.
func scheduled(s string) bool {
	s = strings.ToLower(s)
	for _, w := range []string{"will ", "would ", "scheduled", "planned", "plans ", "expected to", "is to ", "are to "} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func onlyEarnAcq(topics []string) bool {
	if len(topics) == 0 {
		return false
	}
	for _, t := range topics {
		if t != "earn" && t != "acq" {
			return false
		}
	}
	return true
}

// notNameWords may follow a person's name capitalised without being part of it.
var notNameWords = map[string]bool{
	"administration": true, "government": true, "said": true, "jr": true, "jr.": true, "sr.": true,
	"corp": true, "inc": true, "co": true, "ltd": true, "group": true, "cabinet": true, "plan": true,
	"and": true, "the": true, "of": true, "in": true, "on": true, "at": true, "reuter": true,
}

// cutShort reports whether a person mention stops short of the name as
// written: a middle initial or another capitalised name word follows it on
// the same line or across one line break, or a single-word mention is the
// first word of a longer capitalised name.
func cutShort(text []rune, start, end int) bool {
	if start < 0 || end > len(text) || start >= end {
		return false
	}
	next := nextWord(text, end)
	if next == "" {
		return false
	}
	if len(next) == 2 && next[1] == '.' && unicode.IsUpper(rune(next[0])) {
		return true // "John C. Emery"
	}
	r, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsUpper(r) || notNameWords[strings.ToLower(next)] || isUpperWord(next) || isMonthOrDay(next) {
		return false
	}
	single := !strings.ContainsAny(string(text[start:end]), " \n")
	return single
}

func isUpperWord(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

func isMonthOrDay(s string) bool {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	for _, m := range []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
		"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		if s == m {
			return true
		}
	}
	return false
}

// nextWord returns the word after rune offset i when only spaces and at most
// one line break separate it; a trailing period of an initial is kept.
func nextWord(text []rune, i int) string {
	nl := 0
	for i < len(text) && unicode.IsSpace(text[i]) {
		if text[i] == '\n' {
			nl++
		}
		i++
	}
	if nl > 1 || i >= len(text) {
		return ""
	}
	j := i
	for j < len(text) && (unicode.IsLetter(text[j]) || text[j] == '-' || text[j] == '\'') {
		j++
	}
	if j < len(text) && text[j] == '.' && j-i == 1 {
		j++
	}
	return string(text[i:j])
}

func context(text []rune, a, b int) string {
	return strings.ReplaceAll(string(text[max(0, a-30):min(len(text), b+30)]), "\n", "⏎")
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

func (s *corpusScore) print(w io.Writer) {
	fmt.Fprintf(w, "stories                         %d\n", s.stories)
	fmt.Fprintf(w, "countries recall                %.3f (%d/%d labelled places found)\n", frac(s.found, s.labelled), s.found, s.labelled)
	fmt.Fprintf(w, "countries precision             %.3f (%d/%d extracted countries labelled)\n", frac(s.extractedOK, s.extractedN), s.extractedOK, s.extractedN)
	fmt.Fprintf(w, "  not labelled, named by        %s\n", namingLine(s.falseNaming))
	fmt.Fprintf(w, "person mentions cut short       %.2f%% (%d/%d person entities)\n", 100*frac(s.cutShort, s.persons), s.cutShort, s.persons)
	fmt.Fprintf(w, "events per 100 earn/acq stories %.2f (%d events in %d stories)\n", 100*frac(s.earnAcqEvents, s.earnAcq), s.earnAcqEvents, s.earnAcq)
	fmt.Fprintf(w, "events per 100 stories          %.2f (%d events)\n", 100*frac(s.events, s.stories), s.events)
	fmt.Fprintf(w, "events without a political side %d\n", s.noPolitical)
	fmt.Fprintf(w, "events dated >2y after story    %d (%d without a scheduling word)\n", s.farFuture, s.farFutureUncued)
	kinds := make([]string, 0, len(s.examples))
	for k := range s.examples {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		fmt.Fprintf(w, "\n# %s\n", k)
		for _, e := range s.examples[k] {
			fmt.Fprintln(w, "  "+e)
		}
	}
}

func frac(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

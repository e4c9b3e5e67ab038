package extract_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/extract"
	"github.com/attache-app/attache/data/model"
)

// seedPublished are the publication dates of the seed articles as printed
// ("" where the seed does not say).
var seedPublished = []string{"2025-01-18", "2025-06-20", "", "", "2025-06-24"}

func entityNames(r extract.Result, ids []int) []string {
	var out []string
	for _, id := range ids {
		out = append(out, r.Entities[id].Name)
	}
	slices.Sort(out)
	return out
}

// findEvent returns the first event of the given type whose actors and
// recipients include the given names.
func findEvent(r extract.Result, typ model.EventType, actors, recips []string) (extract.Event, bool) {
	for _, ev := range r.Events {
		if ev.Type != typ {
			continue
		}
		a, rc := entityNames(r, ev.Actors), entityNames(r, ev.Recipients)
		ok := true
		for _, n := range actors {
			ok = ok && slices.Contains(a, n)
		}
		for _, n := range recips {
			ok = ok && slices.Contains(rc, n)
		}
		if ok {
			return ev, true
		}
	}
	return extract.Event{}, false
}

func TestSeedEvents(t *testing.T) {
	x := newExtractor(t)
	arts := seedArticles(t)
	if len(arts) != 5 {
		t.Fatalf("seed split into %d articles, want 5", len(arts))
	}
	res := make([]extract.Result, len(arts))
	for i, a := range arts {
		res[i] = x.Extract(a, seedPublished[i])
	}
	firstSentence := "US president-elect Donald Trump and Chinese President Xi Jinping (習近平) discussed Taiwan, trade, fentanyl and TikTok in a phone call on Friday"

	tests := []struct {
		name            string
		art             int
		typ             model.EventType
		actors, recips  []string
		cameo, mode     string
		date            string
		precision       model.Precision
		textHas         string
		actorCountry    string
		summaryHas      string
		wantStartAtZero bool
	}{
		{name: "phone call", art: 0, typ: "CONSULT", actors: []string{"Donald Trump", "Xi Jinping"}, cameo: "041", mode: "phone",
			date: "2025-01-17", precision: "day", textHas: firstSentence, wantStartAtZero: true},
		{name: "Xi urges Trump", art: 0, typ: "REQUEST", actors: []string{"Xi Jinping"}, recips: []string{"Donald Trump"}, textHas: "with prudence"},
		{name: "Rubio accuses China", art: 0, typ: "ACCUSE", actors: []string{"Marco Rubio"}, recips: []string{"China"}, actorCountry: "USA"},
		{name: "Trump threatens tariffs", art: 0, typ: "THREATEN", actors: []string{"Donald Trump"}, recips: []string{"China"}, textHas: "tariffs"},
		{name: "Biden export limits", art: 0, typ: "SANCTION", actors: []string{"Joe Biden"}, recips: []string{"China"}, actorCountry: "USA", textHas: "electric vehicles"},
		{name: "Canada-EU pact", art: 4, typ: "SUPPORT", actors: []string{"Canada", "European Union"}, cameo: "057", date: "2025-06-23", precision: "day"},
		{name: "NZ suspends aid", art: 1, typ: "SANCTION", actors: []string{"New Zealand"}, recips: []string{"Cook Islands"}, cameo: "1621",
			date: "2025-06-19", precision: "day", summaryHas: "announcement"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := res[tc.art]
			ev, ok := findEvent(r, tc.typ, tc.actors, tc.recips)
			if !ok {
				var got []string
				for _, e := range r.Events {
					got = append(got, e.Summary)
				}
				t.Fatalf("no %s event %v -> %v; events:\n%s", tc.typ, tc.actors, tc.recips, strings.Join(got, "\n"))
			}
			if tc.cameo != "" && ev.CAMEO != tc.cameo {
				t.Errorf("CAMEO = %q, want %q", ev.CAMEO, tc.cameo)
			}
			if tc.mode != "" && ev.Mode != tc.mode {
				t.Errorf("mode = %q, want %q", ev.Mode, tc.mode)
			}
			if tc.date != "" && (ev.Date != tc.date || ev.Precision != tc.precision) {
				t.Errorf("date = %s (%s), want %s (%s)", ev.Date, ev.Precision, tc.date, tc.precision)
			}
			if tc.textHas != "" && !strings.Contains(ev.Text, tc.textHas) {
				t.Errorf("text %q lacks %q", ev.Text, tc.textHas)
			}
			if tc.summaryHas != "" && !strings.Contains(ev.Summary, tc.summaryHas) {
				t.Errorf("summary %q lacks %q", ev.Summary, tc.summaryHas)
			}
			if tc.actorCountry != "" && r.Entities[ev.Actors[0]].Country != tc.actorCountry {
				t.Errorf("actor country = %q, want %q", r.Entities[ev.Actors[0]].Country, tc.actorCountry)
			}
			if tc.wantStartAtZero && ev.Start != 0 {
				t.Errorf("event starts at rune %d, want the first sentence (0)", ev.Start)
			}
			if ev.Goldstein != goldsteinOf(ev.CAMEO) || ev.QuadClass != model.CAMEOQuadClass(ev.CAMEO) {
				t.Errorf("goldstein/quad = %v/%d do not match code %s", ev.Goldstein, ev.QuadClass, ev.CAMEO)
			}
			body := []rune(arts[tc.art])
			if got := string(body[ev.Start:ev.End]); got != ev.Text {
				t.Errorf("span [%d,%d) = %q, want the event text %q", ev.Start, ev.End, got, ev.Text)
			}
		})
	}
	// the NZ decision told twice ("yesterday", "early this month") is one event
	n := 0
	for _, ev := range res[1].Events {
		if ev.Type == "SANCTION" {
			n++
			if !strings.Contains(ev.Summary, "early this month") {
				t.Errorf("merged NZ event summary %q does not mention the other date", ev.Summary)
			}
		}
	}
	if n != 1 {
		t.Errorf("NZ teaser has %d SANCTION events, want 1", n)
	}
	// the phone call, retold in later sentences, is one CONSULT event
	n = 0
	for _, ev := range res[0].Events {
		if ev.Type == "CONSULT" && slices.Equal(entityNames(res[0], append(append([]int{}, ev.Actors...), ev.Recipients...)), []string{"Donald Trump", "Xi Jinping"}) {
			n++
		}
	}
	if n != 1 {
		t.Errorf("article 1 has %d Trump–Xi CONSULT events, want 1", n)
	}
}

func goldsteinOf(code string) float64 {
	for _, c := range extract.CAMEOCodes() {
		if c.Code == code {
			return c.Goldstein
		}
	}
	return -99
}

func TestSeedEntities(t *testing.T) {
	x := newExtractor(t)
	all := seedArticles(t)
	var ents []extract.Entity
	for i, a := range all {
		r := x.Extract(a, seedPublished[i])
		ents = append(ents, r.Entities...)
		// mentions are rune spans whose text is a form of the entity's name
		runes := []rune(a)
		for _, e := range r.Entities {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(runes) || m.Start >= m.End {
					t.Fatalf("%s: bad span %v", e.Name, m)
				}
			}
		}
	}
	find := func(name string) (extract.Entity, bool) {
		for _, e := range ents {
			if e.Name == name {
				return e, true
			}
		}
		return extract.Entity{}, false
	}
	tests := []struct {
		name           string
		kind           model.EntityKind
		country, alias string
	}{
		{"Xi Jinping", "person", "CHN", "習近平"},
		{"Han Kuo-yu", "person", "TWN", "韓國瑜"},
		{"Marco Rubio", "person", "USA", ""},
		{"TikTok", "organisation", "", ""},
		{"US Supreme Court", "organisation", "USA", ""},
		{"American Enterprise Institute", "organisation", "", ""},
		{"Taiwan", "country", "TWN", ""},
		{"Cook Islands", "country", "COK", ""},
		{"NATO", "organisation", "", ""},
		{"Hal Brands", "person", "", ""},
		{"Donald Trump", "person", "USA", ""},
		{"New Zealand", "country", "NZL", ""},
	}
	for _, tc := range tests {
		e, ok := find(tc.name)
		if !ok {
			t.Errorf("entity %q not found", tc.name)
			continue
		}
		if e.Kind != tc.kind {
			t.Errorf("%s: kind %q, want %q", tc.name, e.Kind, tc.kind)
		}
		if tc.country != "" && e.Country != tc.country {
			t.Errorf("%s: country %q, want %q", tc.name, e.Country, tc.country)
		}
		if tc.alias != "" && !slices.Contains(e.Aliases, tc.alias) {
			t.Errorf("%s: aliases %v lack %q", tc.name, e.Aliases, tc.alias)
		}
	}
	if e, _ := find("Marco Rubio"); e.Role != "LEG" {
		t.Errorf("Marco Rubio on 2025-01-18: role %q, want LEG (still a senator)", e.Role)
	}
}

func TestShortFormsPointBack(t *testing.T) {
	x := newExtractor(t)
	art := seedArticles(t)[0]
	r := x.Extract(art, seedPublished[0])
	runes := []rune(art)
	want := map[string]string{"Donald Trump": "Trump", "Hal Brands": "Brands", "Xi Jinping": "Xi", "US Supreme Court": "Supreme Court"}
	for _, e := range r.Entities {
		short, ok := want[e.Name]
		if !ok {
			continue
		}
		found := false
		for _, m := range e.Mentions {
			if string(runes[m.Start:m.End]) == short {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no mention written %q", e.Name, short)
		}
		delete(want, e.Name)
	}
	for name := range want {
		t.Errorf("entity %s missing", name)
	}
	for _, e := range r.Entities {
		if e.Name == "Trump" || e.Name == "Brands" || e.Name == "Xi" || e.Name == "Supreme Court" {
			t.Errorf("short form %q became an entity of its own", e.Name)
		}
	}
}

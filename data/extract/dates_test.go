package extract_test

import (
	"testing"

	"github.com/attache-app/attache/data/model"
)

// Each sentence holds one event ("Japan criticised China …") with the date
// expression under test; the event's date is what the resolver made of it.
func TestDateResolution(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		when, published string
		date, end       string
		precision       model.Precision
		text            string
		basis           model.DateBasis
	}{
		{"on Friday", "2025-01-18", "2025-01-17", "", "day", "on Friday", "relative"},
		{"on Saturday", "2025-01-18", "2025-01-11", "", "day", "on Saturday", "relative"}, // the latest Saturday before publication
		{"yesterday", "2025-06-20", "2025-06-19", "", "day", "yesterday", "relative"},
		{"today", "2025-06-20", "2025-06-20", "", "day", "today", "relative"},
		{"last week", "2025-01-15", "2025-01-06", "2025-01-12", "week", "last week", "relative"},
		{"this week", "2025-01-18", "2025-01-13", "2025-01-19", "week", "this week", "relative"},
		{"early this month", "2025-06-20", "2025-06-01", "2025-06-30", "month", "early this month", "relative"},
		{"late last month", "2025-03-05", "2025-02-01", "2025-02-28", "month", "late last month", "relative"},
		{"next Monday", "2025-06-20", "2025-06-23", "", "day", "next Monday", "relative"},
		{"on Jan. 20", "2025-01-25", "2025-01-20", "", "day", "Jan. 20", "relative"},
		{"on Dec. 20", "2025-01-05", "2024-12-20", "", "day", "Dec. 20", "relative"}, // leans to the past
		{"on 20 January 2025", "2025-03-01", "2025-01-20", "", "day", "20 January 2025", "explicit"},
		{"on January 20, 2025", "", "2025-01-20", "", "day", "January 20, 2025", "explicit"},
		{"on 2025-01-20", "", "2025-01-20", "", "day", "2025-01-20", "explicit"},
		{"in March 2023", "2024-01-01", "2023-03-01", "2023-03-31", "month", "March 2023", "explicit"},
		{"last year", "2025-06-20", "2024-01-01", "2024-12-31", "year", "last year", "relative"},
		{"", "2025-06-20", "2025-06-20", "", "day", "", "publication"},
		// without a publication date nothing relative is invented
		{"on Friday", "", "", "", "", "on Friday", "unresolved"},
		{"yesterday", "", "", "", "", "yesterday", "unresolved"},
		{"on Jan. 20", "", "", "", "", "Jan. 20", "unresolved"},
		{"", "", "", "", "", "", "unresolved"},
	}
	for _, tc := range tests {
		t.Run(tc.when+"/"+tc.published, func(t *testing.T) {
			text := "Japan criticised China " + tc.when + "."
			r := x.Extract(text, tc.published)
			if len(r.Events) != 1 {
				t.Fatalf("%q: %d events, want 1", text, len(r.Events))
			}
			ev := r.Events[0]
			if ev.Date != tc.date || ev.EndDate != tc.end || ev.Precision != tc.precision || ev.DateText != tc.text || ev.DateBasis != tc.basis {
				t.Errorf("%q published %q: date %q..%q %q text %q basis %q; want %q..%q %q text %q basis %q", text, tc.published,
					ev.Date, ev.EndDate, ev.Precision, ev.DateText, ev.DateBasis, tc.date, tc.end, tc.precision, tc.text, tc.basis)
			}
		})
	}
}

func TestSentenceSplitting(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		text string
		want []string // the text of each event's sentence
	}{
		{"The U.S. criticised China on Monday. Japan praised Korea.", []string{"The U.S. criticised China on Monday.", "Japan praised Korea."}},
		{"Mr. Smith said Russia attacked Ukraine on Jan. 3 near the border. France condemned Russia.", []string{"Mr. Smith said Russia attacked Ukraine on Jan. 3 near the border.", "France condemned Russia."}},
		{"Britain criticised Iran in a statement from No. 10 Downing Street. Iran rejected the statement.", []string{"Britain criticised Iran in a statement from No. 10 Downing Street.", "Iran rejected the statement."}},
		{"“We will not yield!” China warned Japan.\nJapan protested.", []string{"“We will not yield!” China warned Japan.", "Japan protested."}},
	}
	for _, tc := range tests {
		r := x.Extract(tc.text, "2025-01-10")
		var got []string
		runes := []rune(tc.text)
		for _, ev := range r.Events {
			got = append(got, ev.Text)
			if string(runes[ev.Start:ev.End]) != ev.Text {
				t.Errorf("span %d..%d is %q, not the event text %q", ev.Start, ev.End, string(runes[ev.Start:ev.End]), ev.Text)
			}
		}
		if len(got) != len(tc.want) {
			t.Errorf("%q: sentences %q, want %q", tc.text, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q: sentence %d = %q, want %q", tc.text, i, got[i], tc.want[i])
			}
		}
	}
}

func TestNegationAndModality(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		text, want string // want: the event types, space separated
	}{
		{"Canada did not sign the agreement with Mexico.", ""},
		{"Canada never signed the agreement with Mexico.", ""},
		{"Canada signed the agreement with Mexico.", "SUPPORT"},
		{"Trump threatened to raise tariffs on China.", "THREATEN"},
		{"China promised to buy more American soybeans.", "AGREE"},
		{"Putin will visit Beijing next month.", "CONSULT"},
		{"Iran refused to release the British sailors.", "REJECT"},
	}
	for _, tc := range tests {
		r := x.Extract(tc.text, "2025-05-01")
		got := ""
		for i, ev := range r.Events {
			if i > 0 {
				got += " "
			}
			got += ev.Type.Label()
		}
		if got != tc.want {
			t.Errorf("%q: events %q, want %q", tc.text, got, tc.want)
		}
	}
}

// In the passive the agent after "by" acts; without one there is no event
// rather than one pointing the wrong way.
func TestPassiveVoice(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		text             string
		typ              model.EventType
		actor, recipient string
	}{
		{"Kyiv was struck by Russian missiles on Monday.", "ASSAULT", "RUS", "UKR"},
		{"Two Japanese citizens were detained by Chinese police.", "COERCE", "CHN", "JPN"},
		{"Taiwan was hit by new sanctions.", "", "", ""},
	}
	for _, tc := range tests {
		r := x.Extract(tc.text, "2025-06-15")
		if tc.typ == "" {
			if len(r.Events) != 0 {
				t.Errorf("%q: %d events, want none", tc.text, len(r.Events))
			}
			continue
		}
		if len(r.Events) != 1 {
			t.Fatalf("%q: %d events, want 1", tc.text, len(r.Events))
		}
		ev := r.Events[0]
		if ev.Type != tc.typ || len(ev.Actors) != 1 || len(ev.Recipients) != 1 ||
			r.Entities[ev.Actors[0]].Country != tc.actor || r.Entities[ev.Recipients[0]].Country != tc.recipient {
			t.Errorf("%q: %s", tc.text, ev.Summary)
		}
	}
}

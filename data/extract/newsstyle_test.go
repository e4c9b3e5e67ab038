package extract_test

import (
	"testing"

	"github.com/attache-app/attache/data/extract"
	"github.com/attache-app/attache/data/model"
)

// TestNewsStyle checks attribution rules that wire copy needs: each case is
// one sentence and the single event it must yield (or none).
func TestNewsStyle(t *testing.T) {
	x := newExtractor(t)
	cases := []struct {
		name, text, published string
		typ                   model.EventType // "" = no event at all
		actor, recip          string
		date                  string
	}{
		{"dateline weekday is the report's day", "HANOI, Sept. 5 (Reuters) - Vietnamese coast guard ships detained a Chinese fishing boat early Friday.", "2025-09-05", "COERCE", "VNM", "", "2025-09-05"},
		{"dateline date yields to the event's", "ROME, Sept. 5 (AP) - Italy expelled two Libyan diplomats on Wednesday.", "2025-09-05", "SANCTION", "ITA", "LBY", "2025-09-03"},
		{"dateline agency is not an actor", "ANKARA (AFP) - Turkey's foreign minister received a Syrian delegation on Monday.", "2025-09-05", "CONSULT", "TUR", "SYR", "2025-09-01"},
		{"reduced relative clause is not an event", "The United States sanctioned Iranian officials accused of torturing protesters.", "2025-09-05", "SANCTION", "USA", "IRN", ""},
		{"pronoun after a named body", "The Pentagon said it would send two destroyers to the Red Sea.", "2025-09-05", "MOBILIZE", "USA", "", ""},
		{"passive deployment is the troops' own state's", "Thousands of Russian troops were deployed near the Finnish border.", "2025-09-05", "MOBILIZE", "RUS", "", ""},
		{"compound adjective is no target when another is named", "Israel struck Iran-backed militias in Syria with U.S.-made jets.", "2025-09-05", "ASSAULT", "ISR", "SYR", ""},
		{"negated accept is a refusal", "Greece said it would not accept the Turkish proposal.", "2025-09-05", "REJECT", "GRC", "TUR", ""},
		{"conditional clause is hypothetical", "Norway threatened to expel the envoy if Russia attacked its pipelines.", "2025-09-05", "THREATEN", "NOR", "", ""},
		{"title after a possessive country", "Ghana's new president John Mahama arrived in Abuja for talks.", "2025-09-05", "CONSULT", "GHA", "NGA", ""},
		{"criticism drawn from someone is theirs", "The vote drew sharp criticism from Hungary.", "2025-09-05", "ACCUSE", "HUN", "", ""},
		{"denial takes its complement", "Egypt denied that it had sent weapons to Sudan.", "2025-09-05", "REJECT", "EGY", "", ""},
		{"repression at home targets the state's own people", "Egyptian police arrested scores of students in Cairo on Sunday.", "2025-09-05", "COERCE", "EGY", "EGY", ""},
		{"a strike abroad targets the place's country", "Russian troops shelled villages in Ukraine on Sunday.", "2025-09-05", "ASSAULT", "RUS", "UKR", ""},
		{"a possessor is the target, not a thing named after it", "Chile praised Peru's offer to host the Pacific Games.", "2025-09-05", "SUPPORT", "CHL", "PER", ""},
		{"an opposition leader's own government is the target", "Zambia's opposition leader Hakainde Hichilema accused the government of fraud.", "2025-09-05", "ACCUSE", "ZMB", "ZMB", ""},
		{"a government named by its country is that country's", "Zambian opposition leader Hakainde Hichilema accused the government of Malawi of fraud.", "2025-09-05", "ACCUSE", "ZMB", "MWI", ""},
		{"negated signing is no event", "Indonesia did not sign the declaration.", "2025-09-05", "", "", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := x.Extract(tc.text, tc.published)
			if tc.typ == "" {
				if len(r.Events) != 0 {
					t.Fatalf("want no event, got %s", summaries(r))
				}
				return
			}
			if len(r.Events) != 1 {
				t.Fatalf("want one %s event, got %d: %s", tc.typ, len(r.Events), summaries(r))
			}
			ev := r.Events[0]
			if ev.Type != tc.typ {
				t.Errorf("type = %s (%s), want %s", ev.Type, ev.CAMEO, tc.typ)
			}
			if got := countriesOf(r, ev.Actors); !got[tc.actor] {
				t.Errorf("actor countries %v lack %s: %s", got, tc.actor, ev.Summary)
			}
			if got := countriesOf(r, ev.Recipients); tc.recip != "" && !got[tc.recip] {
				t.Errorf("recipient countries %v lack %s: %s", got, tc.recip, ev.Summary)
			}
			if tc.date != "" && ev.Date != tc.date {
				t.Errorf("date = %s, want %s (%q)", ev.Date, tc.date, ev.DateText)
			}
		})
	}
}

func summaries(r extract.Result) string {
	s := ""
	for _, e := range r.Events {
		s += "\n  " + e.CAMEO + " " + e.Summary
	}
	return s
}

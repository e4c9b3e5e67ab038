package app

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/canvas"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/widgets"
)

// drawnTexts returns the texts the widget draws (lane labels, axis ticks,
// captions).
func drawnTexts(w *widgets.Timeline) []string {
	var out []string
	for _, t := range objectsOf[*canvas.Text](w) {
		out = append(out, t.Text)
	}
	return out
}

// TestTimelineLanes switches the lane grouping and checks the lane labels
// the analyst sees, the Goldstein line for a chosen country pair, and the
// width of a month-precision event.
func TestTimelineLanes(t *testing.T) {
	d, f := eventsDesk(t)
	d.wb.centre.SelectIndex(2)
	d.settle()
	v := d.wb.timeline
	actors := []string{"Canada", "China", "United States"}
	pairs := []string{"CAN – European Union", "CHN – USA"}
	types := []string{"ACCUSE", "CONSULT", "SUPPORT"}
	for _, tc := range []struct {
		mode      string
		want, not []string
	}{
		{lanesByActor, actors, append(slices.Clone(pairs), types...)},
		{lanesByPair, pairs, append(slices.Clone(actors), types...)},
		{lanesByType, types, append(slices.Clone(actors), append(pairs, "SANCTION")...)},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			v.lanes.SetSelected(tc.mode)
			v.tl.ZoomToFit()
			texts := drawnTexts(v.tl)
			for _, l := range tc.want {
				if !slices.Contains(texts, l) {
					t.Errorf("no lane %q among the drawn texts %q", l, texts)
				}
			}
			for _, l := range tc.not {
				if slices.Contains(texts, l) {
					t.Errorf("lane %q drawn in %s", l, tc.mode)
				}
			}
		})
	}

	if !slices.Equal(v.pair.Options, []string{noPair, "CAN – European Union", "CHN – USA"}) {
		t.Fatalf("the Goldstein line offers %q", v.pair.Options)
	}
	v.pair.SetSelected("CHN – USA")
	if texts := drawnTexts(v.tl); !slices.Contains(texts, "Goldstein, CHN – USA") {
		t.Errorf("choosing a pair draws no Goldstein panel: %q", texts)
	}
	monthSpansItsMonth(t, v.tl, f)
}

// monthSpansItsMonth checks on screen that a month-precision event is as
// wide as its month, measured against the two day-precision events.
func monthSpansItsMonth(t *testing.T, tl *widgets.Timeline, f eventFixture) {
	t.Helper()
	tl.ZoomToFit()
	call, callSize, ok1 := tl.MarkBounds(f.call)
	pact, pactSize, ok2 := tl.MarkBounds(f.pact)
	month, monthSize, ok3 := tl.MarkBounds(f.accusal)
	if !ok1 || !ok2 || !ok3 {
		t.Fatalf("marks not shown: call %v, pact %v, month %v", ok1, ok2, ok3)
	}
	// 2025-01-17 to 2025-06-23 is 157 days; March has 31.
	perDay := (pact.X + pactSize.Width/2 - call.X - callSize.Width/2) / 157
	want := 31 * perDay
	if monthSize.Width < 0.85*want || monthSize.Width > 1.15*want {
		t.Errorf("the March event is %.0f px wide, want about %.0f (31 days)", monthSize.Width, want)
	}
	if start := call.X + callSize.Width/2 + 43*perDay; month.X < start-perDay || month.X > start+perDay {
		t.Errorf("the March event starts at x=%.0f, want about %.0f (1 March)", month.X, start)
	}
}

func TestEventSpan(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, tc := range []struct {
		name                string
		date, end           string
		prec                model.Precision
		wantStart, wantLast string
		ok                  bool
	}{
		{"day", "2025-01-17", "", "day", "2025-01-17", "2025-01-17", true},
		{"no precision", "2025-01-17", "", "", "2025-01-17", "2025-01-17", true},
		{"week", "2025-06-02", "", "week", "2025-06-02", "2025-06-08", true},
		{"month from mid-month", "2025-03-15", "", "month", "2025-03-01", "2025-03-31", true},
		{"leap February", "2024-02-01", "", "month", "2024-02-01", "2024-02-29", true},
		{"year", "2025-06-23", "", "year", "2025-01-01", "2025-12-31", true},
		{"end date", "2025-06-23", "2025-06-25", "day", "2025-06-23", "2025-06-25", true},
		{"end inside the month", "2025-03-01", "2025-03-10", "month", "2025-03-01", "2025-03-31", true},
		{"unresolved", "", "", "day", "", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start, last, ok := eventSpan(model.Event{Date: tc.date, EndDate: tc.end, Precision: tc.prec})
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v", ok, tc.ok)
			}
			if !ok {
				return
			}
			if !start.Equal(day(tc.wantStart)) || !last.Equal(day(tc.wantLast)) {
				t.Errorf("span %s – %s, want %s – %s", start.Format(time.DateOnly), last.Format(time.DateOnly), tc.wantStart, tc.wantLast)
			}
		})
	}
}

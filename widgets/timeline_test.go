package widgets_test

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/attache-app/attache/widgets"
)

func date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// showTimeline puts a timeline holding evs in an unpadded test window of the
// given size, so that canvas positions equal positions in the widget.
func showTimeline(t testing.TB, evs []widgets.TimelineEvent, w, h float32) (*widgets.Timeline, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	tl := widgets.NewTimeline()
	tl.SetEvents(evs)
	win := test.NewTempWindow(t, tl)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(w, h))
	return tl, win
}

func dayEvent(id int64, lane string, d time.Time, quad int) widgets.TimelineEvent {
	return widgets.TimelineEvent{ID: id, Start: d, End: d, Lane: lane, Quad: quad,
		Headline: fmt.Sprintf("event %d", id), Detail: d.Format("2 January 2006")}
}

func markCenter(t testing.TB, tl *widgets.Timeline, id int64) fyne.Position {
	t.Helper()
	pos, size, ok := tl.MarkBounds(id)
	if !ok {
		t.Fatalf("mark %d is not in view", id)
	}
	return pos.Add(fyne.NewPos(size.Width/2, size.Height/2))
}

func spanOf(tl *widgets.Timeline) time.Duration {
	from, to := tl.Range()
	return to.Sub(from)
}

// rendered returns the timeline's current canvas objects of type T.
func rendered[T fyne.CanvasObject](tl *widgets.Timeline) []T {
	var out []T
	for _, o := range test.WidgetRenderer(tl).Objects() {
		if v, ok := o.(T); ok {
			out = append(out, v)
		}
	}
	return out
}

func renderedTexts(tl *widgets.Timeline) []string {
	var out []string
	for _, txt := range rendered[*canvas.Text](tl) {
		out = append(out, txt.Text)
	}
	return out
}

func near(a, b, tol float32) bool { return float32(math.Abs(float64(a-b))) <= tol }

func twoYearEvents() []widgets.TimelineEvent {
	return []widgets.TimelineEvent{
		dayEvent(1, "USA → CHN", date(2024, 3, 10), 1),
		dayEvent(2, "USA → CHN", date(2024, 9, 20), 3),
		dayEvent(3, "CAN → EU", date(2024, 6, 23), 2),
		dayEvent(4, "CAN → EU", date(2025, 1, 17), 4),
	}
}

func TestTimelineWheelZoomsAroundPointer(t *testing.T) {
	tests := []struct {
		name   string
		dy     float32
		factor float64 // expected span ratio after the scroll
	}{
		{"one notch up zooms in", 25, 0.8},
		{"two notches up", 50, 0.64},
		{"one notch down zooms out", -25, 1.25},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl, win := showTimeline(t, twoYearEvents(), 800, 300)
			tl.SetRange(date(2024, 1, 1), date(2025, 1, 1))
			before := spanOf(tl)
			anchor := markCenter(t, tl, 2)
			test.MoveMouse(win.Canvas(), anchor)
			test.Scroll(win.Canvas(), anchor, 0, tc.dy)

			if got := float64(spanOf(tl)) / float64(before); math.Abs(got-tc.factor) > 0.001 {
				t.Errorf("span ratio = %.4f, want %.4f", got, tc.factor)
			}
			if after := markCenter(t, tl, 2); !near(after.X, anchor.X, 0.5) {
				t.Errorf("mark under the pointer moved from x=%.1f to x=%.1f", anchor.X, after.X)
			}
		})
	}
}

func TestTimelineZoomLimitsAreDaysAndDecades(t *testing.T) {
	tl, win := showTimeline(t, twoYearEvents(), 800, 300)
	pos := markCenter(t, tl, 3)
	test.MoveMouse(win.Canvas(), pos)
	for range 100 {
		test.Scroll(win.Canvas(), pos, 0, 25)
	}
	if got := spanOf(tl); got != 48*time.Hour {
		t.Errorf("fully zoomed in span = %v, want 48h", got)
	}
	if _, _, ok := tl.MarkBounds(3); !ok {
		t.Error("the event under the pointer left the view while zooming in")
	}
	for range 60 {
		tl.ZoomOut()
	}
	if got := spanOf(tl).Hours() / 24 / 365.25; math.Abs(got-150) > 0.01 {
		t.Errorf("fully zoomed out span = %.2f years, want 150", got)
	}
}

func TestTimelineZoomButtonsKeepCentre(t *testing.T) {
	tl, _ := showTimeline(t, twoYearEvents(), 800, 300)
	tl.SetRange(date(2024, 1, 1), date(2024, 12, 31))
	from, to := tl.Range()
	centre := from.Add(to.Sub(from) / 2)
	span := spanOf(tl)

	tl.ZoomIn()
	from, to = tl.Range()
	if got := spanOf(tl); got != span/2 {
		t.Errorf("ZoomIn span = %v, want %v", got, span/2)
	}
	if c := from.Add(to.Sub(from) / 2); c.Sub(centre).Abs() > time.Second {
		t.Errorf("ZoomIn moved the centre from %v to %v", centre, c)
	}
	tl.ZoomOut()
	if got := spanOf(tl); (got - span).Abs() > time.Second {
		t.Errorf("ZoomIn then ZoomOut span = %v, want %v", got, span)
	}

	tl.ZoomToFit()
	from, to = tl.Range()
	for _, e := range twoYearEvents() {
		if e.Start.Before(from) || e.End.Add(24*time.Hour).After(to) {
			t.Errorf("after ZoomToFit %v is outside %v..%v", e.Start, from, to)
		}
	}
	if spanOf(tl) > 400*24*time.Hour {
		t.Errorf("ZoomToFit span %v is much wider than the events' 313 days", spanOf(tl))
	}
}

func TestTimelineDragPans(t *testing.T) {
	tests := []struct {
		name string
		dx   float32
	}{
		{"drag left shows later dates", -120},
		{"drag right shows earlier dates", 75},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl, win := showTimeline(t, twoYearEvents(), 800, 300)
			tl.SetRange(date(2024, 1, 1), date(2025, 1, 1))
			from0, _ := tl.Range()
			a, b := markCenter(t, tl, 1), markCenter(t, tl, 2)
			secondsPerUnit := date(2024, 9, 20).Sub(date(2024, 3, 10)).Seconds() / float64(b.X-a.X)

			test.Drag(win.Canvas(), fyne.NewPos(400, 150), tc.dx, 0)

			if got := markCenter(t, tl, 2); !near(got.X, b.X+tc.dx, 0.5) {
				t.Errorf("mark moved to x=%.1f, want %.1f", got.X, b.X+tc.dx)
			}
			from1, _ := tl.Range()
			want := -float64(tc.dx) * secondsPerUnit
			if got := from1.Sub(from0).Seconds(); math.Abs(got-want) > 60 {
				t.Errorf("range moved by %.0fs, want %.0fs", got, want)
			}
			if spanOf(tl) != 366*24*time.Hour {
				t.Errorf("dragging changed the span to %v", spanOf(tl))
			}
		})
	}
}

func TestTimelineTapSelectsAndClears(t *testing.T) {
	tl, win := showTimeline(t, twoYearEvents(), 800, 300)
	tl.SetRange(date(2024, 1, 1), date(2025, 2, 1))
	var got []int64
	tl.OnSelected = func(id int64) { got = append(got, id) }
	var opened []int64
	tl.OnOpened = func(id int64) { opened = append(opened, id) }

	pos, size, _ := tl.MarkBounds(3)
	test.TapCanvas(win.Canvas(), markCenter(t, tl, 3))
	if len(got) != 1 || got[0] != 3 || tl.Selected() != 3 {
		t.Fatalf("tap on mark 3: OnSelected calls %v, Selected() = %d", got, tl.Selected())
	}
	outlined := false
	for _, c := range rendered[*canvas.Circle](tl) {
		if c.StrokeWidth == 2 && c.Position().X < pos.X && c.Size().Width > size.Width &&
			near(c.Position().X+c.Size().Width/2, pos.X+size.Width/2, 0.01) {
			outlined = true
		}
	}
	if !outlined {
		t.Error("the selected mark has no outline")
	}

	// The lane is empty half-way between two marks.
	empty := fyne.NewPos((markCenter(t, tl, 3).X+markCenter(t, tl, 4).X)/2, markCenter(t, tl, 3).Y)
	test.TapCanvas(win.Canvas(), empty)
	if len(got) != 2 || got[1] != 0 || tl.Selected() != 0 {
		t.Fatalf("tap on empty lane: OnSelected calls %v, Selected() = %d", got, tl.Selected())
	}
	test.TapCanvas(win.Canvas(), empty)
	if len(got) != 2 {
		t.Errorf("tap on empty lane with nothing selected called OnSelected again: %v", got)
	}

	tl.DoubleTapped(&fyne.PointEvent{Position: markCenter(t, tl, 4)})
	if len(opened) != 1 || opened[0] != 4 || tl.Selected() != 4 {
		t.Errorf("double tap on mark 4: OnOpened calls %v, Selected() = %d", opened, tl.Selected())
	}
	tl.DoubleTapped(&fyne.PointEvent{Position: empty})
	if len(opened) != 1 {
		t.Errorf("double tap on empty lane opened %v", opened)
	}
}

func TestTimelineSelectKeepsAcrossSetEvents(t *testing.T) {
	tl, _ := showTimeline(t, twoYearEvents(), 800, 300)
	tl.Select(2)
	if tl.Selected() != 2 {
		t.Fatalf("Selected() = %d after Select(2)", tl.Selected())
	}
	evs := twoYearEvents()
	for i := range evs { // regroup into lanes by quad class, as the app does
		evs[i].Lane = widgets.QuadName(evs[i].Quad)
	}
	tl.SetEvents(evs)
	if tl.Selected() != 2 {
		t.Errorf("selection lost when lanes were recomputed")
	}
	tl.SetEvents(evs[:1])
	if tl.Selected() != 0 {
		t.Errorf("Selected() = %d after its event was removed", tl.Selected())
	}
	tl.Select(99)
	if tl.Selected() != 0 {
		t.Errorf("Select of an unknown id selected %d", tl.Selected())
	}
}

func TestTimelineImpreciseDatesAreSpans(t *testing.T) {
	tests := []struct {
		name       string
		start, end time.Time
		days       int
	}{
		{"month", date(2025, 2, 1), date(2025, 2, 28), 28},
		{"leap year", date(2024, 1, 1), date(2024, 12, 31), 366},
		{"week", date(2025, 1, 13), date(2025, 1, 19), 7},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			after := tc.end.AddDate(0, 0, 1)
			evs := []widgets.TimelineEvent{
				{ID: 1, Start: tc.start, End: tc.end, Lane: "A", Quad: 2},
				dayEvent(2, "B", tc.start, 1),
				dayEvent(3, "B", after, 1),
			}
			tl, _ := showTimeline(t, evs, 900, 300)
			tl.SetRange(tc.start.AddDate(0, 0, -tc.days/4-1), after.AddDate(0, 0, tc.days/4+1))

			// Day dots sit in the middle of their day, so their distance is the span's width.
			want := markCenter(t, tl, 3).X - markCenter(t, tl, 2).X
			pos, size, _ := tl.MarkBounds(1)
			if !near(size.Width, want, 0.5) {
				t.Errorf("span width = %.1f, want %.1f (%d days)", size.Width, want, tc.days)
			}
			if !near(pos.X, markCenter(t, tl, 2).X-want/float32(tc.days)/2, 0.5) {
				t.Errorf("span starts at x=%.1f, not at the start of its first day", pos.X)
			}
			found := false
			for _, r := range rendered[*canvas.Rectangle](tl) {
				if r.Position() == pos && r.Size() == size {
					found = true
				}
			}
			if !found {
				t.Error("no rectangle is drawn where MarkBounds says the span is")
			}
		})
	}
}

// tenThousand returns one event a day from 1 January 2000, in five lanes.
func tenThousand() []widgets.TimelineEvent {
	evs := make([]widgets.TimelineEvent, 10000)
	for i := range evs {
		d := date(2000, 1, 1).AddDate(0, 0, i)
		evs[i] = dayEvent(int64(i+1), fmt.Sprintf("Lane %d", i%5), d, 1+i%4)
	}
	return evs
}

func TestTimelineBuildsObjectsOnlyForVisibleEvents(t *testing.T) {
	tl, _ := showTimeline(t, tenThousand(), 1000, 400)
	const legendDots = 4

	tl.SetRange(date(2010, 3, 1), date(2010, 3, 31))
	if got := len(rendered[*canvas.Circle](tl)) - legendDots; got != 30 {
		t.Errorf("30 days in view: %d event dots drawn, want 30", got)
	}
	small := len(test.WidgetRenderer(tl).Objects())
	if small > 200 {
		t.Errorf("a month in view builds %d objects", small)
	}

	tl.ZoomToFit()
	fit := len(rendered[*canvas.Circle](tl)) - legendDots
	if fit >= 5000 || fit < 1000 {
		t.Errorf("all 27 years in view: %d dots drawn, want fewer than one per event but enough to fill the width", fit)
	}

	tl.SetRange(date(2010, 3, 1), date(2010, 3, 31))
	if got := len(test.WidgetRenderer(tl).Objects()); got != small {
		t.Errorf("back to the month: %d objects, want %d as before", got, small)
	}
}

func TestTimelineTickLabels(t *testing.T) {
	tests := []struct {
		name     string
		from, to time.Time
		want     []string // leading labels, in order
	}{
		{"decades", date(1900, 1, 1), date(2030, 1, 1), []string{"1900", "1910", "1920", "1930", "1940", "1950", "1960", "1970"}},
		{"half decades", date(1950, 1, 1), date(2030, 1, 1), []string{"1950", "1955", "1960", "1965", "1970"}},
		{"years", date(2019, 1, 1), date(2025, 1, 1), []string{"2019", "2020", "2021", "2022", "2023", "2024"}},
		{"months", date(2024, 11, 15), date(2025, 3, 1), []string{"Dec 2024", "Jan 2025", "Feb"}},
		{"days", date(2025, 1, 15), date(2025, 1, 19), []string{"15 Jan 2025", "16 Jan", "17 Jan", "18 Jan"}},
		{"weeks start on Monday", date(2025, 1, 1), date(2025, 2, 20), []string{"6 Jan 2025", "13 Jan", "20 Jan", "27 Jan", "3 Feb"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl, _ := showTimeline(t, nil, 800, 200)
			tl.SetRange(tc.from, tc.to)
			var got []string
			for _, s := range renderedTexts(tl) {
				if s != "No events to show" && s != "date range" && !isQuadName(s) {
					got = append(got, s)
				}
			}
			if len(got) < len(tc.want) {
				t.Fatalf("tick labels %q, want them to start with %q", got, tc.want)
			}
			for i, w := range tc.want {
				if got[i] != w {
					t.Fatalf("tick labels %q, want them to start with %q", got, tc.want)
				}
			}
		})
	}
}

func isQuadName(s string) bool {
	for q := 1; q <= 4; q++ {
		if s == widgets.QuadName(q) {
			return true
		}
	}
	return false
}

func TestTimelineHoverTooltip(t *testing.T) {
	evs := twoYearEvents()
	evs[2].Headline = "Canada — SUPPORT — European Union"
	evs[2].Detail = "23 June 2025\nMark Carney (CAN); Ursula von der Leyen (EU)"
	tl, win := showTimeline(t, evs, 800, 300)
	tl.SetRange(date(2024, 1, 1), date(2025, 2, 1))

	test.MoveMouse(win.Canvas(), markCenter(t, tl, 3))
	texts := renderedTexts(tl)
	for _, want := range []string{"Canada — SUPPORT — European Union", "23 June 2025", "Mark Carney (CAN); Ursula von der Leyen (EU)"} {
		if !contains(texts, want) {
			t.Errorf("tooltip lacks %q; texts %q", want, texts)
		}
	}
	test.MoveMouse(win.Canvas(), fyne.NewPos(5, 5))
	if contains(renderedTexts(tl), "23 June 2025") {
		t.Error("tooltip still shown after the pointer left the mark")
	}
}

func TestTimelineLongLaneLabelIsCutAndShownOnHover(t *testing.T) {
	long := "United Kingdom of Great Britain and Northern Ireland → French Republic"
	evs := []widgets.TimelineEvent{dayEvent(1, long, date(2025, 1, 17), 1), dayEvent(2, long, date(2025, 2, 1), 2)}
	tl, win := showTimeline(t, evs, 800, 300)
	if contains(renderedTexts(tl), long) {
		t.Fatal("a 70-character lane label is drawn in full")
	}
	cut := false
	for _, s := range renderedTexts(tl) {
		if len(s) > 10 && strings.HasSuffix(s, "…") && strings.HasPrefix(long, strings.TrimSuffix(s, "…")) {
			cut = true
		}
	}
	if !cut {
		t.Errorf("no label cut with an ellipsis among %q", renderedTexts(tl))
	}
	test.MoveMouse(win.Canvas(), fyne.NewPos(20, markCenter(t, tl, 1).Y))
	texts := renderedTexts(tl)
	i := slices.Index(texts, "2 events")
	if i < 2 || texts[i-2]+" "+texts[i-1] != long {
		t.Errorf("hovering the lane label shows %q, want the full label on two lines and \"2 events\"", texts)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestTimelineManyLanesScrollVertically(t *testing.T) {
	var evs []widgets.TimelineEvent
	for i := range 40 {
		evs = append(evs, dayEvent(int64(i+1), fmt.Sprintf("Lane %02d", i), date(2025, 1, 1+i%28), 1))
	}
	tl, win := showTimeline(t, evs, 800, 400)
	if _, _, ok := tl.MarkBounds(40); ok {
		t.Fatal("the last of 40 lanes is in view in a 400-high timeline")
	}
	first := markCenter(t, tl, 1)
	labels := fyne.NewPos(20, 200)
	test.MoveMouse(win.Canvas(), labels)
	test.Scroll(win.Canvas(), labels, 0, -2000)
	if _, _, ok := tl.MarkBounds(40); !ok {
		t.Error("scrolling over the lane labels did not bring the last lane into view")
	}
	if _, _, ok := tl.MarkBounds(1); ok {
		t.Error("the first lane is still in view after scrolling to the bottom")
	}
	if !contains(renderedTexts(tl), "Lane 39") || contains(renderedTexts(tl), "Lane 00") {
		t.Errorf("lane labels did not follow the scroll: %q", renderedTexts(tl))
	}
	test.Drag(win.Canvas(), fyne.NewPos(400, 200), 0, 5000)
	if got := markCenter(t, tl, 1); got != first {
		t.Errorf("dragging down to the top put lane 0's mark at %v, want %v", got, first)
	}
}

func TestTimelineGoldenMarkup(t *testing.T) {
	test.NewTempApp(t)
	tl := widgets.NewTimeline()
	tl.SetEvents([]widgets.TimelineEvent{
		{ID: 1, Start: date(2025, 1, 17), End: date(2025, 1, 17), Lane: "USA → CHN", Quad: 1, Headline: "Trump — CONSULT — Xi"},
		{ID: 2, Start: date(2025, 3, 1), End: date(2025, 3, 31), Lane: "USA → CHN", Quad: 3},
		{ID: 3, Start: date(2025, 6, 23), End: date(2025, 6, 23), Lane: "CAN → EU", Quad: 2},
		{ID: 4, Start: date(2025, 4, 2), End: date(2025, 4, 2), Lane: "USA → CAN", Quad: 4},
	})
	tl.SetSeries([]widgets.SeriesPoint{
		{Time: date(2025, 1, 1), Value: 3.4}, {Time: date(2025, 3, 1), Value: -2}, {Time: date(2025, 7, 1), Value: 6},
	})
	tl.SetRange(date(2025, 1, 1), date(2025, 8, 1))
	tl.Select(2)
	tl.Resize(fyne.NewSize(600, 260))
	test.AssertObjectRendersToMarkup(t, "timeline_small.xml", tl)
}

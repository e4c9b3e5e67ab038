package widgets_test

import (
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/attache-app/attache/widgets"
)

// manyLanes returns one event a day in each of n lanes "Lane 00".."Lane nn",
// lane i holding n-i events, the busiest first.
func manyLanes(n int) []widgets.TimelineEvent {
	var evs []widgets.TimelineEvent
	id := int64(0)
	for i := range n {
		for k := range n - i {
			id++
			evs = append(evs, dayEvent(id, fmt.Sprintf("Lane %02d", i), date(2024, 1, 1).AddDate(0, 0, k+i), 1+i%4))
		}
	}
	return evs
}

// labelCentre is where the label of lane li is drawn.
func labelCentre(li int) fyne.Position {
	const legend, axis, lane = 24, 24, 26
	return fyne.NewPos(20, legend+axis+float32(li)*lane+lane/2)
}

func TestTimelineFoldsLanesPastTheLimitIntoOther(t *testing.T) {
	evs := manyLanes(40)
	tl, _ := showTimeline(t, evs, 1000, 600)
	tl.SetLaneLimit(30)

	lanes := tl.Lanes()
	if len(lanes) != 31 {
		t.Fatalf("%d lanes drawn, want the first 30 and Other: %q", len(lanes), lanes)
	}
	if lanes[0] != "Lane 00" || lanes[29] != "Lane 29" {
		t.Errorf("the kept lanes are %q … %q, want the first 30 in the given order", lanes[0], lanes[29])
	}
	if lanes[30] != "Other (10 lanes)" {
		t.Errorf("the last lane reads %q, want Other (10 lanes)", lanes[30])
	}
	// Every event of the folded lanes is drawn in Other: its marks are hit there.
	last := evs[len(evs)-1] // the single event of Lane 39
	tl.SetRange(last.Start.AddDate(0, 0, -3), last.Start.AddDate(0, 0, 3))
	tl.Resize(fyne.NewSize(1000, 2000)) // every lane in view
	pos := markCenter(t, tl, last.ID)
	if want := labelCentre(30).Y; !near(pos.Y+0, want, 8) {
		t.Errorf("Lane 39's event is drawn at y=%.0f, want in the Other lane at y≈%.0f", pos.Y, want)
	}

	// A tap on Other's label opens it; a tap on the header left in its place folds it.
	test.Tap(tl) // a tap in the middle: on no label, nothing folds or opens
	if tl.LanesExpanded() {
		t.Fatal("a tap away from the labels opened Other")
	}
	tl.Tapped(&fyne.PointEvent{Position: labelCentre(30)})
	if !tl.LanesExpanded() {
		t.Fatal("tapping Other's label does not open it")
	}
	lanes = tl.Lanes()
	if len(lanes) != 41 || lanes[30] != "Fold these 10 lanes" || lanes[31] != "Lane 30" || lanes[40] != "Lane 39" {
		t.Fatalf("opened, the lanes are %q", lanes[28:])
	}
	if pos := markCenter(t, tl, last.ID); !near(pos.Y, labelCentre(40).Y, 8) {
		t.Errorf("opened, Lane 39's event is drawn at y=%.0f, want in its own lane at y≈%.0f", pos.Y, labelCentre(40).Y)
	}
	tl.Tapped(&fyne.PointEvent{Position: labelCentre(30)})
	if tl.LanesExpanded() || len(tl.Lanes()) != 31 {
		t.Errorf("tapping the header does not fold the lanes again: %d lanes", len(tl.Lanes()))
	}
}

func TestTimelineLaneLimitLeavesFewLanesAlone(t *testing.T) {
	tl, _ := showTimeline(t, manyLanes(31), 1000, 600)
	tl.SetLaneLimit(30)
	if got := tl.Lanes(); len(got) != 31 || slices.Contains(got, "Other (1 lanes)") {
		t.Errorf("31 lanes with a limit of 30 are drawn as %q: folding one lane hides nothing", got[29:])
	}
	tl.SetLaneLimit(0)
	tl.SetEvents(manyLanes(50))
	if n := len(tl.Lanes()); n != 50 {
		t.Errorf("without a limit %d of 50 lanes are drawn", n)
	}
}

// TestTimelineFitFramesWhereTheEventsAre gives a year of events and one dated
// decades later (a misread date): Fit frames the year, and a marker at the
// right edge of the stray event's lane counts it.
func TestTimelineFitFramesWhereTheEventsAre(t *testing.T) {
	var evs []widgets.TimelineEvent
	for i := range 200 {
		evs = append(evs, dayEvent(int64(i+1), fmt.Sprintf("Lane %d", i%3), date(1987, 1, 1).AddDate(0, 0, i*365/200), 1))
	}
	evs = append(evs, dayEvent(999, "Lane 0", date(2047, 6, 1), 3))
	tl, _ := showTimeline(t, evs, 1200, 500)
	tl.ZoomToFit()
	from, to := tl.Range()
	if from.Before(date(1986, 11, 1)) || to.After(date(1988, 3, 1)) {
		t.Errorf("Fit frames %s … %s, want about 1987", from.Format("2006-01-02"), to.Format("2006-01-02"))
	}
	if to.Before(date(1987, 12, 28)) || from.After(date(1987, 1, 1)) {
		t.Errorf("Fit frames %s … %s, leaving out some of 1987", from.Format("2006-01-02"), to.Format("2006-01-02"))
	}
	if _, _, ok := tl.MarkBounds(999); ok {
		t.Error("the 2047 event is drawn on the axis")
	}
	if !contains(renderedTexts(tl), "1") {
		t.Errorf("no off-axis marker counts the 2047 event; texts: %q", renderedTexts(tl))
	}

	// Without a stray event Fit shows every event.
	tl.SetEvents(evs[:200])
	tl.ZoomToFit()
	for _, id := range []int64{1, 200} {
		if _, _, ok := tl.MarkBounds(id); !ok {
			t.Errorf("after Fit event %d is not in view", id)
		}
	}
}

// TestTimelineEdgeMarkersCountEventsOutOfView zooms into the middle of a lane:
// the markers at both edges count the events left and right of the view.
func TestTimelineEdgeMarkersCountEventsOutOfView(t *testing.T) {
	var evs []widgets.TimelineEvent
	for i := range 10 {
		evs = append(evs, dayEvent(int64(i+1), "Only lane", date(2024, 1, 1).AddDate(0, i, 0), 1))
	}
	tl, _ := showTimeline(t, evs, 1000, 300)
	tl.SetRange(date(2024, 3, 15), date(2024, 5, 15)) // April and May in view
	texts := renderedTexts(tl)
	if !contains(texts, "3") || !contains(texts, "5") {
		t.Errorf("the edge markers read %q, want 3 (January–March) and 5 (June–October)", texts)
	}
}

package widgets_test

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/attache-app/attache/widgets"
)

// benchEvents returns 10,000 events over ten years in twelve lanes, one in
// seven of them month-precision spans.
func benchEvents() []widgets.TimelineEvent {
	evs := make([]widgets.TimelineEvent, 10000)
	for i := range evs {
		d := date(2015, 1, 1).AddDate(0, 0, (i*7919)%3650)
		end := d
		if i%7 == 0 {
			d = date(d.Year(), d.Month(), 1)
			end = d.AddDate(0, 1, -1)
		}
		evs[i] = widgets.TimelineEvent{ID: int64(i + 1), Start: d, End: end,
			Lane: fmt.Sprintf("Lane %02d", i%12), Quad: 1 + i%4, Headline: "headline"}
	}
	return evs
}

// BenchmarkTimelinePanStep measures one drag step (pan, layout and refresh of
// every visible object) with 10,000 events, a year in view and with all ten
// years in view.
func BenchmarkTimelinePanStep(b *testing.B) {
	for _, bc := range []struct {
		name string
		fit  bool
	}{{"year", false}, {"all", true}} {
		b.Run(bc.name, func(b *testing.B) {
			test.NewTempApp(b)
			tl := widgets.NewTimeline()
			tl.SetEvents(benchEvents())
			w := test.NewTempWindow(b, tl)
			w.Resize(fyne.NewSize(1280, 720))
			if !bc.fit {
				tl.SetRange(date(2020, 1, 1), date(2021, 1, 1))
			}
			step := &fyne.DragEvent{Dragged: fyne.Delta{DX: 4}}
			n := 0
			for b.Loop() {
				if n%200 == 0 {
					step.Dragged.DX = -step.Dragged.DX // swing back and forth
				}
				n++
				tl.Dragged(step)
			}
			b.ReportMetric(float64(len(test.WidgetRenderer(tl).Objects())), "objects")
		})
	}
}

package widgets_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/attache-app/attache/widgets"
)

// corpusDir is the development corpus of real wire stories, when present.
var corpusDir = filepath.Join("..", "..", "shared", "corpora", "reuters-21578")

// benchEvents returns the timeline of the real wire corpus when it is present:
// one event per story and place label, on the story's date, in one lane per
// place (about 14,000 events in some 150 lanes, a few very busy and a long
// tail), with the busiest lanes first. Without the corpus it generates 10,000
// events over ten years in twelve lanes, one in seven month-precision spans.
func benchEvents(b *testing.B) (evs []widgets.TimelineEvent, source string) {
	if evs, err := corpusEvents(); err == nil {
		return evs, "corpus"
	} else if !os.IsNotExist(err) {
		b.Fatal(err)
	}
	evs = make([]widgets.TimelineEvent, 10000)
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
	return evs, "generated"
}

// corpusEvents reads the stories' dates and place labels.
func corpusEvents() ([]widgets.TimelineEvent, error) {
	dates := map[string]time.Time{}
	err := eachLine(filepath.Join(corpusDir, "articles.jsonl"), func(line []byte) error {
		var s struct{ ID, Published string }
		if err := json.Unmarshal(line, &s); err != nil {
			return err
		}
		d, err := time.Parse(time.RFC3339, s.Published)
		dates[s.ID] = d.UTC().Truncate(24 * time.Hour)
		return err
	})
	if err != nil {
		return nil, err
	}
	var evs []widgets.TimelineEvent
	count := map[string]int{}
	err = eachLine(filepath.Join(corpusDir, "labels.jsonl"), func(line []byte) error {
		var l struct {
			ID     string
			Places []string
		}
		if err := json.Unmarshal(line, &l); err != nil {
			return err
		}
		for _, p := range l.Places {
			d := dates[l.ID]
			evs = append(evs, widgets.TimelineEvent{ID: int64(len(evs) + 1), Start: d, End: d, Lane: p,
				Quad: 1 + len(evs)%4, Headline: l.ID + " " + p})
			count[p]++
		}
		return nil
	})
	sort.SliceStable(evs, func(i, j int) bool {
		a, b := evs[i].Lane, evs[j].Lane
		if count[a] != count[b] {
			return count[a] > count[b]
		}
		return a < b
	})
	return evs, err
}

func eachLine(path string, fn func([]byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if err := fn(sc.Bytes()); err != nil {
			return err
		}
	}
	return sc.Err()
}

// BenchmarkTimelinePanStep measures one drag step (pan, layout and refresh of
// every visible object) on the corpus timeline (or 10,000 generated events),
// lanes past the 30th folded into Other, with a month in view and with Fit.
func BenchmarkTimelinePanStep(b *testing.B) {
	evs, source := benchEvents(b)
	for _, bc := range []struct {
		name string
		fit  bool
	}{{"month", false}, {"fit", true}} {
		b.Run(source+"/"+bc.name, func(b *testing.B) {
			test.NewTempApp(b)
			tl := widgets.NewTimeline()
			tl.SetLaneLimit(30)
			tl.SetEvents(evs)
			w := test.NewTempWindow(b, tl)
			w.Resize(fyne.NewSize(1280, 720))
			if !bc.fit {
				mid := evs[len(evs)/2].Start
				tl.SetRange(mid.AddDate(0, 0, -15), mid.AddDate(0, 0, 15))
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
			b.ReportMetric(float64(len(evs)), "events")
			b.ReportMetric(float64(len(test.WidgetRenderer(tl).Objects())), "objects")
		})
	}
}

// BenchmarkTimelineSetEvents measures giving the timeline all its events
// (lanes built, sorted and folded) and fitting them, as a new filter does.
func BenchmarkTimelineSetEvents(b *testing.B) {
	evs, source := benchEvents(b)
	b.Run(source, func(b *testing.B) {
		test.NewTempApp(b)
		tl := widgets.NewTimeline()
		tl.SetLaneLimit(30)
		w := test.NewTempWindow(b, tl)
		w.Resize(fyne.NewSize(1280, 720))
		for b.Loop() {
			tl.SetEvents(evs)
			tl.ZoomToFit()
		}
		b.ReportMetric(float64(len(evs)), "events")
		b.ReportMetric(float64(len(tl.Lanes())), "lanes")
	})
}

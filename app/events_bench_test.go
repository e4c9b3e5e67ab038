package app

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/attache-app/attache/data/extract"
	"github.com/attache-app/attache/data/model"
)

// corpusPath is the development corpus of real wire stories, when present.
var corpusPath = filepath.Join("..", "..", "shared", "corpora", "reuters-21578", "articles.jsonl")

// benchEventData returns the events extraction finds in the real wire corpus
// (dateline and body of each story, dated by the wire's timestamp), labelled
// as the Events view labels them, when the corpus is present, and 10,000
// generated events between 400 entities. Statuses vary: one in five
// confirmed, one in seven rejected.
func benchEventData(b *testing.B) map[string]eventData {
	out := map[string]eventData{"generated": generatedEventData()}
	d, err := corpusEventData()
	if err == nil {
		out["corpus"] = d
	} else if !os.IsNotExist(err) {
		b.Fatal(err)
	}
	return out
}

func generatedEventData() eventData {
	d := eventData{entities: map[int64]model.Entity{}, articles: map[int64]string{}}
	for i := range 400 {
		d.entities[int64(i+1)] = model.Entity{ID: int64(i + 1), Name: fmt.Sprintf("Entity %d", i), Kind: model.KindCountry}
	}
	for i := range 10000 {
		ev := model.Event{ID: int64(i + 1), Actors: []int64{int64(1 + i%400)}, Recipients: []int64{int64(1 + (i*7)%400)},
			Type: model.EventTypes()[i%len(model.EventTypes())], Goldstein: float64(i%21 - 10), Date: fmt.Sprintf("%d-%02d-%02d", 2000+i%25, 1+i%12, 1+i%28),
			Precision: model.PrecisionDay, Text: "A generated sentence.", Status: benchStatus(i)}
		d.events = append(d.events, ev)
	}
	return d
}

func benchStatus(i int) model.Status {
	switch {
	case i%7 == 0:
		return model.StatusRejected
	case i%5 == 0:
		return model.StatusConfirmed
	}
	return model.StatusSuggested
}

// corpusEventData extracts the corpus's events, one worker per CPU.
func corpusEventData() (eventData, error) {
	type story struct{ ID, Title, Published, Dateline, Body string }
	f, err := os.Open(corpusPath)
	if err != nil {
		return eventData{}, err
	}
	defer f.Close()
	var stories []story
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var s story
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return eventData{}, err
		}
		stories = append(stories, s)
	}
	if err := sc.Err(); err != nil {
		return eventData{}, err
	}
	x, err := extract.New()
	if err != nil {
		return eventData{}, err
	}
	results := make([]extract.Result, len(stories))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.NumCPU() {
		wg.Go(func() {
			for i := range next {
				results[i] = x.Extract(stories[i].Dateline+" "+stories[i].Body, stories[i].Published)
			}
		})
	}
	for i := range stories {
		next <- i
	}
	close(next)
	wg.Wait()

	d := eventData{entities: map[int64]model.Entity{}, articles: map[int64]string{}}
	ids := map[string]int64{}
	for i, r := range results {
		article := int64(i + 1)
		d.articles[article] = stories[i].Title
		local := make([]int64, len(r.Entities))
		for k, e := range r.Entities {
			key := e.Kind.Label() + "\x00" + e.Name
			id, ok := ids[key]
			if !ok {
				id = int64(len(ids) + 1)
				ids[key] = id
				d.entities[id] = model.Entity{ID: id, Name: e.Name, Kind: e.Kind, Country: e.Country}
			}
			local[k] = id
		}
		for _, ev := range r.Events {
			se := model.Event{ID: int64(len(d.events) + 1), Type: ev.Type, Mode: ev.Mode, CAMEO: ev.CAMEO, Goldstein: ev.Goldstein,
				Date: ev.Date, EndDate: ev.EndDate, Precision: ev.Precision, DateText: ev.DateText, ArticleID: article,
				Text: ev.Text, Status: benchStatus(len(d.events))}
			for _, a := range ev.Actors {
				se.Actors = append(se.Actors, local[a])
			}
			for _, a := range ev.Recipients {
				se.Recipients = append(se.Recipients, local[a])
			}
			d.events = append(d.events, se)
		}
	}
	return d, nil
}

// BenchmarkEventsRefilter measures what the Events view does when the
// analyst changes its filter or order: filter and sort every event of the
// project in memory, refresh the list, and give the timeline its events
// (lanes counted, ordered and folded). The target is 100 ms.
func BenchmarkEventsRefilter(b *testing.B) {
	wb := newWorkbench(test.NewTempApp(b))
	data := benchEventData(b)
	for _, source := range []string{"corpus", "generated"} {
		if d, ok := data[source]; ok {
			benchRefilter(b, wb.events, source, d)
		}
	}
}

func benchRefilter(b *testing.B, v *eventsView, source string, d eventData) {
	busiest := map[int64]int{}
	for _, ev := range d.events {
		for _, id := range ev.Actors {
			busiest[id]++
		}
	}
	var actor int64
	for id, n := range busiest {
		if n > busiest[actor] {
			actor = id
		}
	}
	first, last := "9999", ""
	for _, ev := range d.events {
		if ev.Date != "" {
			first, last = min(first, ev.Date), max(last, ev.Date)
		}
	}
	d.gen = 1 // one load, filtered many times
	v.all = d
	for _, bc := range []struct {
		name string
		f    eventFilter
		by   string
	}{
		{"all/oldest", eventFilter{}, sortEventsOldest},
		{"suggested/newest", eventFilter{Status: model.StatusSuggested}, sortEventsNewest},
		{"type/conflict", eventFilter{Type: model.EventConsult}, sortEventsConflict},
		{"actor/by-actor", eventFilter{ActorID: actor}, sortEventsActor},
		{"dates/type", eventFilter{From: first, To: last}, sortEventsType},
	} {
		b.Run(source+"/"+bc.name, func(b *testing.B) {
			v.filter = bc.f
			v.sortBy.Selected = bc.by
			for b.Loop() {
				v.refilter()
			}
			b.ReportMetric(float64(len(d.events)), "events")
			b.ReportMetric(float64(len(v.data.events)), "listed")
		})
	}
}

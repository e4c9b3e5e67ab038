package export

import (
	"errors"
	"fmt"
	"html"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/attache-app/attache/data/model"
)

// ErrNoDatedEvents is returned by WriteTimelineJS when no event has a
// resolved date.
var ErrNoDatedEvents = errors.New("export: TimelineJS needs at least one event with a resolved date")

// The TimelineJS 3 JSON format (https://timeline.knightlab.com/docs/json-format.html).
type tlFile struct {
	Title  tlSlide   `json:"title"`
	Events []tlSlide `json:"events"`
}

type tlSlide struct {
	StartDate *tlDate `json:"start_date,omitempty"`
	EndDate   *tlDate `json:"end_date,omitempty"`
	Text      tlText  `json:"text"`
	Group     string  `json:"group,omitempty"`
	UniqueID  string  `json:"unique_id,omitempty"`
}

type tlDate struct {
	Year  string `json:"year"`
	Month string `json:"month,omitempty"`
	Day   string `json:"day,omitempty"`
}

type tlText struct {
	Headline string `json:"headline"`
	Text     string `json:"text"`
}

// WriteTimelineJS writes evs as a Knight Lab TimelineJS 3 JSON file: a title
// slide named title, and one slide per event with its date, a headline
// "Actor — TYPE — Recipient", the source quote and the source as text, and
// the lane that group returns (group may be nil: no lanes). A month- or
// year-precision date leaves out its day, or day and month; a week-precision
// event without an end date spans its seven days. Headlines and texts are
// HTML, so every value is HTML-escaped and only http(s) URLs become links.
// Events without a resolved date cannot be placed on a timeline and are left
// out; TimelineJS refuses a file without events, so when no event has a date
// WriteTimelineJS writes nothing and returns ErrNoDatedEvents.
func WriteTimelineJS(w io.Writer, title string, evs []EventRecord, group func(EventRecord) string) error {
	f := tlFile{Events: []tlSlide{}}
	for _, ev := range evs {
		start, ok := timelineDate(ev.Date, ev.DatePrecision)
		if !ok {
			continue
		}
		s := tlSlide{
			StartDate: start,
			Text:      tlText{Headline: headline(ev), Text: slideText(ev)},
			UniqueID:  "event-" + strconv.FormatInt(ev.ID, 10),
		}
		if end, ok := timelineDate(ev.EndDate, ev.DatePrecision); ok {
			s.EndDate = end
		} else if ev.DatePrecision == model.PrecisionWeek {
			if d, err := time.Parse(time.DateOnly, ev.Date); err == nil {
				s.EndDate, _ = timelineDate(d.AddDate(0, 0, 6).Format(time.DateOnly), model.PrecisionDay)
			}
		}
		if group != nil {
			s.Group = group(ev)
		}
		f.Events = append(f.Events, s)
	}
	if len(f.Events) == 0 {
		return ErrNoDatedEvents
	}
	f.Title = tlSlide{Text: tlText{Headline: html.EscapeString(title), Text: fmt.Sprintf("%d events", len(f.Events))}}
	if err := writeIndentedJSON(w, f); err != nil {
		return fmt.Errorf("export: write TimelineJS: %w", err)
	}
	return nil
}

// timelineDate converts a "2006-01-02" date to TimelineJS's date object,
// keeping only the parts its precision vouches for.
func timelineDate(date string, precision model.Precision) (*tlDate, bool) {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return nil, false
	}
	td := &tlDate{Year: strconv.Itoa(d.Year())}
	switch precision {
	case model.PrecisionYear:
	case model.PrecisionMonth:
		td.Month = strconv.Itoa(int(d.Month()))
	default:
		td.Month = strconv.Itoa(int(d.Month()))
		td.Day = strconv.Itoa(d.Day())
	}
	return td, true
}

func partyList(ps []Party) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}

// headline is "Actor — TYPE — Recipient", leaving out a missing side.
func headline(ev EventRecord) string {
	parts := []string{}
	if a := partyList(ev.Actor); a != "" {
		parts = append(parts, a)
	}
	parts = append(parts, ev.Event.Label())
	if r := partyList(ev.Recipient); r != "" {
		parts = append(parts, r)
	}
	return html.EscapeString(strings.Join(parts, " — "))
}

// slideText is the quote, the date as written, and the source, as HTML.
func slideText(ev EventRecord) string {
	var b strings.Builder
	if ev.Text != "" {
		fmt.Fprintf(&b, "<blockquote>%s</blockquote>", html.EscapeString(ev.Text))
	}
	if ev.Summary != "" {
		fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(ev.Summary))
	}
	src := ev.Source
	var cite []string
	if src.Title != "" {
		t := html.EscapeString(src.Title)
		if u, err := url.Parse(src.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			t = fmt.Sprintf(`<a href="%s">%s</a>`, html.EscapeString(u.String()), t)
		}
		cite = append(cite, t)
	}
	for _, s := range []string{src.Publication, src.Published} {
		if s != "" {
			cite = append(cite, html.EscapeString(s))
		}
	}
	if len(cite) > 0 {
		fmt.Fprintf(&b, "<p>Source: %s</p>", strings.Join(cite, ", "))
	}
	var facts []string
	if ev.CAMEO != "" {
		facts = append(facts, "CAMEO "+html.EscapeString(ev.CAMEO))
	}
	if ev.DateText != "" {
		facts = append(facts, "date as written: “"+html.EscapeString(ev.DateText)+"”")
	}
	if ev.Status != "" {
		facts = append(facts, html.EscapeString(ev.Status.Label()))
	}
	if len(facts) > 0 {
		fmt.Fprintf(&b, "<p><small>%s</small></p>", strings.Join(facts, " · "))
	}
	return b.String()
}

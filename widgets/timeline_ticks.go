package widgets

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
)

// tickUnit is the calendar unit a tick level steps by.
type tickUnit int

const (
	unitYear tickUnit = iota
	unitMonth
	unitDay
)

// tickLevel is one spacing of axis ticks, from a century down to a day.
type tickLevel struct {
	unit   tickUnit
	step   int
	approx float64 // seconds between ticks, for choosing a level
	widest string  // the widest label this level can produce
}

// tickLevels run from fine to coarse; the first whose labels fit is used.
var tickLevels = []tickLevel{
	{unitDay, 1, day, "30 Sep 2025"},
	{unitDay, 2, 2 * day, "30 Sep 2025"},
	{unitDay, 7, 7 * day, "30 Sep 2025"},
	{unitMonth, 1, 30.4 * day, "Sep 2025"},
	{unitMonth, 3, 91.3 * day, "Sep 2025"},
	{unitMonth, 6, 182.6 * day, "Sep 2025"},
	{unitYear, 1, 365.25 * day, "2025"},
	{unitYear, 2, 2 * 365.25 * day, "2025"},
	{unitYear, 5, 5 * 365.25 * day, "2025"},
	{unitYear, 10, 10 * 365.25 * day, "2025"},
	{unitYear, 20, 20 * 365.25 * day, "2025"},
	{unitYear, 50, 50 * 365.25 * day, "2025"},
	{unitYear, 100, 100 * 365.25 * day, "2025"},
}

// tick is one labelled position on the axis.
type tick struct {
	sec   float64
	label string
}

// chooseTickLevel picks the finest level whose widest label, plus a gap, fits
// between two ticks at secondsPerUnit.
func chooseTickLevel(secondsPerUnit float64, textSize float32) tickLevel {
	for _, l := range tickLevels {
		w := fyne.MeasureText(l.widest, textSize, fyne.TextStyle{}).Width + 3*pad
		if l.approx/secondsPerUnit >= float64(w) {
			return l
		}
	}
	return tickLevels[len(tickLevels)-1]
}

// appendTicks appends the ticks of level l that fall within from..to (UTC).
// Month ticks name the year on January and on the first tick; day ticks name it
// on 1 January and on the first tick, so the axis always says which year it is.
func appendTicks(dst []tick, l tickLevel, from, to float64) []tick {
	start := timeF(from)
	var t time.Time
	switch l.unit {
	case unitYear:
		y := floorDiv(start.Year(), l.step) * l.step
		t = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	case unitMonth:
		m := floorDiv(int(start.Month())-1, l.step) * l.step
		t = time.Date(start.Year(), time.Month(m+1), 1, 0, 0, 0, 0, time.UTC)
	default:
		days := int(floorF(from / day))
		if l.step == 7 {
			days -= ((days+3)%7 + 7) % 7 // 1970-01-01 was a Thursday; step back to Monday
		} else {
			days = floorDiv(days, l.step) * l.step
		}
		t = time.Unix(int64(days)*86400, 0).UTC()
	}
	first := true
	for n := 0; n < 1000; n++ {
		sec := unixF(t)
		if sec > to {
			break
		}
		if sec >= from {
			dst = append(dst, tick{sec: sec, label: tickLabel(l.unit, t, first)})
			first = false
		}
		switch l.unit {
		case unitYear:
			t = t.AddDate(l.step, 0, 0)
		case unitMonth:
			t = t.AddDate(0, l.step, 0)
		default:
			t = t.AddDate(0, 0, l.step)
		}
	}
	return dst
}

func tickLabel(u tickUnit, t time.Time, first bool) string {
	switch u {
	case unitYear:
		return strconv.Itoa(t.Year())
	case unitMonth:
		if first || t.Month() == time.January {
			return t.Format("Jan 2006")
		}
		return t.Format("Jan")
	default:
		if first || (t.Month() == time.January && t.Day() == 1) {
			return t.Format("2 Jan 2006")
		}
		return t.Format("2 Jan")
	}
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func floorF(f float64) float64 {
	i := float64(int64(f))
	if i > f {
		i--
	}
	return i
}

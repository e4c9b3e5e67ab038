package extract

import (
	"strconv"
	"strings"
	"time"

	"github.com/attache-app/attache/data/model"
)

// dateExpr is a date expression found in a sentence.
type dateExpr struct {
	date, end, text  string
	precision        model.Precision
	basis            model.DateBasis
	tokStart, tokEnd int
}

var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "jan.": 1, "february": 2, "feb": 2, "feb.": 2, "march": 3, "mar.": 3, "april": 4, "apr": 4, "apr.": 4,
	"may": 5, "june": 6, "jun.": 6, "july": 7, "jul.": 7, "august": 8, "aug": 8, "aug.": 8, "september": 9, "sept": 9, "sept.": 9,
	"sep.": 9, "october": 10, "oct": 10, "oct.": 10, "november": 11, "nov": 11, "nov.": 11, "december": 12, "dec": 12, "dec.": 12,
}

const day = "2006-01-02"

// dayOffsets are the days from publication that "yesterday", "today" and
// "tomorrow" stand for.
var dayOffsets = map[string]int{"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}

// periodShifts are the weeks, months or years from publication that "last
// week", "this month" or "next year" stand for.
var periodShifts = map[string]int{"last": -1, "past": -1, "this": 0, "next": 1}

// futureMarkers make a sentence's bare weekday or month point forward.
var futureMarkers = set(`will would 'll shall plans plan planned scheduled expected upcoming next due`)

func fmtDay(t time.Time) string { return t.Format(day) }

// parsePublished accepts "2006-01-02" or an RFC 3339 time.
func parsePublished(s string) (time.Time, bool) {
	if len(s) >= 10 {
		if t, err := time.Parse(day, s[:10]); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func weekOf(t time.Time) (time.Time, time.Time) {
	off := (int(t.Weekday()) + 6) % 7 // days since Monday
	mon := t.AddDate(0, 0, -off)
	return mon, mon.AddDate(0, 0, 6)
}

func monthOf(y int, m time.Month) (time.Time, time.Time) {
	first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	return first, first.AddDate(0, 1, -1)
}

// tokenWord returns the key of toks[i] with a following "." merged in ("Jan" + ".").
func tokenWord(toks []token, i, end int) (string, int) {
	k := toks[i].key
	if i+1 < end && toks[i+1].text == "." && !toks[i+1].newline {
		if _, ok := months[k+"."]; ok {
			return k + ".", 2
		}
	}
	return k, 1
}

// findDates finds the date expressions in toks[start:end], resolved against pub.
func findDates(toks []token, start, end int, pub time.Time, havePub bool) []dateExpr {
	var out []dateExpr
	datelined := hasDateline(toks, start, end)
	future := false // "will visit on Monday", "would recognise … in September"
	for i := start; i < end; i++ {
		if futureMarkers[toks[i].key] {
			future = true
		}
	}
	rel := func(a, b int, from, to time.Time, prec model.Precision) dateExpr {
		d := dateExpr{text: joinTokens(toks, a, b), precision: prec, tokStart: a, tokEnd: b, basis: model.BasisRelative}
		if !havePub {
			d.basis, d.precision = model.BasisUnresolved, ""
			return d
		}
		d.date = fmtDay(from)
		if !to.Equal(from) {
			d.end = fmtDay(to)
		}
		return d
	}
	for i := start; i < end; i++ {
		t := toks[i]
		if !t.word {
			continue
		}
		k := t.key
		prev := ""
		if i > start {
			prev = toks[i-1].key
		}
		switch {
		case k == "yesterday" || k == "today" || k == "tomorrow" || k == "tonight":
			d := pub.AddDate(0, 0, dayOffsets[k])
			out = append(out, rel(i, i+1, d, d, model.PrecisionDay))
		case weekdays[k] != 0 || k == "sunday":
			if !t.cap {
				continue
			}
			wd := weekdays[k]
			a := i
			var d time.Time
			switch prev {
			case "next", "coming":
				a = i - 1
				d = pub.AddDate(0, 0, 1)
				for d.Weekday() != wd {
					d = d.AddDate(0, 0, 1)
				}
			case "last", "on", "this", "":
				if prev == "last" || prev == "this" {
					a = i - 1
				}
				fallthrough
			default:
				if d.IsZero() && future && prev != "last" && !reported(toks, i, start) {
					d = pub.AddDate(0, 0, 1)
					for d.Weekday() != wd {
						d = d.AddDate(0, 0, 1)
					}
				}
				if d.IsZero() {
					// Under a wire dateline a bare weekday may be the day of the
					// report itself ("SEOUL, Feb. 14 (Yonhap) -- … early Friday");
					// elsewhere it leans to the past, and "last Friday" always does.
					d = pub
					if prev == "last" || !datelined {
						d = pub.AddDate(0, 0, -1)
					}
					for d.Weekday() != wd {
						d = d.AddDate(0, 0, -1)
					}
				}
			}
			if prev == "on" {
				a = i - 1
			}
			out = append(out, rel(a, i+1, d, d, model.PrecisionDay))
		case (k == "week" || k == "month" || k == "year") && (prev == "last" || prev == "this" || prev == "next" || prev == "past"):
			a := i - 1
			shift := periodShifts[prev]
			if a-1 >= start {
				switch toks[a-1].key {
				case "early", "earlier", "late", "later", "mid", "end":
					a--
				}
			}
			if a-2 >= start && (toks[a-1].key == "of" && (toks[a-2].key == "end" || toks[a-2].key == "beginning" || toks[a-2].key == "start")) {
				a -= 2
			}
			var from, to time.Time
			var prec model.Precision
			switch k {
			case "week":
				prec = model.PrecisionWeek
				from, to = weekOf(pub.AddDate(0, 0, 7*shift))
			case "month":
				prec = model.PrecisionMonth
				p := pub.AddDate(0, 0, 1-pub.Day()).AddDate(0, shift, 0)
				from, to = monthOf(p.Year(), p.Month())
			case "year":
				prec = model.PrecisionYear
				y := pub.Year() + shift
				from, to = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
			}
			out = append(out, rel(a, i+1, from, to, prec))
		case isISODate(k):
			d, _ := time.Parse(day, k)
			out = append(out, dateExpr{date: fmtDay(d), precision: model.PrecisionDay, text: t.text, basis: model.BasisExplicit, tokStart: i, tokEnd: i + 1})
		default:
			mw, n := tokenWord(toks, i, end)
			m, ok := months[mw]
			if !ok || !t.cap {
				continue
			}
			if d, ok := monthDate(toks, i, n, end, start, m, pub, havePub, future && !reported(toks, i, start)); ok {
				if !maturity(toks, d.tokStart, start) {
					out = append(out, d)
				}
				i = d.tokEnd - 1
			}
		}
	}
	return out
}

// reported reports whether the date at token i belongs to a reporting verb
// ("Tokyo said on Wednesday"), which is past even in a sentence about the future.
func reported(toks []token, i, start int) bool {
	for k := i - 1; k >= start && k >= i-3; k-- {
		if reportingVerbs[toks[k].key] {
			return true
		}
	}
	return false
}

func isISODate(k string) bool {
	if len(k) != 10 || k[4] != '-' || k[7] != '-' {
		return false
	}
	_, err := time.Parse(day, k)
	return err == nil
}

func dayNumber(k string) int {
	k = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(k, "th"), "st"), "nd"), "rd")
	n, err := strconv.Atoi(k)
	if err != nil || n < 1 || n > 31 {
		return 0
	}
	return n
}

func yearNumber(k string) int {
	if len(k) != 4 {
		return 0
	}
	n, err := strconv.Atoi(k)
	if err != nil || n < 1900 || n > 2100 {
		return 0
	}
	return n
}

// monthDate reads "Jan. 20", "January 20, 2025", "20 January 2025", "January 2025"
// and "in January" around the month word at toks[i] (n tokens long).
func monthDate(toks []token, i, n, end, start int, m time.Month, pub time.Time, havePub, future bool) (dateExpr, bool) {
	a, b := i, i+n
	dnum, year := 0, 0
	if b < end && toks[b].word {
		if d := dayNumber(toks[b].key); d > 0 {
			dnum, b = d, b+1
		}
	}
	if dnum == 0 && a-1 >= start {
		if d := dayNumber(toks[a-1].key); d > 0 {
			dnum, a = d, a-1
		}
	}
	j := b
	if j < end && toks[j].text == "," {
		j++
	}
	if j < end {
		if y := yearNumber(toks[j].key); y > 0 {
			year, b = y, j+1
		}
	}
	inWord := a-1 >= start && (toks[a-1].key == "in" || toks[a-1].key == "since" || toks[a-1].key == "until" || toks[a-1].key == "by" || toks[a-1].key == "during")
	if dnum == 0 && year == 0 && (!inWord || m == 5 || m == 3) {
		return dateExpr{}, false // a bare "May" or "March" is a verb more often than a date
	}
	d := dateExpr{text: joinTokens(toks, a, b), tokStart: a, tokEnd: b, basis: model.BasisExplicit}
	if year == 0 {
		if !havePub {
			d.basis = model.BasisUnresolved
			return d, true
		}
		d.basis = model.BasisRelative
		year = pub.Year()
		probe := time.Date(year, m, max(dnum, 1), 0, 0, 0, 0, time.UTC)
		switch {
		case future && probe.Before(pub.AddDate(0, -1, 0)):
			year++ // "will meet in January", written in November
		case !future && probe.After(pub.AddDate(0, 1, 0)):
			year-- // news leans to the past: "Dec. 20" in a January article is last December
		}
	}
	if dnum > 0 {
		t := time.Date(year, m, dnum, 0, 0, 0, 0, time.UTC)
		if t.Month() != m {
			return dateExpr{}, false
		}
		d.date, d.precision = fmtDay(t), model.PrecisionDay
		return d, true
	}
	from, to := monthOf(year, m)
	d.date, d.end, d.precision = fmtDay(from), fmtDay(to), model.PrecisionMonth
	return d, true
}

// hasDateline reports whether the sentence opens with a dated wire dateline
// ("GENEVA, March 3 (Reuters) -"): a month name, then a dash, within its
// first dozen tokens.
func hasDateline(toks []token, start, end int) bool {
	month := false
	for i := start; i < end && i < start+12; i++ {
		k := toks[i].key
		if _, ok := months[k]; ok && toks[i].cap {
			month = true
		}
		if month && (k == "-" || k == "--" || k == "\u2013" || k == "\u2014") {
			return true
		}
	}
	return false
}

// maturityWords before a date make it a term of a contract or security
// ("notes due January 1, 2047", "an option expiring in March", "through
// January 1993"), not the date of an event.
var maturityWords = set(`due maturing matures mature maturity expiring expires expire expiry expiration through redeemable ending
callable until till`)

// maturity reports whether the date starting at token a is a maturity or term.
func maturity(toks []token, a, start int) bool {
	for k := a - 1; k >= start && k >= a-2; k-- {
		if maturityWords[toks[k].key] {
			return true
		}
		if toks[k].key != "in" && toks[k].key != "on" && toks[k].key != "by" {
			return false
		}
	}
	return false
}

// scheduleWords say that a sentence's date lies ahead by plan.
var scheduleWords = set(`will would 'll shall plans plan planned scheduled expected upcoming next slated`)

// farFuture reports whether an event date lies more than a year after
// publication with no word in the sentence saying it is planned.
func farFuture(date string, pub time.Time, toks []token, s0, s1 int) bool {
	if date == "" || date <= fmtDay(pub.AddDate(1, 0, 0)) {
		return false
	}
	for k := s0; k < s1; k++ {
		if scheduleWords[toks[k].key] {
			return false
		}
	}
	return true
}

package ingest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var months = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

const monthNames = `(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`

var (
	isoDateRe  = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?\b`)
	mdyRe      = regexp.MustCompile(`\b(` + monthNames + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b`)
	dmyRe      = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthNames + `)\.?,?\s+(\d{4})\b`)
	dateLineRe = regexp.MustCompile(`(?i)^(?:(?:published|posted|updated|date|dated|first published)\s*(?:on|:)?\s*)?(.{6,40})$`)
	bylineRe   = regexp.MustCompile(`^(?i:by)\s+([\p{Lu}][\p{L}.'’\-]+(?:\s+(?:and\s+)?[\p{Lu}][\p{L}.'’\-]+){0,5})(?:\s*[,|/–—-]\s*.{0,60})?$`)
)

// parseDate reads a date written in s: ISO 8601 / RFC 3339, "January 17,
// 2025", "Jan. 17", "17 January 2025". A date without a year takes the year
// of yearFrom ("2006-…") when given, else it is not resolved. The result is
// "2006-01-02", or RFC 3339 when a time of day is known.
func parseDate(s, yearFrom string) string {
	if isUTCStamp(s) {
		return s // as readDate formats it
	}
	return readDate(s, yearFrom)
}

// readDate is parseDate without its shortcut for UTC time stamps.
func readDate(s, yearFrom string) string {
	if m := isoDateRe.FindStringSubmatch(s); m != nil {
		if m[4] != "" && m[5] != "" {
			layout := "2006-01-02T15:04"
			if strings.Count(m[4], ":") == 2 {
				layout += ":05"
			}
			zone := m[5]
			if zone != "Z" && !strings.Contains(zone, ":") {
				zone = zone[:3] + ":" + zone[3:]
			}
			if t, err := time.Parse(layout+"Z07:00", m[1]+"-"+m[2]+"-"+m[3]+"T"+m[4]+zone); err == nil {
				return t.Format(time.RFC3339)
			}
		}
		return validDate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := dmyRe.FindStringSubmatch(s); m != nil {
		return validDate(atoi(m[3]), int(months[strings.ToLower(m[2])]), atoi(m[1]))
	}
	if m := mdyRe.FindStringSubmatch(s); m != nil {
		year := atoi(m[3])
		if year == 0 && len(yearFrom) >= 4 {
			year = atoi(yearFrom[:4])
		}
		return validDate(year, int(months[strings.ToLower(m[1])]), atoi(m[2]))
	}
	if t, err := time.Parse(time.RFC1123Z, strings.TrimSpace(s)); err == nil {
		return t.Format(time.RFC3339)
	}
	if t, err := time.Parse(time.RFC1123, strings.TrimSpace(s)); err == nil {
		return t.Format(time.RFC3339)
	}
	return ""
}

// isUTCStamp reports an RFC 3339 time in UTC to the second
// ("2006-01-02T15:04:05Z") that is a real time, which readDate returns as
// it is.
func isUTCStamp(s string) bool {
	if len(s) != len("2006-01-02T15:04:05Z") || s[10] != 'T' || s[19] != 'Z' {
		return false
	}
	for i := range 19 {
		switch i {
		case 4, 7:
			if s[i] != '-' {
				return false
			}
		case 13, 16:
			if s[i] != ':' {
				return false
			}
		case 10:
		default:
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
	}
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}

func validDate(y, m, d int) string {
	if y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return ""
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// textMeta is what the opening paragraphs of a plain-text article say about
// it.
type textMeta struct {
	dateline, published, author, publication string
}

// takeTextMeta reads a dateline, a byline and a date line from the opening
// paragraphs. Byline and date lines standing alone are removed from paras;
// the dateline stays, as it is part of the first sentence.
func takeTextMeta(paras []string, yearFrom string) ([]string, textMeta) {
	var m textMeta
	var out []string
	for i, p := range paras {
		if i < 4 && m.dateline == "" {
			if d := datelineOf(p); d != "" {
				m.dateline = d
				if m.published == "" {
					m.published = parseDate(d, yearFrom)
				}
				if a := agencyIn(d); a != "" {
					m.publication = a
				}
			}
		}
		if i < 3 && runeLen(p) <= 60 {
			if b := bylineRe.FindStringSubmatch(p); b != nil && m.author == "" {
				m.author = b[1]
				continue
			}
			if dl := dateLineRe.FindStringSubmatch(p); dl != nil && m.published == "" {
				if d := parseDate(dl[1], yearFrom); d != "" && strings.Count(dl[1], " ") <= 6 {
					m.published = d
					continue
				}
			}
		}
		out = append(out, p)
	}
	return out, m
}

// datelineOf returns the dateline a paragraph opens with, without its dash.
func datelineOf(p string) string {
	for _, re := range []*regexp.Regexp{datelineWireRe, datelineCapsRe} {
		if m := re.FindStringSubmatch(p); m != nil {
			return strings.TrimRight(m[1], " ")
		}
	}
	return ""
}

var agencyRe = regexp.MustCompile(`\((` + agencies + `)\)`)

var agencyNames = map[string]string{
	"AP": "Associated Press", "The Associated Press": "Associated Press", "AFP": "Agence France-Presse",
}

// agencyIn names the news agency in a dateline such as "BEIJING (AFP)".
func agencyIn(dateline string) string {
	m := agencyRe.FindStringSubmatch(dateline)
	if m == nil || m[1] == "Agencies" || m[1] == "Staff writer" {
		return ""
	}
	if n, ok := agencyNames[m[1]]; ok {
		return n
	}
	return m[1]
}

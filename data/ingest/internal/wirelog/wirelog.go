// Package wirelog writes stories as a news wire prints them, one after
// another in one plain-text log: an all-capitals headline line, the dateline
// opening a body hard-wrapped at about 65 columns whose paragraphs start with
// a four-space indent, a sign-off line, a blank line. The ingest tests build
// logs from constructed stories with it; the wire-log measure builds them
// from a real corpus.
package wirelog

import (
	"regexp"
	"strings"
)

// Story is one wire story. Body is either hard-wrapped already (lines of a
// corpus, paragraphs marked by an indented first line) or a list of
// paragraphs for Wrap.
type Story struct {
	Headline string
	Dateline string // e.g. "SALVADOR, Feb 26 -"
	Body     string
}

// Style says how the dateline meets the body and how a story is signed off.
type Style struct {
	// DatelineApart puts the dateline on a line of its own instead of in
	// front of the body's first line.
	DatelineApart bool
	// IndentFirst indents the story's first line like every other
	// paragraph's.
	IndentFirst bool
	// SignOff is the sign-off line; "" means " Reuter".
	SignOff string
	// NoSignOff leaves the sign-off out: stories are only separated by a
	// blank line.
	NoSignOff bool
}

// Write returns the stories as one wire log.
func Write(stories []Story, st Style) string {
	sign := st.SignOff
	if sign == "" {
		sign = " Reuter"
	}
	var b strings.Builder
	for _, s := range stories {
		b.WriteString(s.Headline)
		b.WriteByte('\n')
		body := strings.TrimRight(s.Body, " \n")
		if st.IndentFirst {
			b.WriteString("    ")
		}
		switch {
		case s.Dateline == "":
		case st.DatelineApart:
			b.WriteString(s.Dateline + "\n")
		default:
			b.WriteString(s.Dateline + " ")
		}
		b.WriteString(body)
		if !st.NoSignOff {
			b.WriteString("\n" + sign)
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// Wrap hard-wraps paragraphs at width columns as a wire does: each
// paragraph's first line is indented by four spaces, except the first
// paragraph's, which the dateline opens (first is the room the dateline
// takes on that line).
func Wrap(paras []string, width, first int) string {
	var b strings.Builder
	for i, p := range paras {
		col := first
		if i > 0 {
			b.WriteString("\n    ")
			col = 4
		}
		for j, w := range strings.Fields(p) {
			if j > 0 && col+1+len(w) > width {
				b.WriteByte('\n')
				col = 0
			} else if j > 0 {
				b.WriteByte(' ')
				col++
			}
			b.WriteString(w)
			col += len(w)
		}
	}
	return b.String()
}

// signOffRe matches a sign-off that a corpus body may already end with
// ("REUTER", " Reuter...").
var signOffRe = regexp.MustCompile(`(?i)\s*\breuters?\s*(?:\.\.\.|…)?\s*$`)

// Expected is the text a reader should get back for a story: the dateline
// opening the body, its sign-off dropped, its wrapped lines joined into
// paragraphs where the indents mark them.
func Expected(s Story) []string {
	body := signOffRe.ReplaceAllString(strings.TrimRight(s.Body, " \n"), "")
	text := body
	if s.Dateline != "" {
		text = s.Dateline + " " + body
	}
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, JoinLines(cur))
			cur = nil
		}
	}
	for _, l := range strings.Split(text, "\n") {
		t := strings.Join(strings.Fields(l), " ")
		if t == "" {
			flush()
			continue
		}
		if strings.HasPrefix(l, "  ") || strings.HasPrefix(l, "\t") {
			flush()
		}
		cur = append(cur, t)
	}
	flush()
	return paras
}

// JoinLines joins the wrapped lines of one paragraph: with a space, or with
// nothing after a word hyphenated across the break.
func JoinLines(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			prev := lines[i-1]
			n := len(prev)
			if !(n > 1 && prev[n-1] == '-' && isLetter(prev[n-2]) && l != "" && l[0] >= 'a' && l[0] <= 'z') {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

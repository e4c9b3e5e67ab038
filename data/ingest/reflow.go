package ingest

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/attache-app/attache/data/internal/plainrun"
)

// line is one physical line of a text file with its indentation noted.
type line struct {
	text     string // trimmed, inner whitespace collapsed
	runes    int    // runeLen(text)
	indented bool   // started with two or more spaces or a tab
	signOff  bool   // text is a sign-off (isSignOff)
}

// layout says how the lines of a text relate to its paragraphs.
type layout int

const (
	// layoutAuto: hard-wrapped text is detected by its line lengths; other
	// text has one paragraph per line.
	layoutAuto layout = iota
	// layoutWrapped: lines are always wrapped (PDF text layers).
	layoutWrapped
	// layoutBlocks: a block of lines up to a blank line is one paragraph
	// (Markdown), list items and headings apart.
	layoutBlocks
	// layoutRecord: layoutAuto for the body field of a record, whose title
	// and dateline are fields of their own: its first line is never a
	// heading, so when it stops short mid-sentence (the dateline that opened
	// it was taken away) the paragraph goes on.
	layoutRecord
)

// paragraphsOf reflows the text of a record's body field into paragraphs.
// Blank lines always separate paragraphs. When the text is hard-wrapped
// (most lines broken near one width or mid-sentence, or paragraphs marked by
// an indented first line), consecutive lines are joined; otherwise every
// line is a paragraph of its own. See reflow for where a wrapped paragraph
// ends.
func paragraphsOf(text string) []string {
	raw := reflow(text, layoutRecord)
	out := make([]string, len(raw))
	for i, p := range raw {
		out[i] = p.text
	}
	return out
}

// rawPara is a paragraph found by reflow.
type rawPara struct {
	text  string
	opens bool // it opens a block: first in the text, after a blank line or a sign-off
}

// reflow joins wrapped lines into paragraphs. In a text that marks its
// paragraphs with an indented first line, a paragraph ends only before an
// indented line; otherwise it also ends after a line that stopped short of
// the width, unless the next line carries on the sentence (it starts in
// lower case, or the short line ends with a hyphenated word part or a
// dateline's dash). Sign-off lines ("Reuter", "AP", "(Reporting by …)",
// "--") and a headline opening a block are always paragraphs of their own;
// a "--" signature delimiter drops the rest of its block.
func reflow(text string, lay layout) []rawPara {
	sc := reflowScratches.Get().(*reflowScratch)
	defer sc.release()
	lines := splitLines(sc.lines[:0], text)
	inner := sortedInnerLengths(sc.inner[:0], lines)
	sc.lines, sc.inner = lines, inner
	var width int
	var wrapped bool
	indents := lay != layoutBlocks && marksIndents(lines, maxInner(inner))
	switch {
	case lay == layoutWrapped:
		width, wrapped = maxInner(inner), true
	case lay == layoutBlocks:
		width, wrapped = 1<<30, true
	case indents:
		width, wrapped = maxInner(inner), true
	default:
		width, wrapped = wrapWidth(inner)
		if !wrapped && breaksMidSentence(lines) {
			width, wrapped = maxInner(inner), true
		}
	}
	paras := sc.paras[:0]
	cur := sc.cur[:0]
	opens := false // cur opens a block
	// Paragraphs of several lines are joined one after the other in
	// joined, and cut from it as one string at the end.
	joined, spans := sc.joined[:0], sc.spans[:0]
	flush := func() {
		switch len(cur) {
		case 0:
			return
		case 1:
			paras = append(paras, rawPara{cur[0], opens})
		default:
			start := len(joined)
			joined = appendWrapped(joined, cur)
			spans = append(spans, paraSpan{len(paras), start, len(joined)})
			paras = append(paras, rawPara{"", opens})
		}
		cur = cur[:0]
	}
	add := func(i int, t string) {
		if len(cur) == 0 {
			opens = opensBlock(lines, i)
		}
		cur = append(cur, t)
	}
	skipBlock := false
	for i, l := range lines {
		if l.text == "" {
			flush()
			skipBlock = false
			continue
		}
		if skipBlock {
			continue
		}
		if l.signOff {
			flush()
			paras = append(paras, rawPara{l.text, opensBlock(lines, i)})
			skipBlock = l.text == "--"
			continue
		}
		if !wrapped {
			// Lines are paragraphs, unless one plainly carries on the
			// sentence of the line before.
			if len(cur) == 0 || !(goesOn(lines[i-1].text, l.text) || firstLineGoesOn(lay, paras, cur, l)) {
				flush()
			}
			add(i, l.text)
			continue
		}
		if opensBlock(lines, i) && i+1 < len(lines) && headsBlock(l.text, lines[i+1].text) {
			flush()
			paras = append(paras, rawPara{l.text, true})
			continue
		}
		if len(cur) > 0 && breaksBefore(lines[i-1], l, cur[0], width, lay, indents) && !firstLineGoesOn(lay, paras, cur, l) {
			flush()
		}
		add(i, l.text)
	}
	flush()
	all := string(joined)
	for _, s := range spans {
		paras[s.para].text = all[s.from:s.to]
	}
	sc.paras, sc.cur, sc.joined, sc.spans = paras, cur, joined, spans
	if len(paras) == 0 {
		return nil
	}
	return slices.Clone(paras)
}

// paraSpan places the text of paragraph para at joined[from:to].
type paraSpan struct {
	para, from, to int
}

// reflowScratch holds what reflow builds and forgets, for the next text.
type reflowScratch struct {
	lines  []line
	inner  []int
	paras  []rawPara
	cur    []string
	joined []byte
	spans  []paraSpan
}

var reflowScratches = sync.Pool{New: func() any { return new(reflowScratch) }}

// release returns sc to reflowScratches without the text it points into.
func (sc *reflowScratch) release() {
	clear(sc.lines)
	clear(sc.paras)
	clear(sc.cur[:cap(sc.cur)])
	reflowScratches.Put(sc)
}

// goesOn reports a line that carries on the sentence of the line before:
// that line stops without final punctuation and this one starts in lower
// case.
func goesOn(prev, l string) bool {
	return startsLower(l) && !endsSentence(prev) && !strings.HasSuffix(prev, ":") && !isListItem(l)
}

// firstLineGoesOn reports the first line of a record's body stopping
// mid-sentence with the next line unindented: it is not a paragraph.
func firstLineGoesOn(lay layout, paras []rawPara, cur []string, l line) bool {
	return lay == layoutRecord && len(paras) == 0 && len(cur) == 1 && !endsSentence(cur[0]) && !l.indented
}

// breaksBefore reports whether a wrapped paragraph ends between prev and l;
// first is the first line of the paragraph so far. Outside Markdown a line
// opening like a list item ("- ", "12. ") starts one only after a sentence,
// a colon or another item: otherwise it is a dash or a number that the wrap
// brought to the start of the line.
func breaksBefore(prev, l line, first string, width int, lay layout, indents bool) bool {
	if isMarkdownHeading(prev.text) || isMarkdownHeading(l.text) {
		return true
	}
	if isListItem(l.text) && (lay == layoutBlocks || endsSentence(prev.text) || strings.HasSuffix(prev.text, ":") || isListItem(first)) {
		return true
	}
	if lay == layoutBlocks {
		return false
	}
	if indents {
		return l.indented
	}
	if l.indented && !prev.indented {
		return true
	}
	short := prev.runes+1+runeLen(firstWord(l.text)) <= width-2
	return short && !endsMidWord(prev.text) && !endsWithDash(prev.text) && !startsLower(l.text)
}

// marksIndents reports a text whose paragraphs start with an indented line
// followed by unindented ones: such first lines are found, and more often
// than lines that start a paragraph after a short line closing a sentence.
func marksIndents(lines []line, width int) bool {
	indented, short := 0, 0
	for i := 0; i+1 < len(lines); i++ {
		l, next := lines[i], lines[i+1]
		if next.text == "" || next.signOff {
			continue
		}
		switch {
		case l.indented && !next.indented:
			indented++
		case l.text != "" && !next.indented && endsSentence(l.text) && !startsLower(next.text) &&
			l.runes+1+runeLen(firstWord(next.text)) <= width-2:
			short++
		}
	}
	return indented > short
}

// headsBlock reports a block's first line that is its heading: a line in
// capitals, or a headline-like line followed by a line opening with a
// dateline.
func headsBlock(l, next string) bool {
	if next == "" {
		return false
	}
	return isCapsHeadline(l) || (opensWithDateline(next) && isHeadline(l))
}

// opensWithDateline reports a line that opens with a dateline, or is one
// standing alone ("TURKU, Finland, March 3 -").
func opensWithDateline(s string) bool {
	if !mayOpenWithDateline(s) {
		return false
	}
	if endsWithDash(s) {
		s += " …"
	}
	return datelineCapsRe.MatchString(s) || datelineWireRe.MatchString(s)
}

// mayOpenWithDateline is a cheap test before the dateline expressions run:
// both need a capital first and a dash after it.
func mayOpenWithDateline(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Lu, r) &&
		(strings.IndexByte(s, '-') >= 0 || strings.Contains(s, "—") || strings.Contains(s, "–"))
}

// opensBlock reports a line at the start of the text, after a blank line or
// after a sign-off.
func opensBlock(lines []line, i int) bool {
	return i == 0 || lines[i-1].text == "" || lines[i-1].signOff
}

// splitLines appends the lines of text to out.
func splitLines(out []line, text string) []line {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	out = slices.Grow(out, strings.Count(text, "\n")+1)[:strings.Count(text, "\n")+1]
	for i := range out {
		r, rest, _ := strings.Cut(text, "\n")
		text = rest
		t := trimBlanks(r)
		runes := len(t)
		if !isCollapsed(t) {
			t = collapseSpaceSlow(r)
			runes = runeLen(t)
		}
		out[i] = line{
			text:     t,
			runes:    runes,
			indented: strings.HasPrefix(r, "  ") || strings.HasPrefix(r, "\t"),
			signOff:  t != "" && isSignOff(t),
		}
	}
	return out
}

// isMarkdownHeading reports a line that is a Markdown heading ("## Text").
func isMarkdownHeading(s string) bool {
	return strings.HasPrefix(s, "#") && mdHeadingRe.MatchString(s)
}

// wrapWidth decides whether the lines are hard-wrapped and at what width:
// at least four lines that are followed by another line in the same block,
// nearly all of them no longer than 100 columns, and most within 15 columns
// of the longest. inner is sortedInnerLengths of the lines.
func wrapWidth(inner []int) (int, bool) {
	if len(inner) < 4 {
		return 0, false
	}
	width := inner[len(inner)*95/100]
	if width > 100 || width < 30 {
		return 0, false
	}
	near := 0
	for _, n := range inner {
		if n >= width-15 {
			near++
		}
	}
	if near*10 < len(inner)*6 {
		return 0, false
	}
	return width, true
}

// breaksMidSentence reports a few lines too few for wrapWidth to judge that
// are wrapped all the same: two or more lines followed by another line of
// their block, none longer than 100 columns, at least half of them 40 or
// longer, and two in three of them stopping mid-sentence.
func breaksMidSentence(lines []line) bool {
	n, long, mid := 0, 0, 0
	for i := 0; i+1 < len(lines); i++ {
		t := lines[i].text
		if t == "" || lines[i+1].text == "" {
			continue
		}
		n++
		switch l := lines[i].runes; {
		case l > 100:
			return false
		case l >= 40:
			long++
		}
		if !endsSentence(t) && !strings.HasSuffix(t, ":") {
			mid++
		}
	}
	return n >= 2 && long*2 >= n && mid*3 >= n*2
}

// maxInner is the longest line followed by another line of its block,
// within the 95th percentile; inner is sortedInnerLengths of the lines.
func maxInner(inner []int) int {
	if len(inner) == 0 {
		return 0
	}
	return inner[len(inner)*95/100]
}

// sortedInnerLengths appends to inner the lengths in runes of the lines
// followed by a non-blank line, which are the ones a hard wrap broke, and
// sorts it shortest first.
func sortedInnerLengths(inner []int, lines []line) []int {
	for i := 0; i+1 < len(lines); i++ {
		if lines[i].text != "" && lines[i+1].text != "" {
			inner = append(inner, lines[i].runes)
		}
	}
	slices.Sort(inner)
	return inner
}

// appendWrapped appends the lines of one paragraph to b, joined by a space
// or, for a word hyphenated across the line break, by nothing.
func appendWrapped(b []byte, lines []string) []byte {
	for i, l := range lines {
		if i > 0 {
			prev := lines[i-1]
			if !(strings.HasSuffix(prev, "-") && len(prev) > 1 && isLetterByte(prev[len(prev)-2]) && startsLower(l)) {
				b = append(b, ' ')
			}
		}
		b = append(b, l...)
	}
	return b
}

// endsWithDash reports a line ending with a free-standing dash, as a
// dateline standing on its own line does ("SALVADOR, Feb 26 -"): the
// sentence goes on.
func endsWithDash(s string) bool {
	for _, d := range []string{" -", " --", " —", " –"} {
		if strings.HasSuffix(s, d) {
			return true
		}
	}
	return false
}

// endsMidWord reports a line ending with a hyphenated word part, which can
// never end a paragraph.
func endsMidWord(s string) bool {
	return strings.HasSuffix(s, "-") && len(s) > 1 && isLetterByte(s[len(s)-2])
}

func isListItem(s string) bool {
	if strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* ") || strings.HasPrefix(s, "• ") {
		return true
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i < 4 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' '
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// collapseSpace trims s and turns every run of white space into one space.
// It also drops control characters and zero-width spaces.
func collapseSpace(s string) string {
	if t := trimBlanks(s); isCollapsed(t) {
		return t // the common case: printable ASCII with single inner spaces
	}
	return collapseSpaceSlow(s)
}

// collapseSpaceSlow is collapseSpace for text that is not isCollapsed once
// trimmed.
func collapseSpaceSlow(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' {
			space = b.Len() > 0
			continue
		}
		if unicode.IsControl(r) {
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isCollapsed reports whether s is printable ASCII without leading, trailing
// or double spaces, which collapseSpace would return unchanged.
func isCollapsed(s string) bool {
	return plainrun.Len(s) == len(s)
}

func runeLen(s string) int {
	if isASCII(s) {
		return len(s)
	}
	return utf8.RuneCountInString(s)
}

func lower(s string) string { return strings.ToLower(s) }

// joinParagraphs builds a stored body: paragraphs separated by a blank line.
func joinParagraphs(paras []string) string { return strings.Join(paras, "\n\n") }

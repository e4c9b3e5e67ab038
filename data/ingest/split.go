package ingest

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A bundle is split into articles by these rules, applied in order:
//
//   - hard boundaries: form feeds and separator lines ("----", "====",
//     "* * *", "###", "# # #", "-- 30 --", "-30-") always end an article;
//   - credit lines ("Photo: AFP", "(AP Photo/Mark Schiefelbein)",
//     "Jane Doe/Getty Images") are dropped: they are not body text;
//   - "Read more" / "Continue reading" lines are dropped and end an article;
//   - a sign-off line ("Reuter", "AP", "(Reporting by …; Editing by …)",
//     "--") ends an article and is dropped; a sign-off after a paragraph's
//     last sentence is cut from it (see signoff.go);
//   - a wire signature ("— AP", "-- Reuters", a trailing "(Reuters)", a
//     "Reporting by …; Editing by …" line) ends an article;
//   - a paragraph cut off mid-sentence (no final punctuation, too long to be
//     a headline) ends an article;
//   - a paragraph opening with an upper-case kicker and a colon
//     ("ESPIONAGE: …"), a wire dateline ("WASHINGTON (Reuters) - …") or a
//     Markdown level-1 heading starts one, taking a headline just before it
//     along.
//
// A text that marks its stories as a wire does (two sign-offs or more, or
// two headlines opening a block and followed by a dateline) is cut at its
// sign-offs, signatures, hard boundaries and such headlines only (a story
// whose sign-off was lost still starts there): there a paragraph without final punctuation (a table row)
// or opening with a dateline or kicker is part of the story around it.
//
// Pieces too small to be articles on their own (a stray headline) are joined
// to the next piece.

// piece is one article found in a text: its paragraphs in order.
type piece struct {
	paras []string
}

var (
	separatorRe = regexp.MustCompile(`^(?:[-=_~*#•·]\s*){3,}$|^-{1,2}\s*30\s*-{1,2}$|^#\s*#\s*#$|^(?i:end of (?:story|article))$`)

	creditRe = regexp.MustCompile(`(?i)^(?:(?:file |top |main )?(?:photos?|photograph|pictures?|images?|video|graphic|illustration|source)(?: credits?)?\s*:\s*\S.{0,80}` +
		`|\((?:[\p{L}.]+ )?photos?\s*/[^)]{1,80}\)` +
		`|(?:photos?|images?|pictures?)\s+(?:by|courtesy of|©)\s+.{1,60}` +
		`|(?:©|\(c\)|copyright)\s*.{1,80}` +
		`|[\p{L}.' -]{1,50}\s*/\s*(?:getty images|afp|reuters|ap|bloomberg|epa|shutterstock|xinhua|efe)(?: via .{1,40})?)$`)

	readMoreRe      = regexp.MustCompile(`(?i)^(?:read more|continue reading|read the full (?:story|article)|full story|click here to read more|more:)\b.{0,100}$`)
	trailReadMoreRe = regexp.MustCompile(`(?i)\s*(?:\.\.\.|…)?\s*(?:read more|continue reading)\s*(?:\.\.\.|…|»|›|→|>>)?$`)

	agencies       = `AP|AFP|Reuters|Bloomberg|Xinhua|CNA|Kyodo|Yonhap|dpa|DPA|UPI|PA|ANSA|EFE|TASS|Tass|IANS|PTI|ANI|Anadolu|Agencies|Staff writer|The Associated Press|Associated Press|Agence France-Presse`
	signatureRe    = regexp.MustCompile(`(?:^|[\s.!?”’"'])(?:[-—–]{1,2}\s*(?:` + agencies + `)|\((?:` + agencies + `)\))$`)
	reportingByRe  = regexp.MustCompile(`^\(?(?:(?:Additional )?[Rr]eporting|Writing|Compiled|Edited|Editing) by .{2,250}$`)
	kickerRe       = regexp.MustCompile(`^[‘'"“]?([\p{Lu}\p{N}][\p{Lu}\p{N}&'’.\-]*(?:\s+[\p{Lu}\p{N}&'’.\-]+){0,4})[’'"”]?:\s+[\p{Lu}\p{N}‘'"“]`)
	datelineCapsRe = regexp.MustCompile(`^([\p{Lu}][\p{Lu}.'’\-]+(?:[ ,/]+[\p{Lu}][\p{Lu}.'’\-]*){0,3}` + datelineRegion + `(?:,\s+[\p{L}.]+\.?\s+\d{1,2}(?:,\s+\d{4})?)?(?:\s*\([^)]{2,40}\))?)\s*[-—–]{1,2}\s+\S`)
	datelineWireRe = regexp.MustCompile(`^([\p{Lu}][\p{L}.'’\-]+(?:[ ,]+[\p{Lu}][\p{L}.'’\-]*){0,3}(?:,\s+[\p{L}.]+\.?\s+\d{1,2}(?:,\s+\d{4})?)?\s*\((?:` + agencies + `)\))\s*[-—–]{1,2}\s+\S`)
	// datelineRegion is the state, province or country that may follow a
	// dateline's city in ordinary case: "PORTLAND, Ore.", "TURKU, Finland",
	// "CALGARY, Alberta", "HALIFAX, Nova Scotia".
	datelineRegion  = `(?:,\s+[\p{Lu}][\p{L}.'’\-]+(?:\s[\p{Lu}][\p{L}.'’\-]+)?)?`
	mdHeadingRe     = regexp.MustCompile(`^(#{1,6})\s+(\S.*?)\s*#*$`)
	setextUnderline = regexp.MustCompile(`^(?:=+|-+)$`)
)

// splitPieces finds the articles in text. With split false everything is one
// piece; credits and separators are still removed.
func splitPieces(text string, split bool, lay layout) []piece {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var out []piece
	for _, seg := range hardSegments(text) {
		paras, signed := cleanParagraphs(reflow(seg, lay))
		if !split {
			if len(out) == 0 {
				out = append(out, piece{})
			}
			for _, p := range paras {
				if !p.readMore {
					out[0].paras = append(out[0].paras, p.text)
				}
			}
			continue
		}
		out = append(out, softSplit(paras, signed)...)
	}
	return mergeSmall(out)
}

// hardSegments cuts text at form feeds and separator lines. A run of '=' or
// '-' directly under a short line is a Markdown heading underline, not a
// separator.
func hardSegments(text string) []string {
	var segs []string
	for _, page := range strings.Split(text, "\f") {
		lines := strings.Split(page, "\n")
		start := 0
		for i, l := range lines {
			t := strings.TrimSpace(l)
			if !separatorRe.MatchString(t) {
				continue
			}
			if setextUnderline.MatchString(t) && i > 0 && strings.TrimSpace(lines[i-1]) != "" && isHeadline(collapseSpace(lines[i-1])) {
				lines[i] = "" // heading underline: keep the heading as a paragraph
				continue
			}
			segs = append(segs, strings.Join(lines[start:i], "\n"))
			start = i + 1
		}
		segs = append(segs, strings.Join(lines[start:], "\n"))
	}
	return segs
}

// para is a paragraph with what the splitter learnt about it.
type para struct {
	text     string
	readMore bool // a dropped "Read more" marker: ends the article
	ends     bool // the article ends after this paragraph
	cutOff   bool // the paragraph stops mid-sentence
	starts   bool // an article starts with this paragraph
	dateline bool // it starts with a dateline
	opens    bool // it opens a block of lines
}

// cleanParagraphs drops credit and sign-off lines and classifies the rest.
// It reports whether the text marks its stories as a wire does: it signs
// them off, or heads them with a headline and a dateline.
func cleanParagraphs(raw []rawPara) ([]para, bool) {
	var out []para
	signOffs := 0
	for _, r := range raw {
		t := r.text
		switch {
		case t == "" || isCredit(t):
			continue
		case isSignOff(t):
			signOffs++
			if len(out) > 0 {
				out[len(out)-1].ends = true
			}
			continue
		case len(t) < 140 && mayReadMore(t) && readMoreRe.MatchString(t):
			if len(out) > 0 {
				out[len(out)-1].ends = true
			}
			continue
		}
		p := para{text: t, opens: r.opens}
		if hasReadMore(t) {
			if loc := trailReadMoreRe.FindStringIndex(t); loc != nil && loc[0] > 0 {
				p.text = strings.TrimSpace(t[:loc[0]])
				p.ends = true
			}
		}
		if cut, ok := cutSignOff(p.text); ok {
			p.text = cut
			p.ends = true
			signOffs++
		}
		if signatureRe.MatchString(tail(p.text)) || reportingByRe.MatchString(p.text) {
			p.ends = true
		}
		p.cutOff = isCutOff(p.text)
		p.dateline = datelineCapsRe.MatchString(p.text) || datelineWireRe.MatchString(p.text)
		p.starts = p.dateline || isKicker(p.text) || isMarkdownH1(p.text)
		out = append(out, p)
	}
	headed := 0
	for i := 1; i < len(out); i++ {
		if h := out[i-1]; out[i].dateline && h.opens && (isHeadline(h.text) || isCapsHeadline(h.text)) {
			headed++
		}
	}
	return out, signOffs >= 2 || headed >= 2
}

// softSplit cuts the paragraphs of one hard segment into pieces. In a signed
// text only the ends found and headed starts count.
func softSplit(paras []para, signed bool) []piece {
	var out []piece
	var cur []string
	started := false // cur holds a paragraph that started an article
	flush := func() {
		if len(cur) > 0 {
			out = append(out, piece{paras: cur})
			cur = nil
		}
		started = false
	}
	for i, p := range paras {
		// Headlines alone (a title, a subtitle) are not an article: they
		// stay with the start that follows them.
		if p.starts && len(cur) > 0 && (started || !allHeadlines(cur)) {
			// A headline right before the start belongs to the new article.
			h := cur[len(cur)-1]
			headed := len(cur) > 1 && (isHeadline(h) || isCapsHeadline(h)) && !paras[i-1].ends
			switch {
			case headed && (!signed || p.dateline && paras[i-1].opens):
				cur = cur[:len(cur)-1]
				flush()
				cur = []string{h}
			case !signed:
				flush()
			}
		}
		cur = append(cur, p.text)
		started = started || p.starts
		if p.ends || (p.cutOff && !signed) {
			flush()
		}
	}
	flush()
	return out
}

// mergeSmall joins pieces that hold no real text (only a headline or a few
// words) to the piece that follows them.
func mergeSmall(pieces []piece) []piece {
	var out []piece
	var pending []string
	for _, p := range pieces {
		paras := append(pending, p.paras...)
		pending = nil
		if textLen(paras) < 40 {
			pending = paras
			continue
		}
		out = append(out, piece{paras: paras})
	}
	if len(pending) > 0 {
		if len(out) > 0 {
			last := &out[len(out)-1]
			last.paras = append(last.paras, pending...)
		} else if textLen(pending) > 0 {
			out = append(out, piece{paras: pending})
		}
	}
	return out
}

func textLen(paras []string) int {
	n := 0
	for _, p := range paras {
		n += runeLen(p)
	}
	return n
}

func isCredit(s string) bool {
	if !mayBeCredit(s) || len(s) > 400 || runesOver(s, 100) {
		return false
	}
	if strings.IndexByte(s, ':') < 0 && strings.IndexByte(s, '/') < 0 && !strings.Contains(s, "©") {
		var buf [400]byte
		l := lowerBytes(buf[:0], s)
		if !bytes.Contains(l, []byte(" by ")) && !bytes.Contains(l, []byte("courtesy")) &&
			!bytes.Contains(l, []byte("(c)")) && !bytes.Contains(l, []byte("copyright")) {
			return false
		}
	}
	return creditRe.MatchString(s)
}

// creditOpenings are the words a credit line may open with (creditRe), in
// lower case.
var creditOpenings = []string{"file ", "top ", "main ", "photo", "picture", "image", "video", "graphic", "illustration", "source", "copyright"}

// mayBeCredit is a cheap test before creditRe runs: a credit opens with a
// bracket, "©" or one of creditOpenings, or has nothing but words before a
// slash ("Jane Doe/Getty Images").
func mayBeCredit(s string) bool {
	if s == "" {
		return false
	}
	// A letter that is not ASCII may fold to one of creditRe's (ſ to s).
	if s[0] == '(' || !isASCII(s[:min(len(s), len("illustration"))]) {
		return true
	}
	first := s[0] | 0x20 // in lower case if a letter
	for _, w := range creditOpenings {
		if first == w[0] && len(s) >= len(w) && strings.EqualFold(s[:len(w)], w) {
			return true
		}
	}
	slash := strings.IndexByte(s, '/')
	if slash <= 0 {
		return false
	}
	for i := range slash {
		c := s[i]
		if c < utf8.RuneSelf && !isLetterByte(c) && strings.IndexByte(".' -\t\n\f\r", c) < 0 {
			return false
		}
	}
	return true
}

// dropFurniture removes credit, sign-off and "Read more" lines from the
// paragraphs of one known article (a record, a web page), which need no
// splitting, and cuts a sign-off from the end of its last paragraph.
func dropFurniture(paras []string) []string {
	out := make([]string, 0, len(paras))
	for _, p := range paras {
		if isCredit(p) || isSignOff(p) || (len(p) < 140 && mayReadMore(p) && readMoreRe.MatchString(p)) {
			continue
		}
		out = append(out, p)
	}
	if n := len(out); n > 0 {
		out[n-1], _ = cutSignOff(out[n-1])
	}
	return out
}

// mayReadMore is a cheap test before readMoreRe runs: the first letter of
// one of its phrases, which have no other case than ASCII's.
func mayReadMore(s string) bool {
	return s != "" && strings.IndexByte("cfmrCFMR", s[0]) >= 0
}

// isKicker reports an upper-case kicker followed by a colon: at least three
// letters before the colon and no lower-case letter among them.
func isKicker(s string) bool {
	m := kickerRe.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	letters := 0
	for _, r := range m[1] {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3
}

func isMarkdownH1(s string) bool {
	return strings.HasPrefix(s, "# ") && mdHeadingRe.MatchString(s)
}

// endsSentence reports whether s ends with final punctuation, possibly
// followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " ”’\"')]*_»")
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '…', '。', '！', '？':
		return true
	}
	return false
}

// isHeadline reports a short line without final punctuation that reads like
// a headline or subhead.
func isHeadline(s string) bool {
	if s == "" || runesOver(s, 120) {
		return false
	}
	if !strings.HasPrefix(s, "#") || !mdHeadingRe.MatchString(s) { // not a Markdown heading
		if endsSentence(s) || strings.HasSuffix(s, ",") || strings.HasSuffix(s, ";") {
			return false
		}
		r, _ := utf8.DecodeRuneInString(s)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("‘'\"“", r) {
			return false
		}
	}
	return !moreWordsThan(s, 14) // counted last, as it costs most
}

// moreWordsThan reports whether s has more than n words, as strings.Fields
// splits them, without building the list.
func moreWordsThan(s string, n int) bool {
	words, in := 0, false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			in = false
		case !in:
			in = true
			words++
			if words > n {
				return true
			}
		}
	}
	return false
}

// isCutOff reports a paragraph that stops mid-sentence: no final
// punctuation, not a colon introducing what follows, not a list item, and too
// long to be a headline.
func isCutOff(s string) bool {
	if endsSentence(s) || strings.HasSuffix(s, ":") || isListItem(s) || isHeadline(s) {
		return false
	}
	return moreWordsThan(s, 14) || runesOver(s, 120)
}

func allHeadlines(paras []string) bool {
	for _, p := range paras {
		if !isHeadline(p) {
			return false
		}
	}
	return true
}

// hasReadMore is a cheap test before the "Read more" expression runs.
func hasReadMore(s string) bool {
	l := lower(s[max(0, len(s)-40):])
	return strings.Contains(l, "read more") || strings.Contains(l, "continue reading")
}

// tail returns the end of a long paragraph from a space on, which is all a
// wire signature needs to be seen; short paragraphs come back whole.
func tail(s string) string {
	if len(s) <= 80 {
		return s
	}
	t := s[len(s)-80:]
	if i := strings.IndexByte(t, ' '); i >= 0 {
		return t[i:]
	}
	return t
}

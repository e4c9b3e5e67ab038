package widgets

import "unicode"

// tokenKind tells how the wrapper treats a token.
type tokenKind uint8

const (
	tokenSegment tokenKind = iota // visible text that is never broken unless it is wider than a line
	tokenSpace                    // a run of blanks; may hang past the right edge
	tokenNewline                  // a hard line break ("\n")
)

// token is a width-independent piece of the text: the unit the wrapper places.
type token struct {
	start, end int // rune offsets
	kind       tokenKind
}

// extendsCluster reports whether r belongs to the grapheme cluster of the rune before it
// (combining marks, joiners, variation selectors, emoji modifiers, tag characters).
func extendsCluster(r rune) bool {
	switch {
	case r == 0x200D, r == 0x200C: // zero-width joiner and non-joiner
		return true
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF: // variation selectors
		return true
	case r >= 0x1F3FB && r <= 0x1F3FF: // emoji skin-tone modifiers
		return true
	case r >= 0xE0020 && r <= 0xE007F: // tag characters (flag sequences)
		return true
	case r >= 0x1160 && r <= 0x11FF: // Hangul jamo vowels and trailing consonants
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc)
}

// nextBoundary returns the end of the grapheme cluster that starts at i.
func nextBoundary(text []rune, i int) int {
	if i >= len(text) {
		return len(text)
	}
	if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
		return i + 2
	}
	if text[i] == '\n' || text[i] == '\r' || isBlank(text[i]) {
		return i + 1 // nothing combines with a line break or a blank
	}
	j := i + 1
	for j < len(text) {
		switch {
		case text[j-1] == 0x200D && text[j] != '\n' && text[j] != '\r' && !isBlank(text[j]):
			j++ // whatever visible follows a joiner joins the cluster
		case extendsCluster(text[j]):
			j++
		case isRegionalIndicator(text[i]) && j == i+1 && isRegionalIndicator(text[j]):
			j++
		default:
			return j
		}
	}
	return j
}

func isRegionalIndicator(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// graphemeStart returns the start of the grapheme cluster containing offset i, so that a
// hit inside a cluster ("e" + combining acute) lands on the cluster boundary.
func graphemeStart(text []rune, i int) int {
	if i <= 0 {
		return 0
	}
	if i >= len(text) {
		return len(text)
	}
	// Walk back to a rune that cannot extend anything, then forward by clusters.
	s := i
	for s > 0 && (extendsCluster(text[s]) || text[s-1] == 0x200D || isRegionalIndicator(text[s]) || text[s] == '\n') {
		if p := text[s-1]; p == '\n' || p == '\r' || isBlank(p) {
			break
		}
		s--
	}
	for {
		e := nextBoundary(text, s)
		if e > i {
			return s
		}
		s = e
	}
}

// isWideScript reports whether r belongs to a script written without spaces between
// words (Chinese, Japanese, Korean), where a line may break between any two characters.
func isWideScript(r rune) bool {
	switch {
	case r >= 0x2E80 && r <= 0x9FFF: // radicals, CJK symbols, kana, unified ideographs
		return true
	case r >= 0xAC00 && r <= 0xD7AF: // Hangul syllables
		return true
	case r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F: // compatibility ideographs and forms
		return true
	case r >= 0xFF00 && r <= 0xFFEF: // full-width forms
		return true
	case r >= 0x20000 && r <= 0x3FFFF: // supplementary ideographs
		return true
	}
	return false
}

// noBreakBefore lists characters that must not start a line (closing punctuation and
// small kana), so "习近平）" never leaves "）" alone at the start of a line.
func noBreakBefore(r rune) bool {
	switch r {
	case ')', ']', '}', ',', '.', ';', ':', '!', '?', '%', '\'', '"', '’', '”', '»',
		'、', '。', '，', '．', '：', '；', '！', '？', '）', '」', '』', '】', '〕', '〉', '》', '｝', '］',
		'ー', '々', 'ぁ', 'ぃ', 'ぅ', 'ぇ', 'ぉ', 'っ', 'ゃ', 'ゅ', 'ょ', 'ゎ',
		'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ッ', 'ャ', 'ュ', 'ョ', 'ヮ', 'ヵ', 'ヶ', '・', '…':
		return true
	}
	return false
}

// noBreakAfter lists characters that must not end a line (opening punctuation).
func noBreakAfter(r rune) bool {
	switch r {
	case '(', '[', '{', '‘', '“', '«', '（', '「', '『', '【', '〔', '〈', '《', '｛', '［':
		return true
	}
	return false
}

// canBreakBetween reports whether a line may break between the cluster starting with a
// and the cluster starting with b when no blank separates them; beforeA is the cluster
// before a (0 if none).
func canBreakBetween(beforeA, a, b rune) bool {
	if noBreakAfter(a) || noBreakBefore(b) {
		return false
	}
	if isWideScript(a) || isWideScript(b) {
		return true
	}
	// "US-China", "Sino–American": a break may follow a dash between letters.
	if (a == '-' || a == '–' || a == '—') && unicode.IsLetter(b) && unicode.IsLetter(beforeA) {
		return true
	}
	return false
}

func isBlank(r rune) bool { return r != '\n' && unicode.IsSpace(r) }

// tokenize splits text into segments, blanks and newlines. Segments contain no break
// opportunity; the wrapper may break between any two tokens.
func tokenize(text []rune) []token {
	toks := make([]token, 0, len(text)/5+1)
	i := 0
	for i < len(text) {
		r := text[i]
		switch {
		case r == '\n':
			toks = append(toks, token{i, i + 1, tokenNewline})
			i++
		case r == '\r' && i+1 < len(text) && text[i+1] == '\n':
			toks = append(toks, token{i, i + 2, tokenNewline})
			i += 2
		case isBlank(r):
			j := i + 1
			for j < len(text) && isBlank(text[j]) && !(text[j] == '\r' && j+1 < len(text) && text[j+1] == '\n') {
				j++
			}
			toks = append(toks, token{i, j, tokenSpace})
			i = j
		default:
			start := i
			prevBase := rune(0)
			prevPrev := rune(0)
			for i < len(text) && text[i] != '\n' && !isBlank(text[i]) {
				e := nextBoundary(text, i)
				base := text[i]
				if prevBase != 0 && canBreakBetween(prevPrev, prevBase, base) {
					toks = append(toks, token{start, i, tokenSegment})
					start = i
				}
				prevPrev, prevBase = prevBase, base
				i = e
			}
			if i > start {
				toks = append(toks, token{start, i, tokenSegment})
			}
		}
	}
	return toks
}

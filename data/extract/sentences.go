package extract

import "unicode/utf8"

// abbreviations end with a period that does not end a sentence.
var abbreviations = set(`mr mrs ms dr prof gen sen rep gov lt col capt maj adm sgt st no nos jan feb mar apr jun jul aug sep sept oct nov dec
inc corp ltd co vs etc jr sr rev ft mt dept univ est approx fig`)

var closers = set(`” ’ " ' ) ]`)

// sentences returns the [start, end) token ranges of the sentences in toks.
// A sentence ends at '.', '!' or '?' (with any closing quotes) before a
// capitalised word, a quote or a digit, and at every line break; not after
// abbreviations such as "Mr." or "Jan.", initials, or "U.S."-style acronyms
// (which the tokenizer keeps whole), nor at a '!' or '?' that closes a
// quotation, which news follows with its attribution.
func sentences(toks []token) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(toks); i++ {
		if i > start && toks[i].newline {
			out = append(out, [2]int{start, i})
			start = i
		}
		t := toks[i].text
		if t != "." && t != "!" && t != "?" && t != "…" {
			continue
		}
		if t == "." && i > 0 && toks[i-1].word && toks[i-1].end == toks[i].start {
			p := toks[i-1]
			if abbreviations[p.key] || (utf8.RuneCountInString(p.text) == 1 && p.cap) {
				continue
			}
		}
		j := i + 1
		if t != "." && j < len(toks) && closers[toks[j].text] && !toks[j].newline {
			continue // “… safe!” Trump wrote: the quote is part of the sentence
		}
		for j < len(toks) && closers[toks[j].text] && !toks[j].newline {
			j++
		}
		if j < len(toks) && !toks[j].newline {
			n := toks[j]
			first, _ := utf8.DecodeRuneInString(n.text)
			if !(n.cap || n.upper || first == '“' || first == '"' || first == '‘' || (first >= '0' && first <= '9') || n.script) {
				continue
			}
		}
		out = append(out, [2]int{start, j})
		start = j
		i = j - 1
	}
	if start < len(toks) {
		out = append(out, [2]int{start, len(toks)})
	}
	return out
}

package extract

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/attache-app/attache/data/model"
)

func sortStable(ids []int, less func(a, b int) bool) {
	sort.SliceStable(ids, func(i, j int) bool { return less(ids[i], ids[j]) })
}

// sentenceCtx is what event coding needs to know about one sentence.
type sentenceCtx struct {
	eb       *entityBuilder
	s0, s1   int
	startAt  []int // token -> mention index starting there, -1 if none
	endAt    []int // token -> mention index ending there, -1 if none
	lastEvt  *Event
	lastSent int
}

// chooseRule picks the best rule for the trigger at token i: curated before
// generated, then the one whose slots match the most words.
func (c *sentenceCtx) chooseRule(fr *formRules, i int) (*rule, int) {
	var best *rule
	bestScore, bestAfter := -1, i+1
	try := func(r *rule) {
		toks := c.eb.toks
		after := i + 1
		if r.particle != "" {
			if after >= c.s1 || toks[after].key != r.particle {
				return
			}
			after++
		}
		score := len(r.slots) * 10
		if r.particle != "" {
			score += 5
		}
		if r.curated {
			score += 1000
		}
		if score <= bestScore {
			return
		}
		from, limit := after, min(c.s1, after+14)
		if r.anywhere {
			from, limit = c.s0, c.s1
		}
		if !c.slotsMatch(r.slots, from, limit, r.anywhere) {
			return
		}
		best, bestScore, bestAfter = r, score, after
	}
	for _, r := range fr.always {
		try(r)
	}
	if fr.byFirst != nil {
		for k := i + 1; k < min(c.s1, i+15); k++ {
			for _, r := range fr.byFirst[c.eb.toks[k].key] {
				try(r)
			}
		}
	}
	return best, bestAfter
}

func (c *sentenceCtx) slotsMatch(slots []map[string]bool, from, limit int, anywhere bool) bool {
	toks := c.eb.toks
	pos := from
	for _, alts := range slots {
		found := false
		for k := pos; k < limit; k++ {
			if !anywhere && (toks[k].key == ";" || toks[k].key == ".") {
				return false
			}
			if alts[toks[k].key] {
				pos, found = k+1, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// between reports whether one of words occurs strictly between tokens a and b.
func (c *sentenceCtx) between(a, b int, words ...string) bool {
	for k := max(a+1, c.s0); k < b; k++ {
		if slices.Contains(words, c.eb.toks[k].key) {
			return true
		}
	}
	return false
}

func (c *sentenceCtx) negated(i int) bool {
	toks := c.eb.toks
	for k := i - 1; k >= c.s0 && k >= i-3; k-- {
		if negators[toks[k].key] {
			return true
		}
		if clauseBreaks[toks[k].key] {
			return false
		}
	}
	return false
}

// skipTitles steps back over title words and the modifiers before them.
func (c *sentenceCtx) skipTitles(k int) int {
	toks := c.eb.toks
	for k >= c.s0 {
		if mi := c.endAt[k]; mi >= 0 && c.eb.ments[mi].prefix {
			k = c.eb.ments[mi].a - 1
			continue
		}
		if _, ok := titles[toks[k].key]; ok && toks[k].word && !c.eb.covered[k] && toks[k].key != "and" {
			k--
			continue
		}
		if toks[k].text == "(" || toks[k].text == ")" || toks[k].script {
			k--
			continue
		}
		break
	}
	return k
}

// skipSame steps back over another mention of ent right before k
// ("Xi Jinping (習近平)").
func (c *sentenceCtx) skipSame(k, ent int) int {
	for k >= c.s0 && c.endAt[k] >= 0 && c.eb.ments[c.endAt[k]].ent == ent {
		k = c.skipTitles(c.eb.ments[c.endAt[k]].a - 1)
	}
	return k
}

// groupBack collects the coordinated mentions ending at mention mi ("Canada and the EU").
func (c *sentenceCtx) groupBack(mi int) []int {
	ents := []int{c.eb.ments[mi].ent}
	toks := c.eb.toks
	k := c.skipSame(c.skipTitles(c.eb.ments[mi].a-1), ents[0])
	for k > c.s0 {
		if toks[k].key == "the" {
			k--
		}
		if k < c.s0 || (toks[k].key != "and" && toks[k].key != "," && toks[k].key != "&") {
			break
		}
		k--
		if k >= c.s0 && toks[k].key == "the" {
			k--
		}
		if k < c.s0 || c.endAt[k] < 0 || c.eb.ments[c.endAt[k]].possessive {
			break
		}
		m := c.eb.ments[c.endAt[k]]
		ents = append([]int{m.ent}, ents...)
		k = c.skipSame(c.skipTitles(m.a-1), m.ent)
	}
	return uniq(ents)
}

// groupForward collects the coordinated mentions starting at mention mi.
func (c *sentenceCtx) groupForward(mi int, exclude map[int]bool) []int {
	toks := c.eb.toks
	var ents []int
	for {
		m := c.eb.ments[mi]
		if !exclude[m.ent] {
			ents = append(ents, m.ent)
		}
		k := m.b
		if k < c.s1 && toks[k].key == "'s" {
			break
		}
		if k+1 >= c.s1 || (toks[k].key != "and" && toks[k].key != "&" && toks[k].key != ",") {
			break
		}
		comma := toks[k].key == ","
		k++
		if k < c.s1 && toks[k].key == "the" {
			k++
		}
		if !comma {
			// "X and Chinese President Xi"; after a comma a title starts an apposition
			for k < c.s1 && c.startAt[k] >= 0 && c.eb.ments[c.startAt[k]].prefix {
				k = c.eb.ments[c.startAt[k]].b
			}
			k = c.skipTitlesForward(k)
		}
		if k >= c.s1 || c.startAt[k] < 0 {
			break
		}
		mi = c.startAt[k]
	}
	return uniq(ents)
}

func (c *sentenceCtx) skipTitlesForward(k int) int {
	toks := c.eb.toks
	for k < c.s1 {
		if _, ok := titles[toks[k].key]; ok && toks[k].word && !c.eb.covered[k] && toks[k].key != "and" {
			k++
			continue
		}
		if mi := c.startAt[k]; mi >= 0 && c.eb.ments[mi].prefix {
			k = c.eb.ments[mi].b
			continue
		}
		break
	}
	return k
}

// setOf returns ids as a set.
func setOf(ids []int) map[int]bool {
	m := make(map[int]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

func uniq(ids []int) []int {
	out := ids[:0]
	for i, v := range ids {
		dup := false
		for _, w := range ids[:i] {
			if w == v {
				dup = true
			}
		}
		if !dup {
			out = append(out, v)
		}
	}
	return out
}

// lastPerson finds the person most recently named before token k.
func (c *sentenceCtx) lastPerson(k int) int {
	for mi := len(c.eb.ments) - 1; mi >= 0; mi-- {
		m := c.eb.ments[mi]
		if m.a < k && !m.prefix && c.eb.ents[m.ent].Kind == model.KindPerson {
			return m.ent
		}
	}
	return -1
}

// qualifier reports whether a mention is the first part of a compound
// adjective ("U.S.-made missiles", "Iran-backed militias"): the target only
// when nothing else in the clause is.
func (c *sentenceCtx) qualifier(m mention) bool {
	if m.re == 0 {
		return false
	}
	t := c.eb.toks[m.a].text
	cut := strings.LastIndexByte(t, '-')
	if cut < 0 || cut+1 >= len(t) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t[cut+1:])
	return unicode.IsLower(r)
}

// parenthesised reports whether a mention stands alone in parentheses, as
// the agency of a dateline does ("DOHA (Al Jazeera) -").
func (c *sentenceCtx) parenthesised(m mention) bool {
	toks := c.eb.toks
	return m.a > c.s0 && m.b < c.s1 && toks[m.a-1].text == "(" && toks[m.b].text == ")"
}

// afterPreposition reports whether the name at token a is the object of a
// preposition ("back to the White House").
func (c *sentenceCtx) afterPreposition(a int) bool {
	k := c.skipTitles(a - 1)
	if k >= c.s0 && c.eb.toks[k].key == "the" {
		k--
	}
	if k > c.s0 && c.eb.toks[k].key == "," && c.endAt[k-1] >= 0 && c.eb.ments[c.endAt[k-1]].place {
		// "of Dusseldorf, West Germany": the country of a place after a preposition
		return c.afterPreposition(c.eb.ments[c.endAt[k-1]].a)
	}
	return k >= c.s0 && prepositions[c.eb.toks[k].key]
}

// actorsBefore finds the subject of the verb at token i.
func (c *sentenceCtx) actorsBefore(i int, stopAtReport bool) (actors []int) {
	toks := c.eb.toks
	possessive := -1
	agent := false
	defer func() {
		// "Ukraine's foreign ministry criticised …": the possessor acts
		if len(actors) == 0 && possessive >= 0 && c.stateOwned(c.eb.ments[possessive]) {
			actors = []int{c.eb.ments[possessive].ent}
		}
		// "The ministry said …": the country the text is about
		if len(actors) == 0 && agent {
			if mc := c.mainCountry(i); mc >= 0 {
				actors = []int{mc}
			}
		}
	}()
	for k := i - 1; k >= c.s0; k-- {
		key := toks[k].key
		if mi := c.endAt[k]; mi >= 0 {
			m := c.eb.ments[mi]
			if m.possessive && possessive < 0 && !m.province && !c.afterPreposition(m.a) {
				possessive = mi
			}
			if m.possessive || m.prefix || m.dateline || m.province || c.afterPreposition(m.a) || c.parenthesised(m) || c.business(m) {
				k = m.a
				continue
			}
			return c.groupBack(mi)
		}
		switch key {
		case "he", "she":
			if p := c.lastPerson(k); p >= 0 {
				return []int{p}
			}
			return nil
		case "they":
			if c.lastEvt != nil && len(c.lastEvt.Actors) >= 2 {
				return uniq(append(append([]int{}, c.lastEvt.Actors...), c.lastEvt.Recipients...))
			}
			return nil
		case "it", "we":
			// "The Pentagon said it would send …": the named body before
			for j := k - 1; j >= c.s0 && j >= k-14; j-- {
				if mi := c.endAt[j]; mi >= 0 && !c.afterPreposition(c.eb.ments[mi].a) && !c.eb.ments[mi].possessive && !c.eb.ments[mi].demonym {
					if kind := c.eb.ents[c.eb.ments[mi].ent].Kind; kind == model.KindCountry || kind == model.KindOrganisation {
						return c.groupBack(mi)
					}
				}
			}
			// "The commerce ministry said it would impose …"
			for j := k - 1; j >= c.s0; j-- {
				if agentNouns[toks[j].key] && !c.privateQualifier(j) {
					agent = true
				}
			}
			return nil
		case "i", "you", "our", "them":
			return nil
		case "us":
			if !toks[k].upper {
				return nil
			}
		}
		if actorBreaks[key] {
			return nil
		}
		if (businessNouns[key] || companySuffixes[key]) && !c.eb.covered[k] {
			return nil // "the company said", "<Sale Tilney Plc> said": a company acts
		}
		if stopAtReport && reportingVerbs[key] {
			return nil
		}
		if agentNouns[key] && i-k <= 4 && !c.privateQualifier(k) {
			agent = true
		}
	}
	return nil
}

// politicalRoles are the CAMEO roles of actors whose acts are diplomatic
// events: governments and their officials, forces and agencies, courts,
// legislatures, parties, opposition, rebels and insurgents, international
// organisations.
var politicalRoles = set(`GOV LEG MIL JUD IGO OPP REB INS PTY SPY COP SEP RAD UAF ELI`)

// political reports whether one of ents is a political actor: a state, or
// a person or body of a known state (or an international organisation)
// holding one of politicalRoles.
func (c *sentenceCtx) political(ents []int) bool {
	for _, id := range ents {
		e := c.eb.ents[id]
		// a role read from a title alone ("Bally spokesman Bill Peltier",
		// "Association president") makes a state's official only where the
		// state is known
		if e.Kind == model.KindCountry || (politicalRoles[e.Role] && (e.Country != "" || e.Role == "IGO")) {
			return true
		}
	}
	return false
}

// businessNouns after an adjective of nationality make it a company's
// description ("the Italian company", "a Japanese bank"), not a state.
var businessNouns = set(`company companies firm firms bank banks group concern insurer broker brokers maker makers producer producers
unit subsidiary institution investor investors press manufacturer retailer chain carrier airline utility conglomerate
industry industries shareholders shareholder traders dealers exporters importers businesses houses brokerages tourists
consumers buyers securities bonds notes debt stock stocks shares market markets`)

// privateQualifier reports whether the agent noun at k belongs to a company
// or a trade ("industry officials", "Chrysler officials"), not a government:
// a business word or a name that is not a country stands before it.
func (c *sentenceCtx) privateQualifier(k int) bool {
	if k <= c.s0 {
		return false
	}
	p := c.eb.toks[k-1]
	if businessNouns[p.key] || p.key == "company" || p.key == "industry" || p.key == "trade" || p.key == "union" {
		return true
	}
	return p.cap && c.endAt[k-1] < 0 && !agentNouns[p.key]
}

// companySuffixes end the names of companies.
var companySuffixes = set(`inc inc. corp corp. co co. ltd ltd. plc ag sa nv gmbh kgaa spa bhd lp llc`)

// politicalNouns after an adjective of nationality make it a state's or a
// people's act ("Israeli forces", "Chinese officials", "Iraqi protesters").
var politicalNouns = set(`government governments officials official authorities leaders leader forces troops army navy military police
soldiers diplomats diplomat negotiators delegation side ministry minister ministers president premier parliament cabinet regime
embassy envoy ambassador spokesman spokeswoman administration state people protesters demonstrators rebels militants guerrillas
students workers farmers opposition junta warplanes jets ships warships planes aircraft tanks artillery missiles central
citizens nationals residents civilians journalists prisoners hostages fishermen sailors crew nation country coalition party`)

// business reports whether a demonym describes something other than a
// state or its people acting: a company ("the Italian company"), or a
// thing ("West German competitors", "Japanese shares").
func (c *sentenceCtx) business(m mention) bool {
	if m.b >= c.s1 {
		return false
	}
	t := c.eb.toks[m.b]
	if businessNouns[t.key] && (c.eb.ents[m.ent].Kind == model.KindCountry || c.eb.ents[m.ent].Kind == model.KindOrganisation) {
		return true // "U.S. brokers", "the Italian company", "U.K. Government securities"
	}
	if !m.demonym {
		return false
	}
	if !t.word || t.cap || politicalNouns[t.key] || reportingVerbs[t.key] || auxiliaries[t.key] || strings.HasSuffix(t.key, "ed") {
		return false // "the Japanese said", "Soviet troops"
	}
	return true
}

// stateOwned reports whether what a possessor owns is a body of the state
// or its people ("Ukraine's foreign ministry", "Belgium's coalition"), not a
// company or a market ("France's second largest telephone firm").
func (c *sentenceCtx) stateOwned(m mention) bool {
	for k := m.b + 1; k < c.s1 && k <= m.b+4; k++ {
		key := c.eb.toks[k].key
		if politicalNouns[key] || agentNouns[key] {
			return true
		}
		if c.eb.ents[m.ent].Kind != model.KindCountry || businessNouns[key] || !c.eb.toks[k].word {
			break
		}
	}
	return c.eb.ents[m.ent].Kind != model.KindCountry
}

// auxiliaries may follow a demonym used as a noun ("the Iraqis have").
var auxiliaries = set(`will would shall should can could may might must has have had is are was were do does did also`)

// refusedWhenNegated are the verbs whose negation is itself a rejection
// ("would not accept US troops", "will not allow inspectors").
var refusedWhenNegated = set(`accept accepts accepted allow allows allowed permit permits permitted tolerate tolerates tolerated`)

// refusal codes a negated verb of refusedWhenNegated.
var refusal = &rule{code: "120", curated: true}

// agentNouns name a government body without naming its country.
var agentNouns = set(`government ministry military army navy police authorities officials president premier minister
parliament cabinet court forces troops regime administration junta embassy coastguard guard`)

// mainCountry is the country named most often before token k (the earliest on
// a tie), or -1.
func (c *sentenceCtx) mainCountry(k int) int {
	counts := map[int]int{}
	best := -1
	for _, m := range c.eb.ments {
		if m.a >= k {
			break
		}
		if c.eb.ents[m.ent].Kind != model.KindCountry {
			continue
		}
		counts[m.ent]++
		if best < 0 || counts[m.ent] > counts[best] {
			best = m.ent
		}
	}
	return best
}

// recipientsAfter finds the first named target after token k.
func (c *sentenceCtx) recipientsAfter(k int, exclude map[int]bool) []int {
	toks := c.eb.toks
	possessive, located := -1, -1
	for j := k; j < c.s1 && j < k+25; j++ {
		if clauseBreaks[toks[j].key] {
			break
		}
		mi := c.startAt[j]
		if mi < 0 {
			continue
		}
		m := c.eb.ments[mi]
		if exclude[m.ent] || m.prefix || m.dateline {
			j = m.b - 1
			continue
		}
		if m.place && m.a > c.s0 && (toks[m.a-1].key == "in" || toks[m.a-1].key == "at") {
			// "met Scholz in Berlin": where it happened, a party only if none is named
			if located < 0 {
				located = mi
			}
			j = m.b - 1
			continue
		}
		if m.possessive || c.qualifier(m) {
			// "the US' biggest rival": a possessor is the target only if nothing else is
			if possessive < 0 {
				possessive = mi
			}
			j = m.b - 1
			continue
		}
		if e := c.eb.ents[m.ent]; possessive >= 0 && e.Kind == model.KindOther && e.Country == "" {
			break // "welcomed North Korea's decision to send athletes to the Winter Olympics": the possessor, not a thing
		}
		return c.groupForward(mi, exclude)
	}
	if possessive >= 0 {
		return []int{c.eb.ments[possessive].ent}
	}
	if located >= 0 && c.eb.ents[c.eb.ments[located].ent].Kind == model.KindCountry {
		return []int{c.eb.ments[located].ent}
	}
	return nil
}

// passive reports whether the trigger at i is a passive participle ("was
// attacked", "were reportedly detained").
func (c *sentenceCtx) passive(i int) bool {
	toks := c.eb.toks
	if !strings.HasSuffix(toks[i].key, "ed") && !irregularParticiples[toks[i].key] {
		return false
	}
	for k := i - 1; k >= c.s0 && k >= i-2; k-- {
		if beForms[toks[k].key] {
			return true
		}
	}
	// A reduced relative clause: "officials accused of rigging the vote".
	if i > c.s0 && i+1 < c.s1 && toks[i+1].key == "of" && toks[i-1].word && !toks[i-1].cap {
		prev := toks[i-1].key
		return !subjectPronouns[prev] && !haveForms[prev] && c.endAt[i-1] < 0
	}
	return false
}

var (
	subjectPronouns = set(`i you he she it we they who which that`)
	haveForms       = set(`has have had having`)
)

var (
	beForms              = set(`was were been being be is are`)
	irregularParticiples = set(`struck shot hit held sent met seized taken brought given told`)
)

// agentAfter finds "by X" after token k.
func (c *sentenceCtx) agentAfter(k int) []int {
	toks := c.eb.toks
	for j := k; j < c.s1 && j < k+10; j++ {
		if toks[j].key == ";" || toks[j].key == "." {
			break
		}
		if toks[j].key != "by" {
			continue
		}
		m := c.skipTitlesForward(j + 1)
		if m < c.s1 && toks[m].key == "the" {
			m = c.skipTitlesForward(m + 1)
		}
		if m < c.s1 && c.startAt[m] >= 0 {
			return c.groupForward(c.startAt[m], map[int]bool{}) // "by Russian forces"; not "by Esselte in the U.S."
		}
		return nil
	}
	return nil
}

// placeCountry returns the first country named in the sentence, the usual
// home of protesters the text does not otherwise name.
func (c *sentenceCtx) placeCountry() []int {
	for k := c.s0 + 1; k < c.s1; k++ {
		if mi := c.startAt[k]; mi >= 0 && c.eb.ents[c.eb.ments[mi].ent].Kind == model.KindCountry && (c.eb.toks[k-1].key == "in" || c.eb.toks[k-1].key == "across" || c.eb.toks[k-1].key == "throughout") {
			return []int{c.eb.ments[mi].ent} // where it happened
		}
	}
	for k := c.s0; k < c.s1; k++ {
		if mi := c.startAt[k]; mi >= 0 && c.eb.ents[c.eb.ments[mi].ent].Kind == model.KindCountry {
			return []int{c.eb.ments[mi].ent}
		}
	}
	return nil
}

// characterised handles "X said China was an adversary": the speaker is the
// actor, the one characterised the recipient.
func (c *sentenceCtx) characterised(i int) (actors, recips []int) {
	toks := c.eb.toks
	recipAt := -1
	for k := i - 1; k >= c.s0; k-- {
		if mi := c.endAt[k]; mi >= 0 && !c.eb.ments[mi].prefix && !c.eb.ments[mi].possessive {
			recips, recipAt = c.groupBack(mi), c.eb.ments[mi].a
			break
		}
		if reportingVerbs[toks[k].key] {
			break
		}
	}
	if recipAt < 0 {
		return nil, nil
	}
	for k := recipAt - 1; k >= c.s0; k-- {
		if reportingVerbs[toks[k].key] {
			actors = c.actorsBefore(k, false)
			break
		}
	}
	if len(actors) == 0 {
		for k := i + 1; k < c.s1; k++ {
			if reportingVerbs[toks[k].key] {
				actors = c.actorsBefore(k, true)
				if len(actors) == 0 && k+1 < c.s1 && c.startAt[k+1] >= 0 {
					actors = []int{c.eb.ments[c.startAt[k+1]].ent}
				}
				break
			}
		}
	}
	for _, a := range actors {
		for _, r := range recips {
			if a == r {
				return nil, nil
			}
		}
	}
	return actors, recips
}

// Distances within which one trigger word governs another or an event
// stays in mind, in tokens unless named otherwise.
const (
	// eventMemorySentences: the last event is what a later sentence can
	// refer back to for this many sentences.
	eventMemorySentences = 2
	// sufferedByTokens: "by" this close before a trigger makes the subject
	// its target ("hit by new sanctions").
	sufferedByTokens = 4
	// objectNounTokens: a noun trigger this close after the last trigger is
	// its object ("dismissed the allegations").
	objectNounTokens = 6
	// objectVerbTokens: a trigger this close after the last one, with no
	// clause break between them, is its object ("suspended trade talks").
	objectVerbTokens = 5
	// purposeTokens: "to" and a trigger this close after the last trigger
	// give its purpose ("met … to discuss").
	purposeTokens = 12
	// matrixScopeTokens: a matrix verb ("agreed to", "refused to") or its
	// negation governs the triggers this far after it.
	matrixScopeTokens = 10
	// noTrigger stands for "no trigger yet in the sentence": far enough
	// before any token that none of the distances above reaches it.
	noTrigger = -100
)

// sentenceState is what event coding remembers while reading one sentence.
type sentenceState struct {
	si        int        // index of the sentence
	dates     []dateExpr // the sentence's dates, read at its first event
	datesDone bool
	suppress  int // triggers before this token are governed by an earlier word
	lastTrig  int // token of the last trigger coded, noTrigger if none
	lastEvent int // index in the output of the sentence's last event, -1 if none
	reportEv  int // an event read from a bare reporting verb, given way to a real trigger after it
}

// events codes the events of every sentence, then merges retellings.
func (x *Extractor) events(eb *entityBuilder, text string, sents [][2]int) []Event {
	c := newSentenceCtx(eb)
	var out []Event
	for si, s := range sents {
		c.s0, c.s1 = s[0], s[1]
		if c.lastSent < si-eventMemorySentences {
			c.lastEvt = nil
		}
		st := &sentenceState{si: si, suppress: -1, lastTrig: noTrigger, lastEvent: -1, reportEv: -1}
		for i := s[0]; i < s[1]; i++ {
			r, after := x.trigger(c, st, i)
			if r == nil {
				continue
			}
			actors, recips, ok := c.parties(r, i, after, st, out)
			if !ok {
				continue
			}
			out = c.record(out, st, r, actors, recips, text, i)
		}
	}
	return merge(out, eb)
}

// newSentenceCtx indexes the mentions of eb by the tokens they start and
// end at.
func newSentenceCtx(eb *entityBuilder) *sentenceCtx {
	c := &sentenceCtx{eb: eb, lastSent: -1}
	c.startAt = make([]int, len(eb.toks))
	c.endAt = make([]int, len(eb.toks))
	for i := range c.startAt {
		c.startAt[i], c.endAt[i] = -1, -1
	}
	for mi, m := range eb.ments {
		if c.startAt[m.a] < 0 {
			c.startAt[m.a] = mi
		}
		c.endAt[m.b-1] = mi
	}
	return c
}

// trigger returns the rule of the event word at token i and the token after
// the words it matched, or nil when token i triggers no event of its own
// here: not an event word, governed by an earlier trigger, negation or
// condition, or a noun rather than an act.
func (x *Extractor) trigger(c *sentenceCtx, st *sentenceState, i int) (*rule, int) {
	eb := c.eb
	t := eb.toks[i]
	if (t.key == "if" || t.key == "unless") && st.lastTrig >= 0 {
		st.suppress = c.s1 // "threatened action if it did not halt its offensive": hypothetical
	}
	if !t.word || t.script || (t.cap && i != c.s0) || eb.covered[i] || i < st.suppress {
		return nil, 0
	}
	var r *rule
	after := i + 1
	if rules := x.lx[t.key]; rules != nil {
		r, after = c.chooseRule(rules, i)
	}
	if r == nil && refusedWhenNegated[t.key] && c.negated(i) {
		r = refusal
	}
	if r == nil || c.notOwnEvent(r, i, st) {
		return nil, 0
	}
	if c.negated(i) {
		if r.matrix {
			st.suppress = i + matrixScopeTokens
		}
		if !refusedWhenNegated[t.key] {
			return nil, 0
		}
		r = refusal
	}
	if r.matrix {
		st.suppress = after + matrixScopeTokens
	}
	return r, after
}

// notOwnEvent reports whether the trigger word at i is part of something
// else than an event of its own: a noun after a determiner or a demonym,
// what the subject suffered, the object or the purpose of the last trigger.
func (c *sentenceCtx) notOwnEvent(r *rule, i int, st *sentenceState) bool {
	eb := c.eb
	t := eb.toks[i]
	if !r.noun && i > c.s0 && determiners[eb.toks[i-1].key] {
		return true
	}
	if mi := c.endAt[max(i-1, 0)]; i > c.s0 && mi >= 0 && eb.ments[mi].demonym && strings.HasSuffix(t.key, "s") {
		return true // "Israeli forces", "Chinese goods": a noun
	}
	if !strings.HasSuffix(t.key, "ing") && c.between(i-sufferedByTokens, i, "by") {
		return true // "hit by new sanctions": what the subject suffered
	}
	if (r.noun && i-st.lastTrig <= objectNounTokens) || (i-st.lastTrig <= objectVerbTokens && !c.between(st.lastTrig, i, ",", "and", "it", "they", "he", "she", "who", "which")) {
		return true // "dismissed the allegations", "suspended trade talks": the verb's object
	}
	if i > c.s0 && eb.toks[i-1].key == "to" && i-st.lastTrig <= purposeTokens {
		return true // "met … to discuss": the purpose of the event already coded
	}
	return false
}

// parties finds who acts and who is acted on for the trigger at token i
// (rule r, its words ending before after); ok is false when the sentence
// names no political actor for it.
func (c *sentenceCtx) parties(r *rule, i, after int, st *sentenceState, out []Event) (actors, recips []int, ok bool) {
	eb := c.eb
	t := eb.toks[i]
	switch {
	case r.charac:
		actors, recips = c.characterised(i)
	case i > c.s0 && st.lastEvent >= 0 && out[st.lastEvent].Start == eb.toks[c.s0].start && (eb.toks[i-1].key == "and" || (eb.toks[i-1].key == "," && strings.HasSuffix(t.key, "ing"))):
		// "visited Beijing and met Xi", "struck Kyiv, killing 12": same actors
		actors = out[st.lastEvent].Actors
	case c.passive(i):
		// "Kyiv was struck by Russian missiles": the agent after "by" acts
		patients := c.actorsBefore(i, false)
		actors = c.agentAfter(after)
		if len(actors) == 0 && strings.HasPrefix(r.code, "15") {
			actors = patients // "Indian troops were deployed": a state moves its own forces
		}
		if len(actors) == 0 {
			st.lastTrig = i
			return nil, nil, false // no agent named: better no event than a reversed one
		}
		recips = patients
	default:
		actors = c.actorsBefore(i, false)
		if len(actors) == 0 && cameoByCode[r.code].Type == "PROTEST" {
			actors = c.placeCountry() // "people marched through Paris"
		}
		if len(actors) == 0 && !r.reverse {
			return nil, nil, false // a reversed rule's actor comes after ("drew criticism from Hungary")
		}
		if !(r.joint && len(actors) >= 2) {
			recips = c.recipientsAfter(after, setOf(actors))
		}
	}
	if len(recips) == 0 && !r.charac && i > c.s0 && st.lastEvent >= 0 && eb.toks[i-1].key == "and" {
		recips = c.recipientsAfter(after, setOf(actors))
	}
	if len(recips) == 0 && !r.reverse && domesticTypes[cameoByCode[r.code].Type] {
		recips = c.ownGround(after, actors)
	}
	if len(recips) == 0 && !r.reverse {
		recips = c.ownGovernment(i, actors)
	}
	if r.reverse {
		if len(recips) == 0 {
			return nil, nil, false
		}
		actors, recips = recips, actors
	}
	if len(actors) == 0 || !(c.political(actors) || (cameoByCode[r.code].Type == "PROTEST" && c.political(recips))) {
		// companies dealing among themselves, or with a market or a
		// country they trade in, are not diplomatic events
		return nil, nil, false
	}
	return actors, recips, true
}

// domesticTypes are the events a state's forces commit against people of
// their own country as often as against another's.
var domesticTypes = map[model.EventType]bool{model.EventCoerce: true, model.EventAssault: true}

// ownGround returns the actor country whose own territory the sentence
// places the event in after token k ("Turkish police detained protesters in
// Istanbul"): with no other target named, the state acted against its own
// people, which PLOVER codes as the country acting on itself.
func (c *sentenceCtx) ownGround(k int, actors []int) []int {
	toks := c.eb.toks
	for j := k; j < c.s1; j++ {
		if clauseBreaks[toks[j].key] {
			return nil
		}
		mi := c.startAt[j]
		if mi < 0 {
			continue
		}
		m := c.eb.ments[mi]
		if m.place && m.a > c.s0 && (toks[m.a-1].key == "in" || toks[m.a-1].key == "at") && c.eb.ents[m.ent].Kind == model.KindCountry && slices.Contains(actors, m.ent) {
			return []int{m.ent}
		}
		j = m.b - 1
	}
	return nil
}

// governmentNouns name a state's government without naming the state.
var governmentNouns = set(`government authorities regime administration`)

// ownGovernment returns the country of the actors when the target after
// the trigger at token k is "the government" (or "the authorities", "the regime") of no
// country named: a person or group of a country acting on their own
// government ("Venezuela's opposition leader called for protests against
// the government"). A state acting on "the government" is left alone: whose
// it is, the sentence does not say.
func (c *sentenceCtx) ownGovernment(k int, actors []int) []int {
	eb := c.eb
	code, nonState := "", false
	for _, a := range actors {
		e := eb.ents[a]
		if code != "" && e.Country != code {
			return nil
		}
		code = e.Country
		nonState = nonState || e.Kind != model.KindCountry
	}
	if code == "" || !nonState {
		return nil
	}
	for j := k + 1; j < c.s1; j++ {
		t := eb.toks[j]
		if clauseBreaks[t.key] || c.startAt[j] >= 0 {
			return nil // a clause ends, or a party is named before any government
		}
		if !governmentNouns[t.key] || eb.toks[j-1].key != "the" || (j+2 < c.s1 && eb.toks[j+1].key == "of" && c.startAt[j+2] >= 0) {
			continue // "the government of Uganda" is Uganda's
		}
		for i, e := range eb.ents {
			if e.Kind == model.KindCountry && e.Country == code {
				return []int{i}
			}
		}
		return nil
	}
	return nil
}

// record appends the event of the trigger at token i to out, dated from
// the sentence's dates; a bare reporting verb's event read just before
// gives way to it.
func (c *sentenceCtx) record(out []Event, st *sentenceState, r *rule, actors, recips []int, text string, i int) []Event {
	eb := c.eb
	if !st.datesDone {
		st.dates = findDates(eb.toks, c.s0, c.s1, eb.pub, eb.havePub)
		st.datesDone = true
	}
	ev := makeEvent(r.code, actors, recips, c, text, i, st.dates)
	if st.reportEv >= 0 && st.reportEv == len(out)-1 {
		// "said it would impose export controls in retaliation": the
		// generated "said … retaliation" reading gives way to "impose"
		out = out[:st.reportEv]
	}
	st.reportEv = -1
	if reportingVerbs[eb.toks[i].key] && !r.curated {
		st.reportEv = len(out)
	} else {
		st.lastTrig = i
	}
	out = append(out, ev)
	st.lastEvent = len(out) - 1
	c.lastEvt, c.lastSent = &out[len(out)-1], st.si
	return out
}

func makeEvent(code string, actors, recips []int, c *sentenceCtx, text string, trig int, dates []dateExpr) Event {
	eb := c.eb
	cc := cameoByCode[code]
	ev := Event{
		Actors: actors, Recipients: recips, Type: cc.Type, Mode: cc.Mode, CAMEO: code,
		Goldstein: cc.Goldstein, QuadClass: model.CAMEOQuadClass(code),
		Start: eb.toks[c.s0].start, End: eb.toks[c.s1-1].end,
	}
	ev.Text = strings.TrimSpace(text[eb.toks[c.s0].bs:eb.toks[c.s1-1].be])
	var where string
	ev.Location, where = c.location()
	if code == "044" || code == "040" {
		// a meeting in one side's country is a visit by the other
		switch a, r := firstCountry(actors, eb.ents), firstCountry(recips, eb.ents); {
		case where != "" && where == r && where != a:
			code = "042"
		case where != "" && where == a && r != "" && where != r:
			code = "043"
		}
		cc = cameoByCode[code]
		ev.CAMEO, ev.Mode, ev.Goldstein, ev.QuadClass = code, cc.Mode, cc.Goldstein, model.CAMEOQuadClass(code)
	}
	what := ""
	if len(dates) > 1 && inDateline(eb.toks, c.s0, dates[0]) {
		dates = dates[1:] // the dateline dates the report, a later expression the event
	}
	if len(dates) > 0 {
		best := dates[0]
		for _, d := range dates[1:] {
			if dist(d, trig) < dist(best, trig) {
				best = d
			}
		}
		ev.Date, ev.EndDate, ev.Precision, ev.DateText, ev.DateBasis = best.date, best.end, best.precision, best.text, best.basis
		what = "the event"
		if eb.havePub && farFuture(best.date, eb.pub, eb.toks, c.s0, c.s1) {
			// a date years ahead that nothing says is planned is not when it happened
			ev.Date, ev.EndDate, ev.Precision, ev.DateText, ev.DateBasis = fmtDay(eb.pub), "", model.PrecisionDay, "", model.BasisPublication
		}
		for k := best.tokStart - 1; k >= c.s0 && k >= best.tokStart-3; k-- {
			if reportingVerbs[eb.toks[k].key] {
				what = "the announcement"
			}
		}
	} else if eb.havePub {
		ev.Date, ev.Precision, ev.DateBasis = fmtDay(eb.pub), model.PrecisionDay, model.BasisPublication
	} else {
		ev.DateBasis = model.BasisUnresolved
	}
	ev.Summary = summary(ev, eb.ents, what)
	return ev
}

// inDateline reports whether d is the date of a wire dateline opening the
// sentence ("GENEVA, March 3 (Reuters) -"): a date within the first few
// tokens followed by a parenthesised agency or a dash.
func inDateline(toks []token, s0 int, d dateExpr) bool {
	if d.tokStart > s0+6 || d.tokEnd >= len(toks) {
		return false
	}
	switch toks[d.tokEnd].text {
	case "(", "-", "--", "–", "—":
		return true
	}
	return false
}

func dist(d dateExpr, i int) int {
	if i < d.tokStart {
		return d.tokStart - i
	}
	return i - d.tokEnd
}

func names(ids []int, ents []Entity) string {
	var ns []string
	for _, id := range ids {
		ns = append(ns, ents[id].Name)
	}
	return strings.Join(ns, ", ")
}

func summary(ev Event, ents []Entity, what string) string {
	s := names(ev.Actors, ents) + ": " + strings.ToLower(cameoByCode[ev.CAMEO].Name[:1]) + cameoByCode[ev.CAMEO].Name[1:]
	if len(ev.Recipients) > 0 {
		s += " → " + names(ev.Recipients, ents)
	}
	switch ev.DateBasis {
	case model.BasisPublication:
		s += fmt.Sprintf(" (dated by publication, %s)", ev.Date)
	case model.BasisUnresolved:
		if ev.DateText != "" {
			s += fmt.Sprintf(" (date %q unresolved)", ev.DateText)
		}
	default:
		s += fmt.Sprintf(" (%s: %q = %s", what, ev.DateText, ev.Date)
		if ev.EndDate != "" {
			s += ".." + ev.EndDate
		}
		s += ")"
	}
	return s
}

func sameSet(a, b []int) bool {
	return len(a) == len(b) && subset(a, b)
}

func subset(a, b []int) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

func datesOverlap(a, b Event) bool {
	if a.DateBasis == model.BasisPublication || b.DateBasis == model.BasisPublication || a.Date == "" || b.Date == "" {
		return true
	}
	ae, be := a.EndDate, b.EndDate
	if ae == "" {
		ae = a.Date
	}
	if be == "" {
		be = b.Date
	}
	return a.Date <= be && b.Date <= ae
}

// merge folds an event told again later in the same text into its first telling.
func merge(evs []Event, eb *entityBuilder) []Event {
	var out []Event
	for _, e := range evs {
		merged := false
		for k := range out {
			o := &out[k]
			if o.Type != e.Type || !datesOverlap(*o, e) {
				continue
			}
			same := sameSet(o.Actors, e.Actors) && (sameSet(o.Recipients, e.Recipients) || len(o.Recipients) == 0 || len(e.Recipients) == 0)
			if o.Type == model.EventConsult {
				a := uniq(append(append([]int{}, o.Actors...), o.Recipients...))
				b := uniq(append(append([]int{}, e.Actors...), e.Recipients...))
				same = subset(a, b) || subset(b, a)
			}
			if !same {
				continue
			}
			if len(o.Recipients) == 0 && len(e.Recipients) > 0 && o.Type != model.EventConsult {
				o.Recipients = e.Recipients
			}
			if len(o.CAMEO) == 3 && strings.HasSuffix(o.CAMEO, "0") && e.CAMEO != o.CAMEO && strings.HasPrefix(e.CAMEO, o.CAMEO[:2]) {
				c := cameoByCode[e.CAMEO]
				o.CAMEO, o.Mode, o.Goldstein = e.CAMEO, c.Mode, c.Goldstein
			}
			if (o.DateBasis == model.BasisPublication || o.DateBasis == model.BasisUnresolved) && (e.DateBasis == model.BasisExplicit || e.DateBasis == model.BasisRelative) {
				o.Date, o.EndDate, o.Precision, o.DateText, o.DateBasis = e.Date, e.EndDate, e.Precision, e.DateText, e.DateBasis
				o.Summary = e.Summary
			} else if e.DateText != "" && e.DateText != o.DateText && e.Date != "" {
				o.Summary += fmt.Sprintf("; also told as %q = %s", e.DateText, e.Date)
			}
			merged = true
			break
		}
		if !merged {
			out = append(out, e)
		}
	}
	return out
}

// location names where the sentence's event happened: a place written after
// "in" or "at" ("in Berlin", "at Camp David"), else the dateline's place.
// It also returns the place's country, "" for the dateline (where the story
// was filed, not necessarily where the event happened).
func (c *sentenceCtx) location() (string, string) {
	eb := c.eb
	for mi, m := range eb.ments {
		if m.a < c.s0 || m.a >= c.s1 || m.a == 0 || m.dateline || !m.place {
			continue
		}
		if k := eb.toks[m.a-1].key; k == "in" || k == "at" {
			e := eb.ents[eb.ments[mi].ent]
			if e.Kind == model.KindPlace {
				return e.Name, e.Country
			}
			return joinTokens(eb.toks, m.a, m.b), e.Country // a capital standing for its country
		}
	}
	if eb.dateline.ent >= 0 {
		return eb.ents[eb.dateline.ent].Name, ""
	}
	return "", ""
}

// firstCountry returns the country of the first of ids, "" if none.
func firstCountry(ids []int, ents []Entity) string {
	if len(ids) == 0 {
		return ""
	}
	return ents[ids[0]].Country
}

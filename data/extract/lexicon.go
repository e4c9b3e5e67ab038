package extract

import (
	"fmt"
	"strings"

	"github.com/attache-app/attache/data/extract/internal/inflect"
	"github.com/attache-app/attache/resources"
)

// rule is one event pattern: a trigger word, optionally a particle right after
// it, and slot words that must follow in order.
type rule struct {
	code     string
	particle string            // "" or the word that must follow the trigger ("call on")
	slots    []map[string]bool // each slot: its alternative words
	noun     bool              // trigger is a literal (noun) form; no determiner check
	matrix   bool              // takes a complement whose triggers are not separate events
	charac   bool              // characterisation by the speaker
	joint    bool              // all coordinated subjects are actors
	anywhere bool              // slot words may be anywhere in the sentence
	reverse  bool              // the subject is the recipient ("received a loan from")
	curated  bool
}

// formRules are the rules of one trigger form: those checked every time
// (no slots, a particle, or slots anywhere in the sentence) and the others
// indexed by the words of their first slot, so that a sentence only pays for
// the patterns whose first word it contains.
type formRules struct {
	always  []*rule
	byFirst map[string][]*rule
}

// lexicon maps trigger forms to their rules.
type lexicon map[string]*formRules

func (lx lexicon) add(form string, r *rule) {
	fr := lx[form]
	if fr == nil {
		fr = &formRules{}
		lx[form] = fr
	}
	if len(r.slots) == 0 || r.particle != "" || r.anywhere {
		fr.always = append(fr.always, r)
		return
	}
	if fr.byFirst == nil {
		fr.byFirst = map[string][]*rule{}
	}
	for w := range r.slots[0] {
		fr.byFirst[w] = append(fr.byFirst[w], r)
	}
}

func loadLexicon() (lexicon, error) {
	lx := lexicon{}
	if err := lx.load(resources.GazetteerPatterns, true); err != nil {
		return nil, err
	}
	if err := lx.load(resources.GazetteerVerbs, false); err != nil {
		return nil, err
	}
	return lx, nil
}

func (lx lexicon) load(name string, curated bool) error {
	var current []string // forms of the last "=" line
	return eachLine(name, func(f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("want at least 3 fields, have %d", len(f))
		}
		code, flags, triggers := field(f, 0), field(f, 1), field(f, 2)
		if code == "=" {
			current = strings.Split(triggers, ",")
			return nil
		}
		code = knownCode(code)
		if code == "" {
			if curated {
				return fmt.Errorf("unknown CAMEO code %q", field(f, 0))
			}
			return nil
		}
		if cameoByCode[code].Type == "" {
			return nil // public statements are not events here
		}
		var slots []map[string]bool
		for _, s := range strings.Fields(field(f, 3)) {
			alts := map[string]bool{}
			for _, a := range strings.Split(s, "|") {
				alts[a] = true
			}
			slots = append(slots, alts)
		}
		mk := func(particle string) *rule {
			return &rule{code: code, particle: particle, slots: slots, curated: curated,
				noun:   strings.Contains(flags, "N"),
				matrix: strings.Contains(flags, "M"), charac: strings.Contains(flags, "C"),
				joint: strings.Contains(flags, "S"), anywhere: strings.Contains(flags, "A"),
				reverse: strings.Contains(flags, "R")}
		}
		if !curated && !contentSlot(slots) {
			// CAMEO.2.0's bare verb codes fire on too much ordinary prose
			// ("came", "remains"); only its verb+object patterns are used.
			return nil
		}
		if triggers == "=" {
			for _, form := range current {
				lx.add(form, mk(""))
			}
			return nil
		}
		for _, t := range strings.Split(triggers, ",") {
			t = strings.TrimSpace(t)
			particle := ""
			if i := strings.IndexByte(t, '+'); i >= 0 {
				t, particle = t[:i], t[i+1:]
			}
			parts := strings.Split(t, ":")
			forms := parts
			if !strings.Contains(flags, "N") {
				forms = append(append([]string{}, parts...), inflect.Verb(parts[0])...)
			}
			r := mk(particle)
			for _, form := range forms {
				lx.add(form, r)
			}
		}
		return nil
	})
}

// knownCode returns code if the codebook has it, else its nearest listed
// parent ("0313" -> "031" -> "030"), else "".
func knownCode(code string) string {
	for _, c := range []string{code, prefix(code, 3), prefix(code, 2) + "0"} {
		if _, ok := cameoByCode[c]; ok && len(c) >= 3 {
			return c
		}
	}
	return ""
}

func prefix(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[:n]
}

// contentSlot reports whether some slot asks for a content word: a generated
// pattern whose slots are all prepositions ("head … to") fires on too much.
func contentSlot(slots []map[string]bool) bool {
	for _, alts := range slots {
		for a := range alts {
			if !stopwords[a] && len(a) > 2 {
				return true
			}
		}
	}
	return false
}

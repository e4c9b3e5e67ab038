package main

import (
	"regexp"
	"strings"

	"github.com/attache-app/attache/data/extract/internal/inflect"
)

var (
	blockRE   = regexp.MustCompile(`^---\s+(\S+)\s+\[([^\]]*)\]`)
	bracketRE = regexp.MustCompile(`\[([0-9]{2,4}|---)(?::[0-9]*)?\]`)
	braceRE   = regexp.MustCompile(`\{([^}]*)\}`)
)

// readVerbs turns the verb blocks of CAMEO.2.0.txt into pattern lines: each verb
// form with its code, and each "- * WORDS [code]" pattern as the verb forms of
// its block followed by the words that must come after the verb. Synonym sets
// (&SET) become alternatives; patterns with words before the verb, and those
// coded "---", are dropped.
func readVerbs(path string) ([]string, error) {
	sets := map[string][]string{}
	var curSet string
	type block struct {
		code     string
		forms    map[string]bool
		verbs    []string // "code\tforms"
		patterns [][2]string
	}
	var blocks []*block
	var cur *block
	err := scanFile(path, func(line string) {
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		t := strings.TrimSpace(line)
		if t == "" {
			curSet = ""
			return
		}
		if strings.HasPrefix(t, "&") {
			curSet = strings.Trim(t, "&_ ")
			return
		}
		if curSet != "" && strings.HasPrefix(t, "+") {
			sets[curSet] = append(sets[curSet], strings.ToLower(words(t[1:])))
			return
		}
		if m := blockRE.FindStringSubmatch(t); m != nil {
			cur = &block{code: m[2], forms: map[string]bool{}}
			blocks = append(blocks, cur)
			return
		}
		if cur == nil {
			return
		}
		if strings.HasPrefix(t, "-") {
			m := bracketRE.FindStringSubmatch(t)
			if m == nil || m[1] == "---" {
				return
			}
			body := strings.TrimSpace(t[1:strings.Index(t, "[")])
			star := strings.Index(body, "*")
			if star != 0 {
				return
			}
			cur.patterns = append(cur.patterns, [2]string{m[1], body[1:]})
			return
		}
		// A verb line: FORM {INFLECTIONS} [code]
		code := cur.code
		if m := bracketRE.FindStringSubmatch(t); m != nil {
			code = m[1]
		}
		head := t
		if i := strings.IndexAny(head, "{["); i >= 0 {
			head = head[:i]
		}
		head = strings.TrimPrefix(strings.TrimSpace(head), "+")
		if head == "" || strings.Contains(head, "_") {
			return // multi-word verb forms are left to the curated patterns
		}
		forms := []string{strings.ToLower(head)}
		if m := braceRE.FindStringSubmatch(t); m != nil {
			for _, f := range strings.Fields(m[1]) {
				forms = append(forms, strings.ToLower(strings.TrimPrefix(f, "+")))
			}
		} else {
			forms = append(forms, inflect.Verb(strings.ToLower(head))...)
		}
		for _, f := range forms {
			cur.forms[f] = true
		}
		if code != "---" {
			cur.verbs = append(cur.verbs, code+"\tN\t"+strings.Join(forms, ",")+"\t")
		}
	})
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, b := range blocks {
		lines = append(lines, b.verbs...)
		if len(b.forms) == 0 {
			continue
		}
		// "=" lines name the verb forms that the following "=" triggers stand for.
		lines = append(lines, "=\t\t"+strings.Join(sortedKeys(b.forms), ",")+"\t")
		for _, p := range b.patterns {
			slots := patternSlots(p[1], sets)
			if slots == "" {
				continue
			}
			lines = append(lines, p[0]+"\tN\t=\t"+slots)
		}
	}
	return lines, nil
}

// patternSlots flattens "{PEACE &TREATY} (ON &DEFENSE)" into "peace treaty|pact on defense|…".
func patternSlots(s string, sets map[string][]string) string {
	s = strings.NewReplacer("{", " ", "}", " ", "(", " ", ")", " ", "$", " ", "+", " ", "^", " ", "%", " ").Replace(s)
	var slots []string
	for _, w := range strings.Fields(s) {
		if strings.HasPrefix(w, "&") {
			alts := sets[strings.Trim(w, "&_")]
			if len(alts) == 0 {
				return ""
			}
			var one []string
			for _, a := range alts {
				if !strings.Contains(a, " ") {
					one = append(one, a)
				}
			}
			if len(one) == 0 {
				return ""
			}
			slots = append(slots, strings.Join(one, "|"))
			continue
		}
		w = strings.ToLower(strings.Trim(w, "_"))
		if w == "" || strings.ContainsAny(w, "*|") {
			continue
		}
		for _, part := range strings.Split(w, "_") {
			if part != "" {
				slots = append(slots, part)
			}
		}
	}
	return strings.Join(slots, " ")
}

// Package search is Attaché's fuzzy entity index: it finds people,
// countries, organisations and places by any of their names or aliases, in any
// script, ranking them with github.com/sahilm/fuzzy.
//
// Matching is case-insensitive and ignores diacritics (see Fold). A space in
// the query is a character like any other: it must match a space in the name,
// so "cook isl" finds "Cook Islands" (words in that order) but not
// "Cookisland Bakery", while "cookisl" finds both; leading and trailing
// white space is ignored and runs of white space count as one space.
//
// The index gives exactly the ranking that fuzzy.Find gives over the folded
// names, only faster: a name whose rune set (a 64-bit mask) lacks a rune of
// the query, or that does not hold the query's runes in order, cannot match,
// so it is never handed to fuzzy; and when only the best few are asked for,
// a name whose score bound (from where its runes could earn fuzzy's
// bonuses, and its length) is below the current last place is never scored.
// Results are ranked by score, then by the order of the entries, which is how
// fuzzy.Find's stable sort breaks ties. A test checks the result against
// plain fuzzy.Find on 100,000 names, and a fuzz test on arbitrary ones.
package search

import (
	"runtime"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/attache-app/attache/data/model"
	"github.com/sahilm/fuzzy"
)

// Entry is one entity to index: its canonical name and aliases.
type Entry struct {
	ID      int64
	Name    string
	Aliases []string
	Kind    model.EntityKind
}

// Match is one entity found by Find, with the name or alias that matched best.
type Match struct {
	ID      int64
	Text    string // the name or alias that matched, as given in the Entry
	IsAlias bool
	Runes   []int // rune indexes into Text of the matched characters, ascending
	Score   int   // fuzzy's score of the folded Text (see Fold); higher is better
}

// blockSize is the number of names whose masks are OR-ed into one block
// mask, so whole blocks without a query rune are skipped.
const blockSize = 64

// Index is an immutable fuzzy index over names and aliases. It is safe for
// concurrent use.
type Index struct {
	keys   []string // folded names, in entry order: name, then aliases
	canon  []string // keys with canonical runes, for the in-order pre-check
	texts  []string // original names
	owner  []int32  // entry index of each name
	alias  []bool
	masks  []uint64
	runes  []int32
	bonus  []uint64 // runes at positions fuzzy gives a bonus to (see prune.go)
	first  []uint64 // bit of the first rune
	length []int32  // byte length fuzzy scores with
	blocks []uint64
	ids    []int64
}

// NewIndex builds an index over the names and aliases of entries. Empty
// names are skipped. Entries that share an ID are one entity: Find lists it
// once.
func NewIndex(entries []Entry) *Index {
	ix := &Index{ids: make([]int64, len(entries))}
	first := make(map[int64]int32, len(entries))
	add := func(e int32, s string, alias bool) {
		if s == "" {
			return
		}
		k := Fold(s)
		m, n := mask(k)
		if len(ix.keys)%blockSize == 0 {
			ix.blocks = append(ix.blocks, 0)
		}
		ix.blocks[len(ix.blocks)-1] |= m
		ix.keys = append(ix.keys, k)
		ix.canon = append(ix.canon, canonicalString(k))
		ix.texts = append(ix.texts, s)
		ix.owner = append(ix.owner, e)
		ix.alias = append(ix.alias, alias)
		ix.masks = append(ix.masks, m)
		ix.runes = append(ix.runes, int32(n))
		b, f, l := bonusMask(k)
		ix.bonus = append(ix.bonus, b)
		ix.first = append(ix.first, f)
		ix.length = append(ix.length, int32(l))
	}
	for i, e := range entries {
		ix.ids[i] = e.ID
		owner, ok := first[e.ID]
		if !ok {
			owner = int32(i)
			first[e.ID] = owner
		}
		add(owner, e.Name, false)
		for _, a := range e.Aliases {
			add(owner, a, true)
		}
	}
	return ix
}

// Len returns the number of names and aliases in the index.
func (ix *Index) Len() int { return len(ix.keys) }

// candidates is the fuzzy.Source of the names that passed the pre-filter.
type candidates struct {
	ix  *Index
	pos []int32
}

func (c candidates) String(i int) string { return c.ix.keys[c.pos[i]] }
func (c candidates) Len() int            { return len(c.pos) }

// Find returns the entities whose name or an alias fuzzily matches query,
// best first, each entity once with its best-matching name (on equal scores
// the earlier one: the canonical name before aliases). At most limit matches
// are returned; limit <= 0 means all. An empty query matches nothing.
func (ix *Index) Find(query string, limit int) []Match {
	q := foldQuery(query)
	if q == "" {
		return nil
	}
	qm, qn := mask(q)
	qc := canonicalString(q)
	var pos []int32
	for b, bm := range ix.blocks {
		if bm&qm != qm {
			continue
		}
		end := min((b+1)*blockSize, len(ix.masks))
		for i := b * blockSize; i < end; i++ {
			if ix.masks[i]&qm == qm && int(ix.runes[i]) >= qn {
				pos = append(pos, int32(i))
			}
		}
	}
	var top []hit
	var matched [][]int
	ok := false
	if limit > 0 && limit <= maxPruneLimit {
		top, matched, ok = ix.findPruned(q, qc, pos, limit)
	}
	if !ok {
		kept := pos[:0]
		for _, i := range pos {
			if hasSubsequence(ix.canon[i], qc) {
				kept = append(kept, i)
			}
		}
		pos = kept
		found := match(q, ix, pos)
		top = topK(bestPerEntity(ix, pos, found), limit)
		matched = make([][]int, len(top))
		for k, h := range top {
			matched[k] = found[h.match].MatchedIndexes
		}
	}
	out := make([]Match, len(top))
	for k, h := range top {
		i := h.pos
		out[k] = Match{
			ID:      ix.ids[ix.owner[i]],
			Text:    ix.texts[i],
			IsAlias: ix.alias[i],
			Runes:   runeIndexes(ix.keys[i], matched[k]),
			Score:   h.score,
		}
	}
	return out
}

// parallelFrom is the number of candidates from which match splits the work
// between goroutines.
const parallelFrom = 4096

// match runs fuzzy over the candidates at pos and returns its matches in
// candidate order, their Index being the index into pos. Large candidate
// lists are split into contiguous chunks matched concurrently.
func match(q string, ix *Index, pos []int32) fuzzy.Matches {
	parts := min(runtime.GOMAXPROCS(0), 4, len(pos)/parallelFrom)
	if parts <= 1 {
		return fuzzy.FindFromNoSort(q, candidates{ix, pos})
	}
	results := make([]fuzzy.Matches, parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := p*len(pos)/parts, (p+1)*len(pos)/parts
		wg.Go(func() {
			ms := fuzzy.FindFromNoSort(q, candidates{ix, pos[lo:hi]})
			for k := range ms {
				ms[k].Index += lo
			}
			results[p] = ms
		})
	}
	wg.Wait()
	var all fuzzy.Matches
	for _, ms := range results {
		all = append(all, ms...)
	}
	return all
}

// hit is one fuzzy match: its name's position in the index, its score and
// its index in fuzzy's result.
type hit struct {
	pos   int32
	score int
	match int
}

// better orders hits as fuzzy.Find's stable sort does: by score, then by
// position.
func better(a, b hit) bool {
	return a.score > b.score || (a.score == b.score && a.pos < b.pos)
}

// bestPerEntity keeps each entity's best hit, in the order the entities
// first match.
func bestPerEntity(ix *Index, pos []int32, found fuzzy.Matches) []hit {
	var best []hit
	at := map[int32]int{}
	for k, f := range found {
		h := hit{pos: pos[f.Index], score: f.Score, match: k}
		o := ix.owner[h.pos]
		if j, ok := at[o]; !ok {
			at[o] = len(best)
			best = append(best, h)
		} else if better(h, best[j]) {
			best[j] = h
		}
	}
	return best
}

// byRank is better as a comparison function: the better hit first.
func byRank(a, b hit) int {
	if better(a, b) {
		return -1
	}
	return 1
}

// topK returns the k best hits in order (all of them when k <= 0).
func topK(hs []hit, k int) []hit {
	if k <= 0 || k >= len(hs) {
		slices.SortFunc(hs, byRank)
		return hs
	}
	top := make([]hit, 0, k+1)
	for _, h := range hs {
		if len(top) == k && !better(h, top[k-1]) {
			continue
		}
		at, _ := slices.BinarySearchFunc(top, h, byRank)
		top = slices.Insert(top, at, h)
		if len(top) > k {
			top = top[:k]
		}
	}
	return top
}

// runeIndexes converts ascending byte offsets into s to rune offsets.
func runeIndexes(s string, bytes []int) []int {
	out := make([]int, 0, len(bytes))
	r, b := 0, 0
	for _, want := range bytes {
		for b < want {
			_, size := utf8.DecodeRuneInString(s[b:])
			b += size
			r++
		}
		out = append(out, r)
	}
	return out
}

package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// Bounds on sahilm/fuzzy's score, used to skip names that cannot reach the
// top results. fuzzy scores a match as the sum, over the query's runes, of
// 10 for matching the name's first rune, 20 for a rune after a separator or
// at a lower-to-upper case change (never both), and an adjacency bonus that
// triples with each further adjacent rune; minus a penalty for leading
// unmatched runes; minus the name's length in bytes, plus the query's
// length in runes.

// separators are the runes after which fuzzy gives its separator bonus.
const separators = "/-_ .\\"

// maxPruneRunes is the longest query for which the bound is used; beyond it
// the adjacency bonus makes the bound too loose to help, and the mask and
// in-order filters leave few names anyway.
const maxPruneRunes = 6

// maxPruneLimit is the largest limit for which Find prunes.
const maxPruneLimit = 64

// bonusMask returns the rune-bit set of the runes of key that follow a
// separator or a lower-case letter while being upper-case, the bit of its
// first rune, and its byte length up to the first NUL (fuzzy stops there).
func bonusMask(key string) (bonus, first uint64, length int) {
	length = len(key)
	var last rune
	for j, r := range key {
		if r == 0 && j < length {
			length = j
		}
		if j == 0 {
			first = bit(r)
		} else if (last < utf8.RuneSelf && strings.IndexByte(separators, byte(last)) >= 0) ||
			(unicode.IsLower(last) && unicode.IsUpper(r)) {
			bonus |= bit(r)
		}
		last = r
	}
	return bonus, first, length
}

// maxAdjacency is the largest total adjacency bonus of an n-rune query.
func maxAdjacency(n int) int {
	cur := 0
	for i := 1; i < n; i++ {
		cur += cur*2 + 5
	}
	return cur
}

// upperBound returns a score that fuzzy's score of name i for a query with
// rune bits qb cannot exceed.
func (ix *Index) upperBound(i int32, qb []uint64, adj int) int {
	ub := len(qb) - int(ix.length[i]) + adj
	b := ix.bonus[i]
	switch {
	case b&qb[0] != 0:
		ub += 20
	case ix.first[i] == qb[0]:
		ub += 10
	}
	for _, q := range qb[1:] {
		if b&q != 0 {
			ub += 20
		}
	}
	return ub
}

// topList keeps the best hit of at most k entities, best first.
type topList struct {
	k     int
	hits  []hit
	owner []int32
}

// add offers h (a hit of entity owner) to the list.
func (t *topList) add(h hit, owner int32) {
	for i, o := range t.owner {
		if o != owner {
			continue
		}
		if !better(h, t.hits[i]) {
			return
		}
		t.remove(i)
		break
	}
	if len(t.hits) == t.k {
		if !better(h, t.hits[t.k-1]) {
			return
		}
		t.remove(t.k - 1)
	}
	at := len(t.hits)
	for at > 0 && better(h, t.hits[at-1]) {
		at--
	}
	t.hits = append(t.hits, hit{})
	t.owner = append(t.owner, 0)
	copy(t.hits[at+1:], t.hits[at:])
	copy(t.owner[at+1:], t.owner[at:])
	t.hits[at], t.owner[at] = h, owner
}

func (t *topList) remove(i int) {
	t.hits = append(t.hits[:i], t.hits[i+1:]...)
	t.owner = append(t.owner[:i], t.owner[i+1:]...)
}

// pruneChunk is how many names are matched between threshold checks.
const pruneChunk = 128

// findPruned returns the best hit of the limit best entities among the
// candidates at pos (qc is the query's canonical string for the in-order
// check), matching the candidates in decreasing order of their
// score bound and stopping once no remaining one can reach the limit-th
// best score. ok is false when the bound does not apply (long query, wide
// bound range); the caller then matches every candidate.
func (ix *Index) findPruned(q, qc string, pos []int32, limit int) (top []hit, matched [][]int, ok bool) {
	qb := make([]uint64, 0, maxPruneRunes)
	for _, r := range q {
		if len(qb) == maxPruneRunes {
			return nil, nil, false
		}
		qb = append(qb, bit(r))
	}
	adj := maxAdjacency(len(qb))
	ubs := make([]int, len(pos))
	lo, hi := 0, 0
	for c, i := range pos {
		ubs[c] = ix.upperBound(i, qb, adj)
		if c == 0 || ubs[c] < lo {
			lo = ubs[c]
		}
		if c == 0 || ubs[c] > hi {
			hi = ubs[c]
		}
	}
	if hi-lo > 1<<12 {
		return nil, nil, false
	}
	// Counting sort of the candidates by decreasing bound.
	counts := make([]int, hi-lo+2)
	for _, u := range ubs {
		counts[hi-u+1]++
	}
	for b := 1; b < len(counts); b++ {
		counts[b] += counts[b-1]
	}
	order := make([]int32, len(pos))
	for c, u := range ubs {
		order[counts[hi-u]] = int32(c)
		counts[hi-u]++
	}

	t := topList{k: limit}
	byHit := map[int32][]int{}
	chunk := make([]int32, 0, pruneChunk)
	for s := 0; s < len(order); s += pruneChunk {
		if len(t.hits) == limit && ubs[order[s]] < t.hits[limit-1].score {
			break
		}
		chunk = chunk[:0]
		for _, c := range order[s:min(s+pruneChunk, len(order))] {
			if i := pos[c]; hasSubsequence(ix.canon[i], qc) {
				chunk = append(chunk, i)
			}
		}
		for _, f := range fuzzy.FindFromNoSort(q, candidates{ix, chunk}) {
			h := hit{pos: chunk[f.Index], score: f.Score}
			t.add(h, ix.owner[h.pos])
			if containsHit(t.hits, h) {
				byHit[h.pos] = f.MatchedIndexes
			}
		}
	}
	matched = make([][]int, len(t.hits))
	for i, h := range t.hits {
		matched[i] = byHit[h.pos]
	}
	return t.hits, matched, true
}

func containsHit(hs []hit, h hit) bool {
	for _, x := range hs {
		if x.pos == h.pos {
			return true
		}
	}
	return false
}

package ingest

import (
	"math"
	"slices"
)

// maxOrderedBlocks bounds the blocks of a page put in reading order by their
// layout; a page of more (a hostile one) is read in the order its blocks
// were found, top to bottom.
const maxOrderedBlocks = 1000

// readingOrder puts the blocks of a page in reading order, after the rules
// of T. M. Breuel's "High Performance Document Layout Analysis" (2003): a
// block comes before another that it overlaps horizontally and stands
// above; and before one entirely to its right, unless a third block lying
// between them spans both (a heading across two columns ends the columns
// above it). The blocks of a table read row by row; and a block reaches,
// for this purpose, across the text below it as far as nothing beside it
// stops it, so that a heading is read before the columns it heads.
func readingOrder(blocks []*pdfBlock) []*pdfBlock {
	n := len(blocks)
	if n < 2 || n > maxOrderedBlocks {
		return blocks
	}
	idx := newBlockIndex(blocks)
	markTables(blocks, idx)
	widenBlocks(blocks, idx)

	// above[i] holds the blocks that come before block i by the first
	// rule, below[i] those that block i comes before.
	words := (n + 63) / 64
	above, below := make([][]uint64, n), make([][]uint64, n)
	for i := range blocks {
		above[i], below[i] = make([]uint64, words), make([]uint64, words)
	}
	byTop := make([]int, n) // only a block that starts higher comes first
	for i := range byTop {
		byTop[i] = i
	}
	slices.SortFunc(byTop, func(i, j int) int { return cmpFloat(blocks[i].etop, blocks[j].etop) })
	for p, i := range byTop {
		for _, j := range byTop[p+1:] {
			if aboveOverlapping(blocks[i], blocks[j]) {
				below[i][j/64] |= 1 << (j % 64)
				above[j][i/64] |= 1 << (i % 64)
			}
		}
	}
	// between reports a block, other than i and j, below block i and
	// above block j by the first rule.
	between := func(i, j int) bool {
		for k := range words {
			m := below[i][k] & above[j][k]
			m &^= bit(i, k) | bit(j, k)
			if m != 0 {
				return true
			}
		}
		return false
	}
	before := func(j, i int) bool {
		a, b := blocks[j], blocks[i]
		if b.table >= 0 && a.table == b.table {
			return (a.x1 <= b.x0 && a.top <= b.bottom && a.bottom >= b.top) || a.bottom <= b.top
		}
		if above[i][j/64]&(1<<(j%64)) != 0 {
			return true
		}
		return a.ex1 <= b.ex0 && !between(i, j)
	}
	out := make([]*pdfBlock, 0, n)
	visited := make([]bool, n)
	var visit func(i int)
	visit = func(i int) {
		visited[i] = true
		for j := range blocks {
			if !visited[j] && before(j, i) {
				visit(j)
			}
		}
		out = append(out, blocks[i])
	}
	for i := range blocks {
		if !visited[i] {
			visit(i)
		}
	}
	return out
}

// bit is block i's bit in word k of a row of the rule matrix, if it falls
// in that word.
func bit(i, k int) uint64 {
	if i/64 == k {
		return 1 << (i % 64)
	}
	return 0
}

// aboveOverlapping reports whether a shares some width with b, by their
// reading extents, and starts above it.
func aboveOverlapping(a, b *pdfBlock) bool {
	overlap := (a.ex0 <= b.ex0 && b.ex0 <= a.ex1) || (b.ex0 <= a.ex0 && a.ex0 <= b.ex1)
	return overlap && a.etop < b.etop
}

func overlapY(a, b *pdfBlock) bool { return a.top <= b.bottom && a.bottom >= b.top }
func overlapX(a, b *pdfBlock) bool { return a.x0 <= b.x1 && a.x1 >= b.x0 }

// markTables finds the blocks laid out as cells of a grid: a block, the
// nearest block to its right, the nearest below it and the one below that
// right neighbour, aligned in columns (by left or right edges or centres)
// and in rows (by tops, bottoms or centres), are cells of one table. Every
// cell's reading extent is the whole table's.
func markTables(blocks []*pdfBlock, idx blockIndex) {
	parent := make([]int, len(blocks))
	for i := range parent {
		parent[i] = i
	}
	root := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	inTable := make([]bool, len(blocks))
	for i, b := range blocks {
		right, down := -1, -1
		for _, j := range idx.beside(b) {
			if o := blocks[j]; j != i && overlapY(o, b) && o.x0 > b.x1 && (right < 0 || o.x0 < blocks[right].x0) {
				right = j
			}
		}
		for _, j := range idx.below(b.bottom) {
			if o := blocks[j]; o.top > b.bottom && overlapX(o, b) {
				down = j // the nearest: they come by their tops
				break
			}
		}
		if right < 0 || down < 0 {
			continue
		}
		r, d := blocks[right], blocks[down]
		if overlapX(r, d) || overlapY(r, d) {
			continue
		}
		diag := -1
		for _, j := range idx.beside(d) {
			if o := blocks[j]; j != i && j != right && j != down && overlapX(o, r) && overlapY(o, d) && !overlapX(o, d) && !overlapY(o, r) &&
				(diag < 0 || o.top < blocks[diag].top) {
				diag = j
			}
		}
		if diag < 0 {
			continue
		}
		g := blocks[diag]
		size := math.Min(math.Min(b.size, r.size), math.Min(d.size, g.size))
		dx, dy := blockWordGap*size, blockSameLine*size
		near := func(p, q, tol float64) bool { return math.Abs(p-q) <= tol }
		cols := (near(b.x0+b.x1, d.x0+d.x1, 2*dx) && near(r.x0+r.x1, g.x0+g.x1, 2*dx)) ||
			(near(b.x0, d.x0, dx) && near(r.x0, g.x0, dx)) ||
			(near(b.x1, d.x1, dx) && near(r.x1, g.x1, dx))
		rows := (near(b.top+b.bottom, r.top+r.bottom, 2*dy) && near(d.top+d.bottom, g.top+g.bottom, 2*dy)) ||
			(near(b.top, r.top, dy) && near(d.top, g.top, dy)) ||
			(near(b.bottom, r.bottom, dy) && near(d.bottom, g.bottom, dy))
		if !cols || !rows {
			continue
		}
		for _, j := range []int{right, down, diag} {
			parent[root(j)] = root(i)
			inTable[j] = true
		}
		inTable[i] = true
	}
	type box struct{ x0, x1, top, bottom float64 }
	env := map[int]*box{}
	for i, b := range blocks {
		b.ex0, b.ex1, b.etop = b.x0, b.x1, b.top
		b.table = -1
		if !inTable[i] {
			continue
		}
		r := root(i)
		b.table = r
		if e := env[r]; e == nil {
			env[r] = &box{b.x0, b.x1, b.top, b.bottom}
		} else {
			e.x0, e.x1 = math.Min(e.x0, b.x0), math.Max(e.x1, b.x1)
			e.top, e.bottom = math.Min(e.top, b.top), math.Max(e.bottom, b.bottom)
		}
	}
	for _, b := range blocks {
		if e := env[b.table]; b.table >= 0 && e != nil {
			b.ex0, b.ex1, b.etop = e.x0, e.x1, e.top
		}
	}
}

// widenBlocks stretches the reading extent of each block outside a table
// sideways over the blocks below it, up to the nearest block beside it.
func widenBlocks(blocks []*pdfBlock, idx blockIndex) {
	for _, b := range blocks {
		if b.table >= 0 {
			continue
		}
		lim0, lim1 := math.Inf(-1), math.Inf(1)
		for _, j := range idx.beside(b) {
			o := blocks[j]
			if o == b || !overlapY(o, b) {
				continue
			}
			if o.x0 > b.x1 && o.x0 < lim1 {
				lim1 = o.x0
			}
			if o.x1 < b.x0 && o.x1 > lim0 {
				lim0 = o.x1
			}
		}
		for _, j := range idx.below(b.bottom) {
			o := blocks[j]
			if o == b {
				continue
			}
			if o.x1 > b.ex1 && o.x1 <= lim1 {
				b.ex1 = o.x1
			}
			if o.x0 < b.ex0 && o.x0 >= lim0 {
				b.ex0 = o.x0
			}
		}
	}
}

// blockIndex lists the blocks of a page by their tops, to find the blocks
// beside or below one without looking at every other.
type blockIndex struct {
	order  []int     // block numbers by top
	tops   []float64 // their tops, ascending
	height float64   // the tallest block's height
}

func newBlockIndex(blocks []*pdfBlock) blockIndex {
	idx := blockIndex{order: make([]int, len(blocks))}
	for i, b := range blocks {
		idx.order[i] = i
		idx.height = math.Max(idx.height, b.bottom-b.top)
	}
	slices.SortStableFunc(idx.order, func(i, j int) int { return cmpFloat(blocks[i].top, blocks[j].top) })
	for _, i := range idx.order {
		idx.tops = append(idx.tops, blocks[i].top)
	}
	return idx
}

// beside returns the blocks that may share some height with b (b among
// them).
func (idx blockIndex) beside(b *pdfBlock) []int {
	lo, _ := slices.BinarySearch(idx.tops, b.top-idx.height)
	hi, _ := slices.BinarySearch(idx.tops, math.Nextafter(b.bottom, math.Inf(1)))
	return idx.order[lo:hi]
}

// below returns the blocks whose tops are at y or below it, nearest first.
func (idx blockIndex) below(y float64) []int {
	lo, _ := slices.BinarySearch(idx.tops, y)
	return idx.order[lo:]
}

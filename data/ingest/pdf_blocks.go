package ingest

import (
	"math"
	"slices"
	"sort"
)

// pdfBlock is a block of text on a page: lines of one font size set close
// together, such as a paragraph, a heading or a table cell.
type pdfBlock struct {
	words               []pdfWord
	x0, x1, top, bottom float64 // bounding box
	size                float64 // font size of the word the block grew from
	// The reading extent: the box, widened to the table the block is a
	// cell of, or over the text below it (see readingOrder).
	ex0, ex1, etop float64
	table          int // the table the block is a cell of, or -1
}

func (b *pdfBlock) add(w pdfWord) {
	if len(b.words) == 0 {
		b.x0, b.x1, b.top, b.bottom = w.x0, w.x1, w.top(), w.bottom()
	} else {
		b.x0, b.x1 = math.Min(b.x0, w.x0), math.Max(b.x1, w.x1)
		b.top, b.bottom = math.Min(b.top, w.top()), math.Max(b.bottom, w.bottom())
	}
	b.words = append(b.words, w)
}

// overlapsX reports a word that shares some of the block's width, widened
// by slack on either side.
func (b *pdfBlock) overlapsX(w pdfWord, slack float64) bool {
	return w.x0 < b.x1+slack && w.x1 > b.x0-slack
}

// Block growth, as fractions of the font size of the word a block grows
// from.
const (
	blockLineSpacing = 1.5  // baselines further apart start a new block
	blockSameLine    = 0.5  // baselines closer are on one line
	blockWordGap     = 0.7  // a word this near the block's side on one of its lines joins it
	blockSideGap     = 1.0  // ... and this near, when few lines have one
	blockSideLines   = 3    // at most this many lines may add a word beside the block
	blockSizeNext    = 0.05 // font size change that ends a block above or below
	blockSizeInline  = 0.6  // font size change allowed on the block's own lines
	blockSizeSide    = 0.2  // font size change allowed beside the block
	blockSeedWindow  = 1.3  // a block starts at the leftmost word this near the top
)

// pageBlocks groups the words of a page into blocks. A block starts at the
// top-left word not yet placed and grows line by line: a word joins it when
// it lies on the next line above or below (baselines at most 1.5 font sizes
// apart), shares some of the block's width and has the same font size; or
// when it sits on one of the block's lines next to it. So a paragraph is a
// block, a gap wider than a blank line or a change of type ends it, and the
// columns of a table split into blocks wherever a cell beside them wraps.
func pageBlocks(words []pdfWord) []*pdfBlock {
	ws := slices.Clone(words)
	slices.SortStableFunc(ws, func(p, q pdfWord) int {
		if c := cmpFloat(p.y, q.y); c != 0 {
			return c
		}
		return cmpFloat(p.x0, q.x0)
	})
	used := make([]bool, len(ws))
	// from returns the index of the first word whose baseline is at least y.
	from := func(y float64) int {
		return sort.Search(len(ws), func(i int) bool { return ws[i].y >= y })
	}
	var blocks []*pdfBlock
	first := 0
	for {
		for first < len(ws) && used[first] {
			first++
		}
		if first == len(ws) {
			break
		}
		// The leftmost word near the top, so that a block does not
		// start at a superscript or a word beside a column's first line.
		seed := first
		for i := first + 1; i < len(ws) && ws[i].y <= ws[first].y+blockSeedWindow*ws[first].size; i++ {
			if !used[i] && ws[i].x0 < ws[seed].x0 {
				seed = i
			}
		}
		b := &pdfBlock{table: -1, size: ws[seed].size}
		used[seed] = true
		b.add(ws[seed])
		growBlock(b, ws, used, from)
		blocks = append(blocks, b)
	}
	return blocks
}

// growBlock adds to b the words that belong with it, until none is left.
func growBlock(b *pdfBlock, ws []pdfWord, used []bool, from func(float64) int) {
	fs := b.size
	lineSpace, sameLine := blockLineSpacing*fs, blockSameLine*fs
	sameSize := func(w pdfWord, tol float64) bool { return math.Abs(w.size-fs) < tol*fs }
	take := func(i int) {
		used[i] = true
		b.add(ws[i])
	}
	minBase, maxBase := b.words[0].y, b.words[0].y
	for {
		found := false
		// The line above the block, nearest first.
		newMin := minBase
		for i := from(minBase) - 1; i >= 0 && ws[i].y >= minBase-lineSpace; i-- {
			if !used[i] && ws[i].y < minBase && b.overlapsX(ws[i], 0) && sameSize(ws[i], blockSizeNext) {
				take(i)
				found = true
				newMin = math.Min(newMin, ws[i].y)
			}
		}
		minBase = newMin
		// The line below it.
		newMax := maxBase
		for i := from(maxBase); i < len(ws) && ws[i].y <= maxBase+lineSpace; i++ {
			if !used[i] && ws[i].y > maxBase && b.overlapsX(ws[i], 0) && sameSize(ws[i], blockSizeNext) {
				take(i)
				found = true
				newMax = math.Max(newMax, ws[i].y)
			}
		}
		maxBase = newMax
		// Words on the block's own lines, within it or close by.
		lo, hi := from(minBase-sameLine), from(maxBase+sameLine+1e-9)
		for i := lo; i < hi; i++ {
			if !used[i] && b.overlapsX(ws[i], blockWordGap*fs) && sameSize(ws[i], blockSizeInline) {
				take(i)
				found = true
			}
		}
		if found {
			continue
		}
		// A few words just beside the block (a list mark, a footnote
		// number) join it; a whole column beside it does not.
		for _, right := range []bool{false, true} {
			lo, hi := from(minBase-sameLine), from(maxBase+sameLine+1e-9)
			var near []int
			lines := 0
			last := math.Inf(-1)
			for i := lo; i < hi; i++ {
				w := ws[i]
				beside := w.x1 <= b.x0 && w.x1 > b.x0-blockSideGap*fs
				if right {
					beside = w.x0 >= b.x1 && w.x0 < b.x1+blockSideGap*fs
				}
				if used[i] || !beside || !sameSize(w, blockSizeSide) {
					continue
				}
				if w.y-last > sameLine {
					lines++
					last = w.y
				}
				near = append(near, i)
			}
			if lines == 0 || lines > blockSideLines {
				continue
			}
			for _, i := range near {
				take(i)
				minBase, maxBase = math.Min(minBase, ws[i].y), math.Max(maxBase, ws[i].y)
			}
			found = true
		}
		if !found {
			return
		}
	}
}

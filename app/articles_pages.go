package app

import (
	"context"
	"slices"

	"github.com/attache-app/attache/data/store"
)

// Paging of the article list: the list holds the ids of the articles it
// shows, in order (eight bytes an article), and the summaries of a few
// pages around what is in view; a row whose page is not there yet is shown
// empty while its page is read in the background.
const (
	articlePageSize  = 100
	articlePagesKept = 30 // 3,000 summaries
)

// articlePages is the listed articles: every id, and the summaries of the
// pages read so far. It is touched on the UI goroutine only.
type articlePages struct {
	ids     []int64
	pages   map[int][]store.ArticleSummary
	pending map[int]bool
	used    []int // page numbers, least recently used first
}

func newArticlePages() *articlePages {
	return &articlePages{pages: map[int][]store.ArticleSummary{}, pending: map[int]bool{}}
}

// reset replaces the list with ids and the summaries of its first page.
func (p *articlePages) reset(ids []int64, first []store.ArticleSummary) {
	p.ids = ids
	clear(p.pages)
	clear(p.pending)
	p.used = p.used[:0]
	if len(first) > 0 {
		p.keep(0, first)
	}
}

func (p *articlePages) len() int { return len(p.ids) }

// summary returns row i's summary; ok is false when its page is not read yet
// (want then says which page to read).
func (p *articlePages) summary(i int) (a store.ArticleSummary, want int, ok bool) {
	page := i / articlePageSize
	rows, ok := p.pages[page]
	if !ok {
		return store.ArticleSummary{ID: p.ids[i]}, page, false
	}
	p.touch(page)
	return rows[i%articlePageSize], page, true
}

// pageIDs returns the ids of page n.
func (p *articlePages) pageIDs(n int) []int64 {
	lo := n * articlePageSize
	return p.ids[lo:min(lo+articlePageSize, len(p.ids))]
}

// keep stores page n and forgets the least recently used pages beyond
// articlePagesKept.
func (p *articlePages) keep(n int, rows []store.ArticleSummary) {
	delete(p.pending, n)
	p.pages[n] = rows
	p.touch(n)
	for len(p.used) > articlePagesKept {
		delete(p.pages, p.used[0])
		p.used = p.used[1:]
	}
}

func (p *articlePages) touch(n int) {
	if k := len(p.used); k > 0 && p.used[k-1] == n {
		return
	}
	if i := slices.Index(p.used, n); i >= 0 {
		p.used = slices.Delete(p.used, i, i+1)
	}
	p.used = append(p.used, n)
}

// indexOf returns the row of article id, or -1.
func (p *articlePages) indexOf(id int64) int {
	return slices.Index(p.ids, id)
}

// articleList is a freshly read list: the ids and the first page.
type articleList struct {
	ids   []int64
	first []store.ArticleSummary
}

// readArticleList reads the ids f lists and the summaries of the first page.
func readArticleList(ctx context.Context, st store.Store, f store.ArticleFilter) (articleList, error) {
	ids, err := st.ArticleIDs(ctx, f)
	if err != nil || len(ids) == 0 {
		return articleList{ids: ids}, err
	}
	first, err := st.ArticleSummaries(ctx, ids[:min(len(ids), articlePageSize)])
	return articleList{ids: ids, first: first}, err
}

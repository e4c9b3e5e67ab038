package app

import (
	"context"
	"image/color"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/widgets"
)

// reader is the centre's article: its title, outlet and date, and the body in
// the article view with tagged passages highlighted and mentions underlined.
type reader struct {
	wb    *workbench
	loads loadScope // the current article's loads

	articleID int64
	article   model.Article
	passages  []model.Passage
	mentions  []model.Mention
	tags      map[int64]model.Tag

	title   *widget.Label
	meta    *widget.Label
	view    *widgets.ArticleView
	find    *findBar
	empty   fyne.CanvasObject
	content *fyne.Container
	box     *fyne.Container

	// scrollTo and hit are applied once the next article has loaded.
	scrollTo, hitStart, hitEnd int
}

func newReader(wb *workbench) *reader {
	r := &reader{wb: wb, tags: map[int64]model.Tag{}}
	r.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.title.Wrapping = fyne.TextWrapWord
	r.title.SizeName = theme.SizeNameSubHeadingText
	r.meta = widget.NewLabel("")
	r.view = widgets.NewArticleView()
	r.view.OnTapped = r.tapped
	r.view.OnSelectionChanged = func(start, end int) {
		if end > start {
			wb.status.flash("Selected " + plural(end-start, "character") + " — Ctrl+T tag · Ctrl+M annotate · Ctrl+E new event")
		}
	}
	r.find = newFindBar(r)
	edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), r.editMeta)
	edit.Importance = widget.LowImportance
	wb.editable(edit)
	header := container.NewBorder(nil, nil, nil, edit, container.NewVBox(r.title, r.meta))
	r.content = container.NewBorder(container.NewVBox(header, r.find.object(), widget.NewSeparator()), nil, nil, nil, r.view)
	r.empty = container.NewVBox(newHint("Choose an article on the left, or drop files anywhere on the window to import them (File ▸ Import…, Ctrl+O)."))
	r.box = container.NewStack(r.empty)
	return r
}

func (r *reader) object() fyne.CanvasObject { return r.box }

func (r *reader) clear() {
	r.loads.stop()
	r.articleID = 0
	r.box.Objects = []fyne.CanvasObject{r.empty}
	r.box.Refresh()
}

// articleData is everything the reader shows for one article.
type articleData struct {
	article  model.Article
	passages []model.Passage
	mentions []model.Mention
	tags     []model.Tag
}

func loadArticle(ctx context.Context, st store.Store, id int64) (articleData, error) {
	var d articleData
	var err error
	if d.article, err = st.Article(ctx, id); err != nil {
		return d, err
	}
	if d.passages, err = st.Passages(ctx, store.PassageFilter{ArticleID: id}); err != nil {
		return d, err
	}
	if d.mentions, err = st.Mentions(ctx, store.MentionFilter{ArticleID: id}); err != nil {
		return d, err
	}
	d.tags, err = st.Tags(ctx)
	return d, err
}

// openArticle shows article id, scrolled to rune offset scrollTo (or the top when
// negative) with [hitStart, hitEnd) highlighted as a search hit.
func (wb *workbench) openArticle(id int64, hitStart, hitEnd int) {
	wb.loadArticle(id, hitStart, hitEnd)
	wb.centre.SelectIndex(0)
}

// loadArticle puts article id in the reader, as openArticle does, without
// bringing the Article tab to the front.
func (wb *workbench) loadArticle(id int64, hitStart, hitEnd int) {
	r := wb.reader
	r.scrollTo, r.hitStart, r.hitEnd = hitStart, hitStart, hitEnd
	if id != r.articleID {
		r.find.reset()
	}
	r.articleID = id
	wb.articles.show(id)
	r.reload()
}

// reload fetches the current article again (after a change) and redraws it,
// keeping the scroll position and selection.
func (r *reader) reload() {
	id := r.articleID
	if id == 0 {
		return
	}
	load(r.wb, r.loads.next(r.wb), "Open article", func(ctx context.Context, st store.Store) (articleData, error) {
		return loadArticle(ctx, st, id)
	}, r.show)
}

func (r *reader) show(d articleData) {
	fresh := r.article.ID != d.article.ID
	cut := !fresh && r.article.Body != d.article.Body // split or merged, perhaps by another analyst
	r.article, r.passages, r.mentions = d.article, d.passages, d.mentions
	r.tags = map[int64]model.Tag{}
	for _, t := range d.tags {
		r.tags[t.ID] = t
	}
	r.title.SetText(titleOrUntitled(d.article.Title))
	r.meta.SetText(articleByline(d.article))
	if fresh || cut {
		r.view.SetText(d.article.Body)
	}
	r.decorate()
	if len(r.box.Objects) == 0 || r.box.Objects[0] != r.content {
		r.box.Objects = []fyne.CanvasObject{r.content}
		r.box.Refresh()
	}
	if r.scrollTo >= 0 {
		r.view.ScrollToOffset(r.scrollTo)
		r.scrollTo = -1
	} else if fresh {
		r.view.ScrollToOffset(0)
	}
}

func articleByline(a model.Article) string {
	parts := []string{}
	if a.Publication != "" {
		parts = append(parts, a.Publication)
	}
	if a.Published != "" {
		parts = append(parts, a.Published)
	} else {
		parts = append(parts, "publication date unknown")
	}
	if a.Author != "" {
		parts = append(parts, a.Author)
	}
	return strings.Join(parts, " · ")
}

// decorate draws passages as highlights in their first tag's colour (a neutral
// tint for untagged notes), the find and search hits on top, and mentions as
// underlines: solid for confirmed, dashed for suggested; rejected ones are not drawn.
func (r *reader) decorate() {
	var hs []widgets.Highlight
	ps := append([]model.Passage(nil), r.passages...)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].End-ps[i].Start > ps[j].End-ps[j].Start })
	for _, p := range ps {
		hs = append(hs, widgets.Highlight{Start: p.Start, End: p.End, Color: r.passageColour(p)})
	}
	if r.hitEnd > r.hitStart {
		hs = append(hs, widgets.Highlight{Start: r.hitStart, End: r.hitEnd, Color: findColour})
	}
	r.view.SetHighlights(hs)
	var us []widgets.Underline
	for _, m := range r.mentions {
		switch m.Status {
		case model.StatusConfirmed:
			us = append(us, widgets.Underline{Start: m.Start, End: m.End, Color: theme.Color(theme.ColorNamePrimary)})
		case model.StatusSuggested:
			us = append(us, widgets.Underline{Start: m.Start, End: m.End, Color: theme.Color(theme.ColorNamePlaceHolder), Dashed: true})
		}
	}
	r.view.SetUnderlines(us)
}

// findColour marks find and search hits.
var findColour = color.NRGBA{R: 0xff, G: 0xc1, B: 0x07, A: 0x90}

func (r *reader) passageColour(p model.Passage) color.Color {
	for _, id := range p.TagIDs {
		if t, ok := r.tags[id]; ok {
			return withAlpha(parseColour(t.Colour), 0x60)
		}
	}
	return color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0x40}
}

// tapped shows in the inspector what lies under the tapped rune offset:
// the innermost passage, else a mention.
func (r *reader) tapped(offset int) {
	var best *model.Passage
	for i, p := range r.passages {
		if p.Start <= offset && offset < p.End && (best == nil || p.End-p.Start < best.End-best.Start) {
			best = &r.passages[i]
		}
	}
	if best != nil {
		r.wb.inspector.showPassage(best.ID)
		return
	}
	for _, m := range r.mentions {
		if m.Start <= offset && offset < m.End && m.Status != model.StatusRejected {
			r.wb.inspector.showMention(m.ID)
			return
		}
	}
}

// selection returns the current selection, or ok=false with a status message.
func (r *reader) selection() (start, end int, ok bool) {
	if r.articleID == 0 {
		r.wb.status.flash("Open an article first")
		return 0, 0, false
	}
	start, end = r.view.Selection()
	if end <= start {
		r.wb.status.flash("Select some text in the article first")
		return 0, 0, false
	}
	return start, end, true
}

// selectedPassage is the passage with exactly the selected span, or a new one
// (ID 0) over it; ok=false (with a status message) when nothing is selected.
func (r *reader) selectedPassage() (p model.Passage, ok bool) {
	start, end, ok := r.selection()
	if !ok {
		return p, false
	}
	for _, p := range r.passages {
		if p.Start == start && p.End == end {
			return p, true
		}
	}
	return model.Passage{ArticleID: r.articleID, Start: start, End: end}, true
}

// plural counts n of word: "1 article", "2 articles", "3 entities".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "y") {
		return strconv.Itoa(n) + " " + strings.TrimSuffix(word, "y") + "ies"
	}
	if strings.HasSuffix(word, "ch") {
		return strconv.Itoa(n) + " " + word + "es"
	}
	return strconv.Itoa(n) + " " + word + "s"
}

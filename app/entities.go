package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/search"
	"github.com/attache-app/attache/data/store"
)

// allKinds is the kind filter's "no filter" choice.
const allKinds = "All kinds"

// entitiesPane is the sidebar's entity search: a fuzzy search over canonical
// names and aliases in any script (matched letters highlighted), an optional
// kind filter, and rows with a kind icon, the name, country and mention count.
// An empty query lists every entity, most mentioned first.
type entitiesPane struct {
	wb     *workbench
	loads  loadScope
	query  *searchEntry
	kind   *widget.Select
	count  *widget.Label
	list   *widget.List
	empty  *widget.Label
	box    fyne.CanvasObject
	all    []model.Entity
	byID   map[int64]int // index into all
	ix     *search.Index
	ranked []entityRow                      // every entity, most mentioned first: the list with no query
	byKind map[model.EntityKind][]entityRow // the same, by kind
	rows   []entityRow
	loaded bool

	selected int64
}

// entityRow is one listed entity and the text shown for it: its name, or
// "Name — alias" when an alias matched, with the matched runes. It points
// into the pane's entities, so that listing 300,000 of them copies none.
type entityRow struct {
	entity *model.Entity
	text   string
	runes  []int
}

// entitySearchLimit caps the matches listed for a query.
const entitySearchLimit = 300

func newEntitiesPane(wb *workbench) *entitiesPane {
	p := &entitiesPane{wb: wb, byID: map[int64]int{}}
	p.query = newSearchEntry(func() {
		if len(p.rows) > 0 {
			wb.win.Canvas().Focus(p.list)
		}
	})
	p.query.SetPlaceHolder("Find people, countries, organisations… (Ctrl+2)")
	p.query.OnChanged = func(string) { p.refilter() }
	p.query.OnSubmitted = func(string) {
		if len(p.rows) > 0 {
			p.list.Select(0)
		}
	}
	kinds := append([]string{allKinds}, model.Strings(model.EntityKinds())...)
	p.kind = widget.NewSelect(kinds, func(string) { p.refilter() })
	p.kind.Selected = allKinds
	p.count = widget.NewLabel("")
	p.count.Importance = widget.LowImportance
	p.list = widget.NewList(func() int { return len(p.rows) }, newEntityRowObject,
		func(i widget.ListItemID, o fyne.CanvasObject) { updateEntityRowObject(o, p.rows[i]) })
	p.list.OnSelected = func(i widget.ListItemID) {
		if i < len(p.rows) {
			p.selected = p.rows[i].entity.ID
			wb.inspector.showEntity(p.selected)
		}
	}
	p.empty = newHint("")
	p.empty.Hide()
	top := container.NewVBox(p.query, container.NewBorder(nil, nil, nil, p.kind, p.count))
	p.box = container.NewBorder(top, nil, nil, nil, container.NewStack(p.list, container.NewPadded(container.NewVBox(p.empty))))
	return p
}

func (p *entitiesPane) object() fyne.CanvasObject { return p.box }

// entityList is the entities, their search index and their rows most
// mentioned first (all and by kind), built off the UI goroutine.
type entityList struct {
	all    []model.Entity
	byID   map[int64]int
	ix     *search.Index
	ranked []entityRow
	byKind map[model.EntityKind][]entityRow
}

// newEntityList indexes all for the pane. The index of prev (the list shown
// so far) is kept when the names it indexes have not changed: with hundreds
// of thousands of entities, indexing takes seconds, and most changes an
// analyst makes (a tag, an event) leave the entities as they were.
func newEntityList(all []model.Entity, prev entityList) entityList {
	l := entityList{all: all, byID: make(map[int64]int, len(all)), byKind: map[model.EntityKind][]entityRow{}}
	if prev.ix != nil && sameIndexed(prev.all, all) {
		l.ix = prev.ix
	} else {
		l.ix = search.IndexEntities(all)
	}
	l.ranked = make([]entityRow, len(all))
	for i := range all {
		l.byID[all[i].ID] = i
		l.ranked[i] = entityRow{entity: &all[i], text: all[i].Name}
	}
	slices.SortStableFunc(l.ranked, func(a, b entityRow) int { return b.entity.Mentions - a.entity.Mentions })
	for _, r := range l.ranked {
		l.byKind[r.entity.Kind] = append(l.byKind[r.entity.Kind], r)
	}
	return l
}

// sameIndexed reports whether a and b hold the same entities under the same
// names, kinds and aliases: what the fuzzy index is built from.
func sameIndexed(a, b []model.Entity) bool {
	return slices.EqualFunc(a, b, func(x, y model.Entity) bool {
		return x.ID == y.ID && x.Name == y.Name && x.Kind == y.Kind &&
			slices.EqualFunc(x.Aliases, y.Aliases, func(p, q model.Alias) bool { return p.Name == q.Name })
	})
}

// reload fetches the entities again, keeps the query and the selection, and
// brings the inspector up to date.
func (p *entitiesPane) reload() {
	prev := entityList{all: p.all, ix: p.ix}
	load(p.wb, p.loads.next(p.wb), "List entities", func(ctx context.Context, st store.Store) (entityList, error) {
		all, err := st.Entities(ctx, store.EntityFilter{})
		if err != nil {
			return entityList{}, err
		}
		return newEntityList(all, prev), nil
	}, func(l entityList) {
		p.all, p.byID, p.ix, p.ranked, p.byKind, p.loaded = l.all, l.byID, l.ix, l.ranked, l.byKind, true
		offset := p.list.GetScrollOffset() // a refresh leaves the list where the analyst scrolled it
		p.refilter()
		p.list.ScrollToOffset(offset)
		// The inspector reloads here, once per refresh, so that it follows
		// every change (undo and redo included).
		p.wb.inspector.reload()
	})
}

// refilter lists the entities matching the query and kind, keeping the
// selected entity highlighted when it is still listed.
func (p *entitiesPane) refilter() {
	p.rows = entityRows(p.all, p.byID, p.ix, p.ranked, p.byKind, p.query.Text, p.kind.Selected)
	switch {
	case !p.loaded:
		p.count.SetText("")
	case p.query.Text == "":
		p.count.SetText(plural(len(p.rows), "entity"))
	default:
		p.count.SetText(fmt.Sprintf("%d of %d", len(p.rows), len(p.all)))
	}
	switch {
	case p.loaded && len(p.all) == 0:
		p.empty.SetText("No entities yet.\nThey are found when you import\narticles, or with Article ▸\nRe-run Extraction.")
		p.empty.Show()
	case p.loaded && len(p.rows) == 0:
		p.empty.SetText("Nothing matches.\nLetters need only come in order:\n“xjp” finds Xi Jinping.")
		p.empty.Show()
	default:
		p.empty.Hide()
	}
	p.list.UnselectAll()
	p.list.Refresh()
	for i, r := range p.rows {
		if r.entity.ID == p.selected {
			selectSilently(p.list, i)
			break
		}
	}
}

// entityRows matches query against the index (every entity, most mentioned
// first, when the query is empty) and keeps the entities of the given kind.
func entityRows(all []model.Entity, byID map[int64]int, ix *search.Index, ranked []entityRow, byKind map[model.EntityKind][]entityRow, query, kind string) []entityRow {
	anyKind := kind == "" || kind == allKinds
	if ix == nil || strings.TrimSpace(query) == "" {
		if anyKind {
			return ranked
		}
		return byKind[model.EntityKind(kind)]
	}
	var rows []entityRow
	for _, m := range ix.Find(query, entitySearchLimit) {
		e := &all[byID[m.ID]]
		if anyKind || string(e.Kind) == kind {
			rows = append(rows, matchRow(e, m))
		}
	}
	return rows
}

// matchRow shows a match as the entity's name, or "Name — alias" with the
// alias's matched runes shifted past the name when an alias matched. An alias
// that is part of the name ("Rubio" of "Marco Rubio") is marked in the name.
func matchRow(e *model.Entity, m search.Match) entityRow {
	if !m.IsAlias {
		return entityRow{entity: e, text: m.Text, runes: m.Runes}
	}
	prefix := e.Name + " — "
	shift := len([]rune(prefix))
	text := prefix + m.Text
	if at := runeIndexFold([]rune(e.Name), []rune(m.Text)); at >= 0 {
		shift, text = at, e.Name
	}
	runes := make([]int, len(m.Runes))
	for i, r := range m.Runes {
		runes[i] = r + shift
	}
	return entityRow{entity: e, text: text, runes: runes}
}

// runeIndexFold is the rune index of the first occurrence of sub in s,
// ignoring case, or -1.
func runeIndexFold(s, sub []rune) int {
	if len(sub) == 0 {
		return -1
	}
outer:
	for i := 0; i+len(sub) <= len(s); i++ {
		for k, r := range sub {
			if unicode.ToLower(s[i+k]) != unicode.ToLower(r) {
				continue outer
			}
		}
		return i
	}
	return -1
}

// showEntitySearch selects the Entities tab and focuses its search box.
func (wb *workbench) showEntitySearch() {
	wb.sidebar.SelectIndex(1)
	wb.win.Canvas().Focus(wb.entities.query)
}

package app

import (
	"context"
	"errors"
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

// inspector shows and edits whatever is selected: a passage, a mention, an
// entity or an event. Its passage, mention and entity views reload themselves
// when the project changes (see reload); other views put content in it with show.
type inspector struct {
	wb    *workbench
	title *widget.Label
	body  *fyne.Container
	box   *fyne.Container

	target inspected // what the built-in views show, for reload
	loads  loadScope // stopped by every clear and show, so late loads are dropped
	shown  any       // the data last rendered, to skip identical reloads
	// unsaved reports whether the analyst has typed into the view what is
	// not saved yet (set by the view's builder; nil: nothing to lose). A
	// reload after someone else's change leaves such a view alone.
	unsaved func() bool

	entityTab int // the entity view's selected tab, kept across reloads
}

// inspectedKind says which built-in view the inspector shows.
type inspectedKind int

const (
	inspectNothing inspectedKind = iota
	inspectPassage
	inspectMention
	inspectEntity
)

// inspected is the object the inspector shows; articleID helps find a mention.
type inspected struct {
	kind      inspectedKind
	id        int64
	articleID int64
}

func newInspector(wb *workbench) *inspector {
	i := &inspector{wb: wb}
	i.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	i.title.SizeName = theme.SizeNameSubHeadingText
	i.title.Truncation = fyne.TextTruncateEllipsis
	i.body = container.NewStack()
	i.box = container.NewStack()
	i.clear()
	return i
}

func (i *inspector) object() fyne.CanvasObject { return i.box }

// clear empties the inspector.
func (i *inspector) clear() {
	i.loads.stop()
	i.target, i.shown, i.unsaved = inspected{}, nil, nil
	i.box.Objects = []fyne.CanvasObject{container.NewVBox(newHint("Select a passage, mention,\nentity or event to see it here."))}
	i.box.Refresh()
}

// show puts content under a title in the inspector, scrolled vertically when
// it is taller than the pane. It is how views other than the built-in ones
// (the event inspector) fill it; they are not reloaded on changes.
func (i *inspector) show(title string, content fyne.CanvasObject) {
	i.loads.stop()
	i.target, i.shown, i.unsaved = inspected{}, nil, nil
	i.render(title, container.NewVScroll(content))
}

// render replaces the inspector's content; content fills the pane as given.
func (i *inspector) render(title string, content fyne.CanvasObject) {
	if i.wb.readOnly {
		lockEdits(content)
	}
	i.title.SetText(title)
	i.body.Objects = []fyne.CanvasObject{content}
	i.body.Refresh()
	if len(i.box.Objects) != 1 || i.box.Objects[0] != i.body {
		head := container.NewVBox(i.title, widget.NewSeparator())
		i.box.Objects = []fyne.CanvasObject{container.NewBorder(head, nil, nil, nil, i.body)}
	}
	i.box.Refresh()
}

// reload shows the current passage, mention or entity again after a change,
// rebuilding it only when its data changed; it clears the inspector when the
// object is gone (deleted, merged away).
func (i *inspector) reload() {
	switch t := i.target; t.kind {
	case inspectPassage:
		i.loadPassage(t, false)
	case inspectMention:
		i.loadMention(t, false)
	case inspectEntity:
		i.loadEntity(t, false)
	}
}

// showPassage shows passage id: its quote, tags and note.
func (i *inspector) showPassage(id int64) {
	i.loadPassage(inspected{kind: inspectPassage, id: id}, true)
}

// showMention shows mention id: its text, its entity and its status.
func (i *inspector) showMention(id int64) {
	var articleID int64
	for _, m := range i.wb.reader.mentions {
		if m.ID == id {
			articleID = m.ArticleID
		}
	}
	i.loadMention(inspected{kind: inspectMention, id: id, articleID: articleID}, true)
}

// showEntity shows entity id: its details, aliases and mentions.
func (i *inspector) showEntity(id int64) {
	if i.target.kind != inspectEntity || i.target.id != id {
		i.entityTab = 0
	}
	i.loadEntity(inspected{kind: inspectEntity, id: id}, true)
}

// loaded is a view's data, or gone when its object no longer exists.
type loaded[T any] struct {
	v    T
	gone bool
}

// inspect loads t's data with work and renders it with build. A fresh show
// always rebuilds; a reload rebuilds only when the data changed. Loads that
// finish after a newer show are dropped.
func inspect[T any](i *inspector, t inspected, fresh bool, what string,
	work func(ctx context.Context, st store.Store) (T, error), build func(T) (string, fyne.CanvasObject)) {
	i.target = t
	if fresh {
		i.shown = nil
	}
	load(i.wb, i.loads.next(i.wb), what, func(ctx context.Context, st store.Store) (loaded[T], error) {
		v, err := work(ctx, st)
		if errors.Is(err, store.ErrNotFound) && !fresh {
			return loaded[T]{gone: true}, nil
		}
		return loaded[T]{v: v}, err
	}, func(r loaded[T]) {
		if r.gone {
			i.clear()
			return
		}
		if i.shown != nil && reflect.DeepEqual(i.shown, r.v) {
			return
		}
		if !fresh && i.unsaved != nil && i.unsaved() {
			return // rebuilt at the next reload once the typing is saved
		}
		i.shown = r.v
		i.unsaved = nil
		title, content := build(r.v)
		i.render(title, content)
	})
}

// statusButtons are the Confirm and Reject buttons of a suggestion whose
// status is status, the current one emphasised; set stores the status chosen.
func statusButtons(status model.Status, set func(status model.Status)) (confirm, reject *widget.Button) {
	confirm = widget.NewButtonWithIcon("Confirm", theme.ConfirmIcon(), func() { set(model.StatusConfirmed) })
	reject = widget.NewButtonWithIcon("Reject", theme.CancelIcon(), func() { set(model.StatusRejected) })
	switch status {
	case model.StatusConfirmed:
		confirm.Importance = widget.SuccessImportance
	case model.StatusRejected:
		reject.Importance = widget.DangerImportance
	}
	return confirm, reject
}

// sectionLabel is a small bold heading inside an inspector view.
func sectionLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// wrapped is a word-wrapped label.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

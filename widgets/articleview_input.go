package widgets

import (
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

var (
	_ desktop.Mouseable  = (*ArticleView)(nil)
	_ desktop.Cursorable = (*ArticleView)(nil)
)

// Cursor shows the text cursor (I-beam) over the article.
func (v *ArticleView) Cursor() desktop.Cursor { return desktop.TextCursor }

// MouseDown places the caret (or, with Shift held, extends the selection) as soon as the
// button goes down, so a click feels immediate even though Tapped waits for a possible
// double-click. A press on the scroll bar strip pages towards the pointer.
func (v *ArticleView) MouseDown(ev *desktop.MouseEvent) {
	v.requestFocus()
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	v.shiftPressed = ev.Modifier&fyne.KeyModifierShift != 0
	if v.onScrollbar(ev.Position) {
		return
	}
	off := v.OffsetAt(ev.Position)
	if !v.shiftPressed {
		v.anchor = off
	}
	v.caret = off
	v.pressHandled = true
	v.Refresh()
}

// MouseUp is part of desktop.Mouseable; the gesture ends in Tapped or DragEnd.
func (v *ArticleView) MouseUp(*desktop.MouseEvent) {}

// Tapped places the caret at the tapped position (unless MouseDown already did), reports
// a changed selection, then calls OnTapped with the offset.
func (v *ArticleView) Tapped(ev *fyne.PointEvent) {
	v.requestFocus()
	if v.onScrollbar(ev.Position) {
		v.pressHandled = false
		v.pageTowards(ev.Position.Y)
		return
	}
	off := v.OffsetAt(ev.Position)
	if !v.pressHandled {
		v.anchor, v.caret = off, off
		v.Refresh()
	}
	v.pressHandled, v.shiftPressed = false, false
	v.notifySelection()
	if v.OnTapped != nil {
		v.OnTapped(off)
	}
}

// DoubleTapped selects the word under the pointer (for Chinese, Japanese and Korean,
// the run of characters of the same script).
func (v *ArticleView) DoubleTapped(ev *fyne.PointEvent) {
	v.pressHandled, v.shiftPressed = false, false
	if v.onScrollbar(ev.Position) {
		return
	}
	// The character under the pointer, not the nearest caret position: a double-click
	// on the right half of a word's last letter selects that word, not the next blank.
	off := v.OffsetAt(ev.Position)
	if off > 0 && v.PositionOf(off).X > ev.Position.X && v.runes()[off-1] != '\n' {
		off = graphemeStart(v.runes(), off-1)
	}
	s, e := wordAt(v.runes(), off)
	v.anchor, v.caret = s, e
	v.Refresh()
	v.notifySelection()
}

// Dragged selects from where the drag started to the pointer (from the existing anchor
// when Shift was held), scrolling when the pointer leaves the view. A drag that starts
// on the scroll bar moves the scroll bar instead.
func (v *ArticleView) Dragged(ev *fyne.DragEvent) {
	if !v.dragging {
		v.dragging = true
		start := ev.Position.Subtract(ev.Dragged)
		v.dragScrollbar = v.onScrollbar(start)
		if !v.dragScrollbar && !(v.pressHandled && v.shiftPressed) {
			v.anchor = v.OffsetAt(start)
		}
	}
	if v.dragScrollbar {
		h := v.Size().Height
		if content := v.contentHeight(); h > 0 {
			v.setOffset(v.offsetY + ev.Dragged.DY*content/h)
		}
		return
	}
	if h := v.Size().Height; ev.Position.Y < 0 {
		v.setOffset(v.offsetY + ev.Position.Y)
	} else if ev.Position.Y > h {
		v.setOffset(v.offsetY + ev.Position.Y - h)
	}
	v.caret = v.OffsetAt(ev.Position)
	v.Refresh()
}

// DragEnd finishes a drag selection and reports it.
func (v *ArticleView) DragEnd() {
	v.dragging, v.pressHandled, v.shiftPressed = false, false, false
	if v.dragScrollbar {
		v.dragScrollbar = false
		return
	}
	v.notifySelection()
}

// Scrolled scrolls the text by the mouse wheel or touchpad delta.
func (v *ArticleView) Scrolled(ev *fyne.ScrollEvent) {
	v.setOffset(v.offsetY - ev.Scrolled.DY)
}

// FocusGained shows the caret.
func (v *ArticleView) FocusGained() {
	v.focused = true
	v.Refresh()
}

// FocusLost hides the caret.
func (v *ArticleView) FocusLost() {
	v.focused = false
	v.Refresh()
}

// TypedRune ignores typing: the text is read-only.
func (v *ArticleView) TypedRune(rune) {}

// TypedKey scrolls with the arrow, Page Up/Down, Home and End keys.
func (v *ArticleView) TypedKey(ev *fyne.KeyEvent) {
	v.ensureLayout()
	page := v.Size().Height - v.m.lineHeight*2
	switch ev.Name {
	case fyne.KeyUp:
		v.setOffset(v.offsetY - v.m.lineHeight)
	case fyne.KeyDown:
		v.setOffset(v.offsetY + v.m.lineHeight)
	case fyne.KeyPageUp:
		v.setOffset(v.offsetY - page)
	case fyne.KeyPageDown, fyne.KeySpace:
		v.setOffset(v.offsetY + page)
	case fyne.KeyHome:
		v.setOffset(0)
	case fyne.KeyEnd:
		v.setOffset(v.contentHeight())
	}
}

// TypedShortcut copies the selection (Ctrl+C) and selects all (Ctrl+A); other
// shortcuts go to the window's canvas so application shortcuts still fire.
func (v *ArticleView) TypedShortcut(s fyne.Shortcut) {
	switch sc := s.(type) {
	case *fyne.ShortcutCopy:
		text := v.SelectedText()
		if text == "" {
			return
		}
		cb := sc.Clipboard
		if cb == nil {
			cb = fyne.CurrentApp().Clipboard()
		}
		cb.SetContent(text)
	case *fyne.ShortcutSelectAll:
		v.anchor, v.caret = 0, v.runeCount()
		v.Refresh()
		v.notifySelection()
	default:
		if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
			if target, ok := c.(fyne.Shortcutable); ok {
				target.TypedShortcut(s)
			}
		}
	}
}

func (v *ArticleView) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil && c.Focused() != v {
		c.Focus(v)
	}
}

func (v *ArticleView) notifySelection() {
	s, e := v.Selection()
	if (TextRange{s, e}) == v.notified {
		return
	}
	v.notified = TextRange{s, e}
	if v.OnSelectionChanged != nil {
		v.OnSelectionChanged(s, e)
	}
}

func (v *ArticleView) onScrollbar(p fyne.Position) bool {
	v.ensureLayout()
	return p.X >= v.Size().Width-v.m.scrollbarHit && v.contentHeight() > v.Size().Height
}

func (v *ArticleView) pageTowards(y float32) {
	h := v.Size().Height
	content := v.contentHeight()
	thumbY := v.offsetY / max(1, content-h) * h
	if y < thumbY {
		v.setOffset(v.offsetY - h*0.9)
	} else {
		v.setOffset(v.offsetY + h*0.9)
	}
}

// charClass groups runes for word selection; marks take the class of their base.
func charClass(r rune) int {
	switch {
	case unicode.IsSpace(r):
		return 1
	case unicode.Is(unicode.Han, r):
		return 3
	case unicode.In(r, unicode.Hiragana, unicode.Katakana) || r == 'ー':
		return 4
	case unicode.Is(unicode.Hangul, r):
		return 5
	case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_':
		return 2
	}
	return 0
}

// wordAt returns the word around rune offset off: letters and digits (with inner
// apostrophes), a run of same-script CJK characters, a run of blanks, or else the single
// character there.
func wordAt(text []rune, off int) (start, end int) {
	if len(text) == 0 {
		return 0, 0
	}
	off = graphemeStart(text, min(off, len(text)-1))
	cls := charClass(text[off])
	if cls == 0 {
		return off, nextBoundary(text, off)
	}
	inWord := func(i int) bool {
		r := text[i]
		if extendsCluster(r) {
			return true
		}
		if c := charClass(r); c == cls {
			return true
		}
		// "China's", "don’t": an apostrophe between letters belongs to the word.
		return cls == 2 && (r == '\'' || r == '’') && i > 0 && i+1 < len(text) &&
			charClass(text[i-1]) == 2 && charClass(text[i+1]) == 2
	}
	start, end = off, off
	for start > 0 && inWord(start-1) {
		start--
	}
	for end < len(text) && inWord(end) {
		end++
	}
	return graphemeStart(text, start), end
}

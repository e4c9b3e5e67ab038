package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// objPool hands out canvas objects of one kind, reusing them between refreshes
// so that a pan step allocates nothing once the pools have grown.
type objPool[T fyne.CanvasObject] struct {
	items []T
	used  int
	make  func() T
}

func (p *objPool[T]) reset() { p.used = 0 }

func (p *objPool[T]) get() T {
	if p.used == len(p.items) {
		p.items = append(p.items, p.make())
	}
	o := p.items[p.used]
	p.used++
	return o
}

// textPool also remembers which texts changed, because a text's glyphs are
// cached by the driver until the text object is refreshed.
type textPool struct {
	objPool[*canvas.Text]
	changed []*canvas.Text
}

func newTextPool() *textPool {
	return &textPool{objPool: objPool[*canvas.Text]{make: func() *canvas.Text { return &canvas.Text{} }}}
}

// text configures the next pooled text and records it as changed if it differs.
func (p *textPool) text(s string, size float32, c color.Color, style fyne.TextStyle) *canvas.Text {
	t := p.get()
	if t.Text != s || t.TextSize != size || t.Color != c || t.TextStyle != style {
		t.Text, t.TextSize, t.Color, t.TextStyle = s, size, c, style
		p.changed = append(p.changed, t)
	}
	return t
}

func newRectPool() *objPool[*canvas.Rectangle] {
	return &objPool[*canvas.Rectangle]{make: func() *canvas.Rectangle { return &canvas.Rectangle{} }}
}

func newCirclePool() *objPool[*canvas.Circle] {
	return &objPool[*canvas.Circle]{make: func() *canvas.Circle { return &canvas.Circle{} }}
}

func newLinePool() *objPool[*canvas.Line] {
	return &objPool[*canvas.Line]{make: func() *canvas.Line { return &canvas.Line{} }}
}

package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// swatchButton is a colour square that can be tapped; the current colour has
// a ring around it.
type swatchButton struct {
	widget.BaseWidget
	colour  color.Color
	current bool
	onTap   func()
}

func newSwatchButton(c color.Color, current bool, onTap func()) *swatchButton {
	b := &swatchButton{colour: c, current: current, onTap: onTap}
	b.ExtendBaseWidget(b)
	return b
}

// Tapped chooses the colour.
func (b *swatchButton) Tapped(*fyne.PointEvent) {
	if b.onTap != nil {
		b.onTap()
	}
}

// MinSize is a comfortable target for a pointer.
func (b *swatchButton) MinSize() fyne.Size { return fyne.NewSize(30, 30) }

// CreateRenderer draws the square, ringed when it is the current colour.
func (b *swatchButton) CreateRenderer() fyne.WidgetRenderer {
	r := canvas.NewRectangle(b.colour)
	r.CornerRadius = 4
	if b.current {
		r.StrokeColor = theme.Color(theme.ColorNameForeground)
		r.StrokeWidth = 2
	}
	return widget.NewSimpleRenderer(r)
}

package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Quad colours: blues for cooperation, orange and red for conflict; the material
// class of each is the darker (light theme) or more saturated (dark theme) one, so
// that the pairs stay apart for readers with red-green colour blindness too.
var (
	quadLight = [5]color.NRGBA{
		{R: 0x88, G: 0x88, B: 0x88, A: 0xff}, // unknown
		{R: 0x3a, G: 0xa0, B: 0xe0, A: 0xff}, // verbal cooperation
		{R: 0x1d, G: 0x4e, B: 0xa8, A: 0xff}, // material cooperation
		{R: 0xe8, G: 0x96, B: 0x00, A: 0xff}, // verbal conflict
		{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}, // material conflict
	}
	quadDark = [5]color.NRGBA{
		{R: 0x9a, G: 0x9a, B: 0x9a, A: 0xff},
		{R: 0x7c, G: 0xcc, B: 0xf8, A: 0xff},
		{R: 0x4c, G: 0x86, B: 0xf0, A: 0xff},
		{R: 0xf6, G: 0xb1, B: 0x3c, A: 0xff},
		{R: 0xf2, G: 0x55, B: 0x4c, A: 0xff},
	}
	quadNames = [5]string{"Other", "Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"}
)

// QuadColor returns the colour of a PLOVER quad class (1 verbal cooperation,
// 2 material cooperation, 3 verbal conflict, 4 material conflict; anything else
// is grey) for a light or dark theme variant.
func QuadColor(quad int, variant fyne.ThemeVariant) color.Color {
	if quad < 1 || quad > 4 {
		quad = 0
	}
	if variant == theme.VariantDark {
		return quadDark[quad]
	}
	return quadLight[quad]
}

// QuadName returns the English name of a PLOVER quad class, "Other" for values
// outside 1..4.
func QuadName(quad int) string {
	if quad < 1 || quad > 4 {
		return quadNames[0]
	}
	return quadNames[quad]
}

// withAlpha returns c with its alpha scaled to a (0..255).
func withAlpha(c color.Color, a uint8) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(uint16(n.A) * uint16(a) / 255)
	return n
}

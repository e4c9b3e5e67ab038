package app

import (
	"fmt"
	"image/color"
)

// tagPalette holds the colours offered for new tags: distinct hues that stay
// readable as translucent highlights on light and dark backgrounds.
var tagPalette = []string{"#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#bfef45", "#fabed4", "#469990", "#dcbeff", "#9a6324", "#800000", "#aaffc3", "#808000", "#000075"}

// parseColour reads "#rrggbb"; anything else is a neutral grey.
func parseColour(s string) color.NRGBA {
	var r, g, b uint8
	if _, err := fmt.Sscanf(s, "#%02x%02x%02x", &r, &g, &b); err != nil {
		return color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xff}
	}
	return color.NRGBA{R: r, G: g, B: b, A: 0xff}
}

// newTagColour is the palette colour of a new tag in a codebook of n tags.
func newTagColour(n int) string { return tagPalette[n%len(tagPalette)] }

func withAlpha(c color.NRGBA, a uint8) color.NRGBA {
	c.A = a
	return c
}

// hexColour formats c as "#rrggbb".
func hexColour(c color.Color) string {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return fmt.Sprintf("#%02x%02x%02x", n.R, n.G, n.B)
}

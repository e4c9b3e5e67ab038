package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Fixed sizes of the timeline's parts, in Fyne units.
const (
	pad          = float32(6)
	legendHeight = float32(24)
	axisHeight   = float32(24)
	laneHeight   = float32(26)
	seriesHeight = float32(100)
	markHeight   = float32(12)
	dotSize      = float32(10)
	minBarWidth  = float32(6)
	hitSlop      = float32(3)
	minLabelW    = float32(80)
	maxLabelW    = float32(200)
)

// tlGeometry maps between time and position for one size of the widget.
type tlGeometry struct {
	w, h           float32
	labelW         float32
	plotX0, plotX1 float32
	axisTop        float32
	lanesTop       float32
	lanesBottom    float32
	seriesTop      float32
	hasSeries      bool
	from, to       float64
}

type tlRect struct{ x, y, w, h float32 }

func (t *Timeline) geometry() tlGeometry {
	size := t.Size()
	g := tlGeometry{w: size.Width, h: size.Height, from: t.model.view.from, to: t.model.view.to}
	g.labelW = t.labelColumnWidth()
	g.plotX0 = g.labelW
	g.plotX1 = g.w - pad
	if g.plotX1 < g.plotX0+1 {
		g.plotX1 = g.plotX0 + 1
	}
	g.axisTop = legendHeight
	g.lanesTop = legendHeight + axisHeight
	g.hasSeries = len(t.model.series) > 0
	g.lanesBottom = g.h
	if g.hasSeries {
		g.lanesBottom = g.h - seriesHeight
	}
	if g.lanesBottom < g.lanesTop {
		g.lanesBottom = g.lanesTop
	}
	g.seriesTop = g.lanesBottom
	return g
}

// labelColumnWidth fits the longest lane label (and the series captions) within
// minLabelW..maxLabelW; longer labels are cut with an ellipsis.
func (t *Timeline) labelColumnWidth() float32 {
	m := &t.model
	if m.labelW > 0 {
		return m.labelW
	}
	size := theme.TextSize()
	w := float32(0)
	for _, l := range m.lanes {
		w = max(w, fyne.MeasureText(l.label, size, fyne.TextStyle{}).Width)
	}
	if len(m.series) > 0 {
		w = max(w, fyne.MeasureText(t.seriesCaption(), theme.CaptionTextSize(), fyne.TextStyle{Bold: true}).Width)
	}
	m.labelW = min(maxLabelW, max(minLabelW, w+3*pad))
	return m.labelW
}

func (t *Timeline) seriesCaption() string {
	if t.model.seriesTitle != "" {
		return t.model.seriesTitle
	}
	return "Goldstein"
}

func (g *tlGeometry) plotW() float32 { return g.plotX1 - g.plotX0 }

func (g *tlGeometry) xOf(sec float64) float32 {
	return g.plotX0 + float32((sec-g.from)/(g.to-g.from)*float64(g.plotW()))
}

func (g *tlGeometry) timeAt(x float32) float64 {
	return g.from + float64(x-g.plotX0)/float64(g.plotW())*(g.to-g.from)
}

// secondsPerUnit is how much time one Fyne unit of width stands for.
func (g *tlGeometry) secondsPerUnit() float64 {
	return (g.to - g.from) / float64(g.plotW())
}

// laneCenter is the vertical centre of lane li with the lanes scrolled by scrollY.
func (g *tlGeometry) laneCenter(li int, scrollY float32) float32 {
	return g.lanesTop + float32(li)*laneHeight - scrollY + laneHeight/2
}

// laneAt returns the lane under y, or -1.
func (g *tlGeometry) laneAt(y float32, scrollY float32, lanes int) int {
	if y < g.lanesTop || y >= g.lanesBottom {
		return -1
	}
	li := int((y - g.lanesTop + scrollY) / laneHeight)
	if li < 0 || li >= lanes {
		return -1
	}
	return li
}

// markRect is where an event's mark is drawn; false when it is out of view.
func (g *tlGeometry) markRect(e *tlEvent, li int, scrollY float32) (tlRect, bool) {
	yc := g.laneCenter(li, scrollY)
	if yc-markHeight/2 < g.lanesTop || yc+markHeight/2 > g.lanesBottom {
		return tlRect{}, false
	}
	x0, x1 := g.xOf(e.start), g.xOf(e.end)
	if e.precise {
		xc := (x0 + x1) / 2
		if xc < g.plotX0 || xc > g.plotX1 {
			return tlRect{}, false
		}
		return tlRect{x: xc - dotSize/2, y: yc - dotSize/2, w: dotSize, h: dotSize}, true
	}
	if x1-x0 < minBarWidth {
		xc := (x0 + x1) / 2
		x0, x1 = xc-minBarWidth/2, xc+minBarWidth/2
	}
	if x1 < g.plotX0 || x0 > g.plotX1 {
		return tlRect{}, false
	}
	x0, x1 = max(x0, g.plotX0), min(x1, g.plotX1)
	return tlRect{x: x0, y: yc - markHeight/2, w: x1 - x0, h: markHeight}, true
}

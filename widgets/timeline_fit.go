package widgets

import (
	"math"
	"slices"
)

// fitFence is how many interquartile ranges beyond the quartiles an event may
// lie and still be framed by ZoomToFit (3 is Tukey's "far out").
const fitFence = 3

// fitRange returns the span ZoomToFit frames: where the events are, not
// where the stray ones are. An event is framed when its midpoint lies within
// fitFence interquartile ranges of the quartiles of all midpoints, or within
// the central 98% of them; the span runs from the earliest start to the
// latest end of the framed events. Events outside are left to the off-axis
// markers at the plot's edges. Without events the series is framed.
func (m *tlModel) fitRange() (lo, hi float64, ok bool) {
	var mids []float64
	for _, l := range m.all {
		for _, e := range l.events {
			mids = append(mids, (e.start+e.end)/2)
		}
	}
	if len(mids) == 0 {
		if n := len(m.seriesX); n > 0 {
			return m.seriesX[0], m.seriesX[n-1], true
		}
		return 0, 0, false
	}
	slices.Sort(mids)
	q1, q3 := quantile(mids, 0.25), quantile(mids, 0.75)
	iqr := math.Max(q3-q1, day)
	inLo := math.Min(q1-fitFence*iqr, quantile(mids, 0.01))
	inHi := math.Max(q3+fitFence*iqr, quantile(mids, 0.99))
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, l := range m.all {
		for _, e := range l.events {
			if mid := (e.start + e.end) / 2; mid >= inLo && mid <= inHi {
				lo, hi = math.Min(lo, e.start), math.Max(hi, e.end)
			}
		}
	}
	return lo, hi, hi >= lo
}

// quantile is the q-quantile of sorted values (nearest rank).
func quantile(sorted []float64, q float64) float64 {
	return sorted[int(math.Round(q*float64(len(sorted)-1)))]
}

package extract_test

import "testing"

// TestHeldOutAccuracy scores the extractor on testdata/heldout.jsonl, news
// sentences and short articles written apart from the development set in
// the styles of several wires and papers. The "tune" part was looked at while
// improving the rules, so it is in-sample by now; the "final" part was only
// scored once, at the end. Floors sit a little below the scores reached and
// at or above the independent evaluation's floors where those apply.
func TestHeldOutAccuracy(t *testing.T) {
	x := newExtractor(t)
	parts := []struct {
		name                                string
		split                               string
		unitsType, actor, recip, date, cntr float64
	}{
		// reached: tune 0.84 0.99 0.82 0.86 0.99; final 0.73 1.00 0.85 1.00 0.98
		{"tune", "", 0.80, 0.95, 0.78, 0.80, 0.97},
		{"final", "final", 0.70, 0.95, 0.80, 0.90, 0.95},
	}
	for _, p := range parts {
		t.Run(p.name, func(t *testing.T) {
			recs, texts := loadEvalSet(t, "testdata/heldout.jsonl", func(r devRecord) bool { return r.Split == p.split })
			if len(recs) < 20 {
				t.Fatalf("heldout.jsonl has %d %s units, want at least 20", len(recs), p.name)
			}
			s := scoreUnits(x, recs, texts)
			s.check(t, []floor{
				{"units with every event type right", ratio(s.unitsTypeOK, s.unitsWithGold), p.unitsType},
				{"actor country", ratio(s.actorOK, s.actorN), p.actor},
				{"recipient country (or joint co-actor)", ratio(s.recipOK+s.recipJoint, s.recipN), p.recip},
				{"date", ratio(s.dateOK, s.dateN), p.date},
				{"countries found", ratio(s.countryOK, s.countryN), p.cntr},
			})
		})
	}
}

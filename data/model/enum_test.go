package model_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/model"
)

func TestEnumerationsInUIOrder(t *testing.T) {
	for _, tc := range []struct {
		name string
		got  []string
		want string
	}{
		{"statuses", model.Strings(model.Statuses()), "suggested confirmed rejected"},
		{"entity kinds", model.Strings(model.EntityKinds()), "person country organisation place other"},
		{"precisions", model.Strings(model.Precisions()), "day week month year"},
		{"date bases", model.Strings(model.DateBases()), "explicit relative publication unresolved"},
		{"event types", model.Strings(model.EventTypes()),
			"AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT"},
	} {
		if got := strings.Join(tc.got, " "); got != tc.want {
			t.Errorf("%s = %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestValidRefusesUnknownValuesNamingThem(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{model.Status("pending").Valid(), `unknown status "pending" (want suggested, confirmed or rejected)`},
		{model.Status("").Valid(), `unknown status "" (want suggested, confirmed or rejected)`},
		{model.EntityKind("robot").Valid(), `unknown entity kind "robot" (want person, country, organisation, place or other)`},
		{model.EventType("HUG").Valid(), `unknown event type "HUG" (want one of [AGREE CONSULT`},
		{model.Precision("hour").Valid(), `unknown date precision "hour"`},
		{model.DateBasis("guess").Valid(), `unknown date basis "guess"`},
	} {
		if tc.err == nil || !strings.HasPrefix(tc.err.Error(), tc.want) {
			t.Errorf("error %v, want it to start %q", tc.err, tc.want)
		}
	}
	// "" means unknown (not yet typed, precision or basis unknown), except
	// for status and kind, which every mention, event and entity has.
	for _, err := range []error{model.EventType("").Valid(), model.Precision("").Valid(), model.DateBasis("").Valid()} {
		if err != nil {
			t.Errorf("empty value refused: %v", err)
		}
	}
	for _, s := range model.Statuses() {
		if err := s.Valid(); err != nil {
			t.Error(err)
		}
	}
	for _, k := range model.EntityKinds() {
		if err := k.Valid(); err != nil {
			t.Error(err)
		}
	}
}

func TestRanksSortSuggestionsFirstAndCooperationBeforeConflict(t *testing.T) {
	statuses := []model.Status{"bogus", model.StatusRejected, model.StatusConfirmed, model.StatusSuggested}
	slices.SortFunc(statuses, func(a, b model.Status) int { return a.Rank() - b.Rank() })
	if got := strings.Join(model.Strings(statuses), " "); got != "suggested confirmed rejected bogus" {
		t.Errorf("statuses sorted = %s", got)
	}
	if !(model.EventAgree.Rank() < model.EventAssault.Rank() && model.EventAssault.Rank() < model.EventType("").Rank()) {
		t.Errorf("ranks AGREE %d, ASSAULT %d, untyped %d: want cooperation, conflict, untyped", model.EventAgree.Rank(), model.EventAssault.Rank(), model.EventType("").Rank())
	}
}

func TestParseEventTypeAcceptsAnyCase(t *testing.T) {
	if got := model.ParseEventType("  consult "); got != model.EventConsult {
		t.Errorf("ParseEventType = %q, want CONSULT", got)
	}
}

func TestQuadClass(t *testing.T) {
	tests := []struct {
		cameo  string
		plover model.EventType
		want   model.QuadClass
	}{
		{"041", "CONSULT", 1}, {"057", "SUPPORT", 1}, {"0874", "RETREAT", 2}, {"1621", "SANCTION", 4},
		{"13", "THREATEN", 3}, {"", "ACCUSE", 3}, {"", "AID", 2}, {"", "", 0}, {"x1", "ASSAULT", 4}, {"99", "", 0},
		{"10", "REQUEST", 3}, // a CAMEO code wins over the type
	}
	for _, tt := range tests {
		if got := model.EventQuadClass(tt.cameo, tt.plover); got != tt.want {
			t.Errorf("EventQuadClass(%q, %q) = %d, want %d", tt.cameo, tt.plover, got, tt.want)
		}
	}
	for _, et := range model.EventTypes() {
		if et.QuadClass() == 0 || et.QuadClass().Label() == "" {
			t.Errorf("%s has no quad class", et)
		}
		if len(et.CAMEORoots()) == 0 {
			t.Errorf("%s has no CAMEO root", et)
		}
	}
}

func TestChoices(t *testing.T) {
	if got := model.Choices([]model.Precision{model.PrecisionDay}); got != "day" {
		t.Errorf("Choices of one = %q", got)
	}
	if got := model.Choices(model.Precisions()); got != "day, week, month or year" {
		t.Errorf("Choices = %q", got)
	}
}

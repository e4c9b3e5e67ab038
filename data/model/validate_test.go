package model_test

import (
	"strings"
	"testing"

	"github.com/attache-app/attache/data/model"
)

func TestEventNormalizeAndValidate(t *testing.T) {
	e := model.Event{Type: " consult", Date: "2025-01-17", Precision: model.PrecisionDay}
	e.Normalize()
	if e.Status != model.StatusConfirmed || e.Type != model.EventConsult {
		t.Errorf("normalised to status %q type %q, want confirmed CONSULT", e.Status, e.Type)
	}
	if err := e.Validate(); err != nil {
		t.Errorf("valid event refused: %v", err)
	}
	for _, tc := range []struct {
		e    model.Event
		want string
	}{
		{model.Event{Status: "maybe"}, "unknown status"},
		{model.Event{Status: model.StatusSuggested, Type: "HUG"}, "unknown event type"},
		{model.Event{Status: model.StatusSuggested, Precision: "decade"}, "unknown date precision"},
		{model.Event{Status: model.StatusSuggested, DateBasis: "hunch"}, "unknown date basis"},
		{model.Event{Status: model.StatusSuggested, Date: "2025-02-31"}, "date: \"2025-02-31\" is not a calendar date"},
		{model.Event{Status: model.StatusSuggested, EndDate: "soon"}, "end date: \"soon\" is not a date"},
	} {
		if err := tc.e.Validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Validate(%+v) = %v, want %q", tc.e, err, tc.want)
		}
	}
}

func TestEntityAndTagValidation(t *testing.T) {
	e := model.Entity{Name: "  Xi Jinping ", Kind: model.KindPerson}
	e.Normalize()
	if e.Name != "Xi Jinping" || e.Validate() != nil {
		t.Errorf("entity %q: %v", e.Name, e.Validate())
	}
	if err := (model.Entity{Name: " "}).Validate(); err == nil {
		t.Error("entity without a name accepted")
	}
	if err := (model.Entity{Name: "X", Kind: "robot"}).Validate(); err == nil {
		t.Error("entity of kind robot accepted")
	}
	tag := model.Tag{Name: " Trade "}
	tag.Normalize()
	if tag.Name != "Trade" || tag.Colour != model.DefaultTagColour || tag.Validate() != nil {
		t.Errorf("tag %+v: %v", tag, tag.Validate())
	}
	if err := (model.Tag{Name: "Trade", Colour: "red"}).Validate(); err == nil || !strings.Contains(err.Error(), "#rrggbb") {
		t.Errorf("colour red: %v", err)
	}
}

func TestValidBody(t *testing.T) {
	for body, want := range map[string]string{" \n": "empty body", "a\xffb": "not valid UTF-8", "text": ""} {
		err := model.ValidBody(body)
		if (want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), want)) {
			t.Errorf("ValidBody(%q) = %v, want %q", body, err, want)
		}
	}
}

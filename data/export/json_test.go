package export_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/export"
	"github.com/attache-app/attache/data/model"
)

func TestWriteEventsJSONValidAgainstSchema(t *testing.T) {
	tests := []struct {
		name string
		evs  []export.EventRecord
	}{
		{"seed", seedEvents()},
		{"empty", nil},
		{"minimal", []export.EventRecord{{ID: 9, Event: "AID", Status: model.StatusSuggested}}},
	}
	sch := compileSchema(t, "")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := export.WriteEventsJSON(&b, tt.evs); err != nil {
				t.Fatal(err)
			}
			if err := validate(t, sch, b.Bytes()); err != nil {
				t.Fatalf("export does not validate: %v\n%s", err, b.String())
			}
			var got []map[string]any
			if err := json.Unmarshal(b.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.evs) {
				t.Fatalf("%d events written, want %d", len(got), len(tt.evs))
			}
			for _, ev := range got {
				for _, list := range []string{"actor", "recipient", "tags"} {
					if _, ok := ev[list].([]any); !ok {
						t.Errorf("event %v: %s is %T, want an array", ev["id"], list, ev[list])
					}
				}
			}
		})
	}
}

func TestWriteEventsJSONFields(t *testing.T) {
	var b bytes.Buffer
	if err := export.WriteEventsJSON(&b, seedEvents()[:2]); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		`"cameo": "041"`, `"cameo": "057"`, `"date": "2025-01-17"`, `"date": "2025-06-23"`,
		`"event": "CONSULT"`, `"event": "SUPPORT"`, `"enddate": ""`, `"date_precision": "day"`,
		`"name": "Xi Jinping"`, `"entity_id": 1`, `"country": "CHN"`, `"quad_class": 1`,
		`"article_id": 1`, `"published": "2025-01-18"`, `(習近平)`, `"coder": ""`, `"coder": "ana"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("JSON export lacks %s:\n%s", want, out)
		}
	}
	var back []export.EventRecord
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back[0].Source.Title != seedEvents()[0].Source.Title || back[0].Text != seedEvents()[0].Text || len(back[0].Actor) != 2 {
		t.Errorf("round trip lost data: %+v", back[0])
	}
}

func TestWriteEventsJSONLValidAgainstSchema(t *testing.T) {
	var b bytes.Buffer
	evs := seedEvents()
	if err := export.WriteEventsJSONL(&b, evs); err != nil {
		t.Fatal(err)
	}
	sch := compileSchema(t, "#/$defs/event")
	sc := bufio.NewScanner(&b)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		if err := validate(t, sch, sc.Bytes()); err != nil {
			t.Errorf("line %d does not validate: %v\n%s", n+1, err, sc.Text())
		}
		var ev export.EventRecord
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil || ev.ID != evs[n].ID {
			t.Errorf("line %d: %v, id %d want %d", n+1, err, ev.ID, evs[n].ID)
		}
		n++
	}
	if n != len(evs) {
		t.Errorf("%d lines, want %d", n, len(evs))
	}
}

// TestSchemaRejects makes sure the schema has teeth: exports that break the
// format fail validation.
func TestSchemaRejects(t *testing.T) {
	var b bytes.Buffer
	if err := export.WriteEventsJSONL(&b, seedEvents()[:1]); err != nil {
		t.Fatal(err)
	}
	good := strings.TrimSpace(b.String())
	sch := compileSchema(t, "#/$defs/event")
	if err := validate(t, sch, []byte(good)); err != nil {
		t.Fatalf("the good record does not validate: %v", err)
	}
	tests := []struct{ name, from, to string }{
		{"cameo as a number", `"cameo":"041"`, `"cameo":41`},
		{"unknown event type", `"event":"CONSULT"`, `"event":"CHAT"`},
		{"date not ISO", `"date":"2025-01-17"`, `"date":"17/01/2025"`},
		{"missing field", `,"location":""`, ``},
		{"extra field", `"note":""`, `"note":"","notes":""`},
		{"bad status", `"status":"suggested"`, `"status":"maybe"`},
		{"country not alpha-3", `"country":"CHN"`, `"country":"CN"`},
		{"actor as a string", `"actor":[`, `"actor":"Trump","x":[`},
		{"goldstein out of range", `"goldstein":1`, `"goldstein":11`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := strings.Replace(good, tt.from, tt.to, 1)
			if bad == good {
				t.Fatalf("%q not in %s", tt.from, good)
			}
			if err := validate(t, sch, []byte(bad)); err == nil {
				t.Errorf("schema accepted %s", bad)
			}
		})
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestExtractCommand(t *testing.T) {
	in := strings.Join([]string{
		`{"id":1,"text":"Canada and the EU on Monday signed a defense and security pact.","published":"2025-06-24"}`,
		`not json`,
		`{"id":"b","body":"Chinese President Xi Jinping (習近平) urged Trump to act."}`,
		`{"id":3}`,
		``,
	}, "\n")
	var out, errb bytes.Buffer
	code := run([]string{"extract", "--published", "2025-01-18"}, strings.NewReader(in), &out, &errb)
	if code != 1 {
		t.Fatalf("exit code %d, want 1 (bad lines)", code)
	}
	for _, want := range []string{"line 2:", "line 4:"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr %q lacks %q", errb.String(), want)
		}
	}
	if n := strings.Count(errb.String(), "\n"); n != 2 {
		t.Errorf("stderr has %d lines, want one per bad record:\n%s", n, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d output records, want 2:\n%s", len(lines), out.String())
	}
	var rec1 map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &rec1); err != nil {
		t.Fatal(err)
	}
	if rec1["id"] != float64(1) {
		t.Errorf("id = %v, want 1", rec1["id"])
	}
	evs := rec1["events"].([]any)
	if len(evs) != 1 {
		t.Fatalf("record 1: %d events, want 1: %s", len(evs), lines[0])
	}
	ev := evs[0].(map[string]any)
	if ev["cameo"] != "057" || ev["event"] != "SUPPORT" || ev["date"] != "2025-06-23" || ev["date_precision"] != "day" || ev["date_text"] != "on Monday" {
		t.Errorf("event = %v", ev)
	}
	if len(ev["actor"].([]any)) != 2 || ev["recipient"] == nil {
		t.Errorf("actor/recipient = %v / %v", ev["actor"], ev["recipient"])
	}
	// the record without a published date takes --published; aliases keep other scripts
	var rec2 struct {
		ID       string `json:"id"`
		Entities []struct {
			Name       string
			Country    string
			Aliases    []string
			Start, End int
		}
		Events []struct {
			Event string
			Date  string
		}
	}
	if err := json.Unmarshal([]byte(lines[1]), &rec2); err != nil {
		t.Fatal(err)
	}
	if rec2.ID != "b" || len(rec2.Events) != 1 || rec2.Events[0].Event != "REQUEST" || rec2.Events[0].Date != "2025-01-18" {
		t.Errorf("record b = %s", lines[1])
	}
	var xi bool
	for _, e := range rec2.Entities {
		if e.Name == "Xi Jinping" {
			xi = e.Country == "CHN" && strings.Contains(strings.Join(e.Aliases, ","), "習近平") && e.Start == 18 && e.End == 28
		}
	}
	if !xi {
		t.Errorf("Xi Jinping entity wrong (want CHN, alias 習近平, first mention runes 18–28): %s", lines[1])
	}
}

func TestExtractCommandBadFlag(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"extract", "--published", "yesterday"}, strings.NewReader(""), &out, &errb); code != 2 {
		t.Errorf("exit code %d, want 2", code)
	}
}

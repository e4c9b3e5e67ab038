package export

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
)

//go:embed schema/events.schema.json
var schema []byte

// Schema returns the JSON Schema (draft 2020-12) of the events JSON export:
// an array of event objects. Each line of the JSON Lines export is one such
// object (the schema's "$defs/event").
func Schema() []byte { return append([]byte(nil), schema...) }

// normalised returns ev with nil lists replaced by empty ones, so that JSON
// always carries arrays (never null).
func normalised(ev EventRecord) EventRecord {
	if ev.Actor == nil {
		ev.Actor = []Party{}
	}
	if ev.Recipient == nil {
		ev.Recipient = []Party{}
	}
	if ev.Tags == nil {
		ev.Tags = []string{}
	}
	return ev
}

// WriteEventsJSON writes evs as one indented JSON array (UTF-8, "<", ">" and
// "&" not escaped).
func WriteEventsJSON(w io.Writer, evs []EventRecord) error {
	out := make([]EventRecord, len(evs))
	for i, ev := range evs {
		out[i] = normalised(ev)
	}
	if err := writeIndentedJSON(w, out); err != nil {
		return fmt.Errorf("export: write events JSON: %w", err)
	}
	return nil
}

// writeIndentedJSON writes v as JSON indented by two spaces, with "<", ">"
// and "&" left as they are.
func writeIndentedJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// WriteEventsJSONL writes evs as JSON Lines: one compact JSON object per
// line, each ending in "\n".
func WriteEventsJSONL(w io.Writer, evs []EventRecord) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, ev := range evs {
		if err := enc.Encode(normalised(ev)); err != nil {
			return fmt.Errorf("export: write events JSON Lines: event %d: %w", ev.ID, err)
		}
	}
	return nil
}

package ingest

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"
)

// readCSV reads a CSV or TSV file with a header row; each row with text is an
// article. Columns are mapped by name (see fieldKind).
func readCSV(path, text string, comma rune) ([]draft, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = comma
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = false
	header, err := r.Read()
	if err != nil {
		return nil, refuse(path, "cannot read the header row: %v", err)
	}
	kinds := make([]string, len(header))
	hasBody := false
	for i, h := range header {
		kinds[i] = fieldKind(strings.TrimPrefix(h, "\ufeff"))
		hasBody = hasBody || kinds[i] == "body"
	}
	if !hasBody {
		return nil, refuse(path, "no text column in the header (expected body, text or content)")
	}
	var out []draft
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, refuse(path, "malformed row: %v", err)
		}
		m := make(map[string]any, len(rec))
		for i, v := range rec {
			if i < len(header) && kinds[i] != "" {
				m[header[i]] = v
			}
		}
		if d, ok := recordDraft(m); ok {
			out = append(out, d)
		}
	}
	return out, nil
}

package resources

import (
	"embed"
	"encoding/json"
	"fmt"
)

//go:embed sample
var sampleFS embed.FS

// SampleFile is one file of the sample corpus with the metadata the file itself
// does not carry: its outlet and the publication date of each article in it, in
// the order the splitter finds them ("" where the date is not known).
type SampleFile struct {
	Name        string   `json:"name"`
	Publication string   `json:"publication"`
	Published   []string `json:"published"`
	Data        []byte   `json:"-"`
}

// Sample returns the sample corpus that a new default project is seeded with.
func Sample() ([]SampleFile, error) {
	raw, err := sampleFS.ReadFile("sample/manifest.json")
	if err != nil {
		return nil, fmt.Errorf("resources: sample manifest: %w", err)
	}
	var files []SampleFile
	if err := json.Unmarshal(raw, &files); err != nil {
		return nil, fmt.Errorf("resources: sample manifest: %w", err)
	}
	for i := range files {
		data, err := sampleFS.ReadFile("sample/" + files[i].Name)
		if err != nil {
			return nil, fmt.Errorf("resources: sample file %s: %w", files[i].Name, err)
		}
		files[i].Data = data
	}
	return files, nil
}

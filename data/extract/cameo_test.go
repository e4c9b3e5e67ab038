package extract_test

import (
	"slices"
	"testing"

	"github.com/attache-app/attache/data/extract"
	"github.com/attache-app/attache/data/model"
)

// The codebook and the model agree: every code's root is one the model
// lists for the code's PLOVER type, and every type has codes.
func TestCodebookRootsMatchTheModel(t *testing.T) {
	typed := 0
	for _, c := range extract.CAMEOCodes() {
		if c.Type == "" {
			continue
		}
		typed++
		if !slices.Contains(c.Type.CAMEORoots(), c.Code[:2]) {
			t.Errorf("CAMEO %s (%s) is %s, whose roots are %v", c.Code, c.Name, c.Type, c.Type.CAMEORoots())
		}
	}
	if typed == 0 {
		t.Fatal("no typed CAMEO code in the codebook")
	}
	for _, et := range model.EventTypes() {
		found := false
		for _, c := range extract.CAMEOCodes() {
			found = found || c.Type == et
		}
		if !found {
			t.Errorf("no CAMEO code of type %s in the codebook", et)
		}
	}
}

package sqlite_test

import (
	"path/filepath"
	"testing"

	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/sqlite"
	"github.com/attache-app/attache/data/store/storetest"
)

// TestContract runs the store API's contract on project files.
func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := sqlite.Open(filepath.Join(t.TempDir(), "project.attache"))
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

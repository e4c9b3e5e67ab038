package app

import (
	"os"
	"testing"

	"github.com/attache-app/attache/data/store/postgres/pgtest"
)

// TestMain stops the throwaway PostgreSQL server the shared-project tests
// start (on first use only).
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

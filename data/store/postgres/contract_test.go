package postgres_test

import (
	"testing"

	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/postgres/pgtest"
	"github.com/attache-app/attache/data/store/storetest"
)

// TestContract runs the store API's contract suite on the PostgreSQL engine,
// each test on a database of its own.
func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		return open(t, pgtest.NewProject(t).OwnerURL())
	})
}

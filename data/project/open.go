package project

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/attache-app/attache/data/store/sqlite"

	"github.com/attache-app/attache/data/extract"
	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/resources"
)

// Open resolves location as Resolve does and opens that project with the
// engine that keeps it, creating a project file when missing. A default
// project that did not exist yet is seeded with the sample corpus, so a new
// user sees a working example at once. It returns the store and the location
// it opened, without any password in it. This is the one place that picks
// a store engine.
func Open(ctx context.Context, location string) (store.Store, string, error) {
	return OpenWith(ctx, location, Options{})
}

// OpenWith is Open with options for a shared project (how to ask for its
// password).
func OpenWith(ctx context.Context, location string, opts Options) (store.Store, string, error) {
	resolved, isDefault, err := Resolve(location)
	if err != nil {
		return nil, "", err
	}
	if IsDatabaseURL(resolved) {
		st, err := openDatabase(ctx, resolved, opts)
		return st, Redact(resolved), err
	}
	isNew := false
	if _, err := os.Stat(resolved); errors.Is(err, fs.ErrNotExist) {
		isNew = true
		if err := os.MkdirAll(filepath.Dir(resolved), 0o755); err != nil {
			return nil, "", fmt.Errorf("project: create folder for %s: %w", resolved, err)
		}
	}
	st, err := sqlite.Open(resolved)
	if err != nil {
		return nil, "", err
	}
	if isNew && isDefault {
		if err := Seed(ctx, st); err != nil {
			st.Close()
			return nil, "", fmt.Errorf("project: seed %s with the sample corpus: %w", resolved, err)
		}
	}
	return st, resolved, nil
}

// Seed imports the embedded sample corpus into st, with the publication dates
// and outlet its manifest gives, and runs extraction on it.
func Seed(ctx context.Context, st store.Store) error {
	files, err := resources.Sample()
	if err != nil {
		return err
	}
	x, err := extract.New()
	if err != nil {
		return err
	}
	for _, f := range files {
		// Read from the embedded file itself; "sample/NAME" is where its
		// articles say they come from.
		arts, err := ingest.Read(ctx, "sample/"+f.Name, bytes.NewReader(f.Data), ingest.Options{Publication: f.Publication})
		if err != nil {
			return err
		}
		for i := range arts {
			if i < len(f.Published) && arts[i].Published == "" {
				arts[i].Published = f.Published[i]
			}
		}
		res, err := st.ImportArticles(ctx, arts)
		if err != nil {
			return err
		}
		if err := extract.Run(ctx, st, x, nonZero(res.IDs)); err != nil {
			return err
		}
	}
	return nil
}

func nonZero(ids []int64) []int64 {
	out := ids[:0:0]
	for _, id := range ids {
		if id != 0 {
			out = append(out, id)
		}
	}
	return out
}

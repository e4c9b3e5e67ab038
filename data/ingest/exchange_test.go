package ingest_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/exchange/exchangetest"
	"github.com/attache-app/attache/data/ingest"
)

// TestImportREFIQDA imports REFI-QDA projects through the ordinary import:
// a .qdpx, and the same archive under a .zip name, come in as a project
// (articles, tags, passages), not as a zip of text files with the XML read
// as an article.
func TestImportREFIQDA(t *testing.T) {
	for _, name := range []string{"coded.qdpx", "coded.zip"} {
		t.Run(name, func(t *testing.T) {
			st := openStore(t)
			path := exchangetest.Pack(t, name)
			res, err := ingest.Import(context.Background(), st, []string{path}, ingest.Options{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			r := res[0]
			if r.Err != nil || r.Imported != 2 || r.Tags != 5 || r.Passages != 6 || len(r.Skipped) != 4 || len(r.IDs) != 2 {
				t.Errorf("result %+v: want 2 articles, 5 tags, 6 passages, 4 parts skipped", r)
			}
			n, _ := st.Counts(context.Background())
			if n.Articles != 2 || n.Tags != 5 || n.Passages != 6 {
				t.Errorf("project holds %+v", n)
			}
		})
	}
}

// TestImportREFIQDARefused imports a hostile project: the file is refused
// with its reason, the project is unchanged, and the next file still
// imports.
func TestImportREFIQDARefused(t *testing.T) {
	st := openStore(t)
	bad := writeFile(t, "xxe.qdpx", makeZip(t, zipFile{"project.qde",
		`<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY s SYSTEM "file:///etc/passwd">]><Project xmlns="urn:QDA-XML:project:1.0" name="&s;"/>`}))
	good := writeFile(t, "note.txt", []byte("Officials met in Taipei on Friday to discuss trade.\n"))
	res, err := ingest.Import(context.Background(), st, []string{bad, good}, ingest.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(res[0].Err, ingest.ErrRefused) || !strings.Contains(ingest.Reason(res[0].Err), "DTD") || !strings.Contains(res[0].Err.Error(), bad) {
		t.Errorf("hostile project: %v; want refused naming the file and the DTD", res[0].Err)
	}
	if res[1].Err != nil || res[1].Imported != 1 {
		t.Errorf("next file: %+v", res[1])
	}
	if n, _ := st.Counts(context.Background()); n.Articles != 1 || n.Tags != 0 {
		t.Errorf("project holds %+v", n)
	}
}

// TestREFIQDAInsideZip refuses a REFI-QDA file found inside a plain archive
// instead of reading its XML as an article.
func TestREFIQDAInsideZip(t *testing.T) {
	path := writeFile(t, "bundle.zip", makeZip(t, zipFile{"a.txt", "Officials met in Taipei on Friday.\n"},
		zipFile{"codes.qdc", `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>`}))
	_, err := ingest.ReadFile(context.Background(), path, ingest.Options{})
	if !errors.Is(err, ingest.ErrRefused) || !strings.Contains(err.Error(), "REFI-QDA") {
		t.Errorf("got %v; want the archive refused for its REFI-QDA entry", err)
	}
}

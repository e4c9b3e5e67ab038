package exchange_test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/exchange"
	"github.com/attache-app/attache/data/store"
)

const qdeHead = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// goodQDE is a minimal valid project with one source, for hostile variants.
func goodQDE(plainTextPath string) string {
	return qdeHead + `<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources>
<TextSource guid="0f3c2a91-7b44-4f0e-9d2a-1c5e8b7a6d01" name="Note" plainTextPath="` + plainTextPath + `"/>
</Sources></Project>`
}

const goodText = "Officials met in Taipei on Friday.\n"

// TestHostileFiles tries files built to harm or trick a reader. Each is
// refused with one line naming the file and the reason, and the project is
// left as it was.
func TestHostileFiles(t *testing.T) {
	billion := qdeHead + `<!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa">` +
		`<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">` +
		`<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>` +
		`<Project xmlns="urn:QDA-XML:project:1.0" name="&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"/>`
	xxe := qdeHead + `<!DOCTYPE Project [<!ENTITY secret SYSTEM "file:///etc/passwd">]>` +
		`<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources><TextSource guid="0f3c2a91-7b44-4f0e-9d2a-1c5e8b7a6d01" name="x">` +
		`<PlainTextContent>&secret;</PlainTextContent></TextSource></Sources></Project>`
	var nested strings.Builder
	nested.WriteString(qdeHead + `<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes>`)
	const depth = 100000
	for i := range depth {
		fmt.Fprintf(&nested, `<Code guid="00000000-0000-4000-8000-%012d" name="c%d" isCodable="true">`, i, i)
	}
	nested.WriteString(strings.Repeat(`</Code>`, depth) + `</Codes></CodeBook></Project>`)

	cases := []struct {
		name, reason string
		file         func(t *testing.T) string
	}{
		{"malformed XML", "malformed XML", func(t *testing.T) string {
			return writeZip(t, "broken.qdpx", [2]string{"project.qde", qdeHead + `<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources><TextSource guid="x">`})
		}},
		{"entity bomb", "DTD", func(t *testing.T) string {
			return writeZip(t, "laughs.qdpx", [2]string{"project.qde", billion})
		}},
		{"external entity", "DTD", func(t *testing.T) string {
			return writeZip(t, "xxe.qdpx", [2]string{"project.qde", xxe})
		}},
		{"external entity in a codebook", "DTD", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "xxe.qdc")
			os.WriteFile(p, []byte(qdeHead+`<!DOCTYPE CodeBook SYSTEM "http://127.0.0.1:9/evil.dtd"><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>`), 0o644)
			return p
		}},
		{"zip bomb", "zip bomb", func(t *testing.T) string {
			return writeZip(t, "bomb.qdpx", [2]string{"project.qde", goodQDE("internal://0f3c2a91-7b44-4f0e-9d2a-1c5e8b7a6d01.txt")},
				[2]string{"sources/0f3c2a91-7b44-4f0e-9d2a-1c5e8b7a6d01.txt", strings.Repeat("a", 50<<20)})
		}},
		{"entry larger than its header says", "corrupt archive entry", func(t *testing.T) string {
			return lyingZip(t)
		}},
		{"entry path leaving the folder", "points outside the archive", func(t *testing.T) string {
			return writeZip(t, "slip.qdpx", [2]string{"project.qde", goodQDE("internal://0f3c2a91-7b44-4f0e-9d2a-1c5e8b7a6d01.txt")},
				[2]string{"sources/0f3c2a91-7b44-4f0e-9d2a-1c5e8b7a6d01.txt", goodText}, [2]string{"../../evil.txt", "x"})
		}},
		{"plainTextPath climbing out", `plainTextPath "internal://../../etc/passwd" points outside the archive`, func(t *testing.T) string {
			return writeZip(t, "climb.qdpx", [2]string{"project.qde", goodQDE("internal://../../etc/passwd")})
		}},
		{"plainTextPath absolute", `plainTextPath "absolute:///etc/passwd" points outside the archive`, func(t *testing.T) string {
			return writeZip(t, "abs.qdpx", [2]string{"project.qde", goodQDE("absolute:///etc/passwd")})
		}},
		{"plainTextPath relative", `points outside the archive`, func(t *testing.T) string {
			return writeZip(t, "rel.qdpx", [2]string{"project.qde", goodQDE("relative:///notes.txt")})
		}},
		{"source of 200 MB", "is 200 MiB (limit 100 MiB)", func(t *testing.T) string {
			return bigSourceZip(t, 200<<20)
		}},
		{"100,000 nested codes", "nested more than", func(t *testing.T) string {
			return writeZip(t, "deep.qdpx", [2]string{"project.qde", nested.String()})
		}},
		{"no project.qde", "no project.qde", func(t *testing.T) string {
			return writeZip(t, "empty.qdpx", [2]string{"sources/a.txt", goodText})
		}},
		{"not a zip", "not a readable zip archive", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "fake.qdpx")
			os.WriteFile(p, []byte("this is not an archive"), 0o644)
			return p
		}},
		{"wrong namespace", "namespace", func(t *testing.T) string {
			return writeZip(t, "ns.qdpx", [2]string{"project.qde", qdeHead + `<Project name="p"/>`})
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := openStore(t)
			path := c.file(t)
			_, err := exchange.Import(context.Background(), st, path)
			if err == nil {
				t.Fatal("imported; want refused")
			}
			msg := err.Error()
			if !errors.Is(err, exchange.ErrRefused) || !strings.Contains(msg, path) || !strings.Contains(msg, c.reason) || strings.Contains(msg, "\n") {
				t.Errorf("error %q: want one line naming %s and saying %q", msg, path, c.reason)
			}
			if n, _ := st.Counts(context.Background()); n != (store.Counts{}) {
				t.Errorf("project changed: %+v", n)
			}
		})
	}
}

// TestGoodTwinOfHostile imports the valid file the hostile variants are
// built from, so that their refusal is for the reason given.
func TestGoodTwinOfHostile(t *testing.T) {
	st := openStore(t)
	path := writeZip(t, "good.qdpx", [2]string{"project.qde", goodQDE("internal://0f3c2a91-7b44-4f0e-9d2a-1c5e8b7a6d01.txt")},
		[2]string{"sources/0f3c2a91-7b44-4f0e-9d2a-1c5e8b7a6d01.txt", goodText})
	if res := importFile(t, st, path); len(res.NewArticles) != 1 {
		t.Fatalf("imported %d articles, want 1", len(res.NewArticles))
	}
}

// lyingZip writes an archive whose source entry inflates to 2 MB while its
// header declares 100 bytes.
func lyingZip(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lying.qdpx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	w, _ := zw.Create("project.qde")
	w.Write([]byte(goodQDE("internal://0f3c2a91-7b44-4f0e-9d2a-1c5e8b7a6d01.txt")))
	plain := bytes.Repeat([]byte("abcdefgh"), 1<<18)
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	fw.Write(plain)
	fw.Close()
	raw, err := zw.CreateRaw(&zip.FileHeader{Name: "sources/0f3c2a91-7b44-4f0e-9d2a-1c5e8b7a6d01.txt", Method: zip.Deflate,
		CRC32: crc32.ChecksumIEEE(plain), CompressedSize64: uint64(comp.Len()), UncompressedSize64: 100})
	if err != nil {
		t.Fatal(err)
	}
	raw.Write(comp.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// bigSourceZip writes an archive whose one source is n bytes of ordinary,
// incompressible-looking text, stored without compression.
func bigSourceZip(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "big.qdpx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	zw := zip.NewWriter(bw)
	w, _ := zw.Create("project.qde")
	w.Write([]byte(goodQDE("internal://0f3c2a91-7b44-4f0e-9d2a-1c5e8b7a6d01.txt")))
	src, err := zw.CreateHeader(&zip.FileHeader{Name: "sources/0f3c2a91-7b44-4f0e-9d2a-1c5e8b7a6d01.txt", Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("Delegations from both sides met again on Friday and agreed to keep talking. "), 1<<14)
	for written := 0; written < n; written += len(chunk) {
		src.Write(chunk[:min(len(chunk), n-written)])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	return path
}

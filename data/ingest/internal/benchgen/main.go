// Command benchgen is the Go half of scripts/bench-import.sh and
// scripts/bench-corpus.sh: it writes a generated JSON Lines file of
// news-length articles, or the development corpus of real wire stories as
// one JSON Lines file (dateline and body as the text), the SQL that makes
// the sqlite3 shell load such a file into an FTS5-indexed table, or imports
// the file through ingest.Import and reports the seconds taken.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/attache-app/attache/data/store/sqlite"

	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/ingest/internal/gen"
	"github.com/attache-app/attache/data/internal/devcorpus"
)

func main() {
	n := flag.Int("n", 20000, "number of articles (jsonl)")
	size := flag.Int("size", 800, "approximate bytes of body per article (jsonl)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the command to this file")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: benchgen [-n N] [-size BYTES] jsonl FILE | corpus FILE | sql JSONL | import DB JSONL")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchgen:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	var err error
	switch {
	case flag.NArg() == 2 && flag.Arg(0) == "jsonl":
		err = gen.WriteJSONL(flag.Arg(1), *n, *size)
	case flag.NArg() == 2 && flag.Arg(0) == "corpus":
		err = writeCorpus(flag.Arg(1))
	case flag.NArg() == 2 && flag.Arg(0) == "sql":
		fmt.Print(shellSQL(flag.Arg(1)))
	case flag.NArg() == 3 && flag.Arg(0) == "import":
		err = importFile(flag.Arg(1), flag.Arg(2))
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "benchgen:", err)
		os.Exit(1)
	}
}

// shellSQL loads the JSON Lines file into a table with an FTS5 index like
// the store's, in one transaction, with the sqlite3 shell's readfile().
func shellSQL(jsonl string) string {
	q := "'" + strings.ReplaceAll(jsonl, "'", "''") + "'"
	return `CREATE TABLE articles (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, publication TEXT NOT NULL,
	published TEXT NOT NULL, url TEXT NOT NULL, body TEXT NOT NULL);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
BEGIN;
INSERT INTO articles(title, publication, published, url, body)
SELECT coalesce(json_extract(value, '$.title'), ''), coalesce(json_extract(value, '$.source'), ''),
	coalesce(json_extract(value, '$.published'), ''), coalesce(json_extract(value, '$.url'), ''), json_extract(value, '$.body')
FROM json_each('[' || replace(trim(readfile(` + q + `), char(10)), char(10), ',') || ']');
COMMIT;
SELECT count(*) FROM articles;
`
}

func importFile(db, jsonl string) error {
	start := time.Now()
	st, err := sqlite.Open(db)
	if err != nil {
		return err
	}
	res, err := ingest.Import(context.Background(), st, []string{jsonl}, ingest.Options{}, nil)
	if err != nil {
		st.Close()
		return err
	}
	if err := st.Close(); err != nil {
		return err
	}
	elapsed := time.Since(start)
	for _, r := range res {
		if r.Err != nil {
			return r.Err
		}
		fmt.Fprintf(os.Stderr, "imported %d articles (%d duplicates)\n", r.Imported, r.Duplicates)
	}
	fmt.Printf("%.3f\n", elapsed.Seconds())
	return nil
}

// writeCorpus writes every story of the development corpus to path.
func writeCorpus(path string) error {
	stories, err := devcorpus.LoadDefault(0)
	if err != nil {
		return err
	}
	if err := devcorpus.WriteJSONL(path, stories); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%d stories from the development corpus\n", len(stories))
	return nil
}

// Command benchload is the Go half of scripts/bench-store.sh: it writes the
// generated articles as an SQL script for the sqlite3 shell, or imports the
// same articles through the store and reports the time taken.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/attache-app/attache/data/store/sqlite"

	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/internal/gen"
)

func main() {
	n := flag.Int("n", 20000, "number of articles")
	words := flag.Int("words", 800, "words per article")
	seed := flag.Uint64("seed", 1, "generator seed")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the import to this file")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: benchload [-n N] [-words W] [-seed S] sql FILE | import DB")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 2 {
		flag.Usage()
		os.Exit(2)
	}
	arts := gen.Articles(*n, *words, *seed)
	var err error
	switch flag.Arg(0) {
	case "sql":
		err = writeSQL(flag.Arg(1), arts)
	case "import":
		if *cpuprofile != "" {
			var f *os.File
			if f, err = os.Create(*cpuprofile); err == nil {
				err = pprof.StartCPUProfile(f)
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, "benchload:", err)
				os.Exit(1)
			}
		}
		err = importStore(flag.Arg(1), arts)
		pprof.StopCPUProfile()
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchload:", err)
		os.Exit(1)
	}
}

// schema is a plain baseline for the store's articles table and its FTS5
// index: the same tokenizer, an external-content index kept in step by a
// trigger (the store's own index is contentless, see migrateLeanIndexes).
const schema = `CREATE TABLE articles (
	id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, publication TEXT NOT NULL,
	published TEXT NOT NULL, body TEXT NOT NULL);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
`

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func writeSQL(path string, arts []gen.Article) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString(schema)
	w.WriteString("BEGIN;\n")
	for _, a := range arts {
		fmt.Fprintf(w, "INSERT INTO articles(title, publication, published, body) VALUES (%s, %s, %s, %s);\n",
			quote(a.Title), quote(a.Publication), quote(a.Published), quote(a.Body))
	}
	w.WriteString("COMMIT;\n")
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func importStore(path string, arts []gen.Article) error {
	in := make([]store.Article, len(arts))
	for i, a := range arts {
		in[i] = store.Article{Title: a.Title, Publication: a.Publication, Published: a.Published, Body: a.Body,
			SourcePath: "generated.txt", SourcePos: i}
	}
	start := time.Now()
	s, err := sqlite.Open(path)
	if err != nil {
		return err
	}
	res, err := s.ImportArticles(context.Background(), in)
	if err != nil {
		s.Close()
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	elapsed := time.Since(start)
	fmt.Printf("%.3f\n", elapsed.Seconds())
	fmt.Fprintf(os.Stderr, "imported %d articles (%d duplicates)\n", len(res.IDs)-res.Duplicates, res.Duplicates)
	return nil
}

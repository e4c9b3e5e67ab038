package sqlite_test

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/attache-app/attache/data/store/sqlite"
	"github.com/attache-app/attache/data/store/storetest"
)

// bulkArticles is how many articles bulkChild imports.
const bulkArticles = 2000

// bulkChild opens a new project at path, says so, imports bulkArticles
// articles in one call and prints how many it imported.
func bulkChild(path string) {
	s, err := sqlite.Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Println("opened")
	res, err := s.ImportArticles(context.Background(), markedArticles(bulkArticles))
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Println("imported", len(res.IDs))
	s.Close()
}

// TestCrashDuringImportIntoEmptyProject kills a process importing into a new
// project (which writes straight into the file under a rollback journal) at
// random moments, and checks after each kill that the project opens, holds
// all the articles or none, can be searched and is back in WAL mode.
func TestCrashDuringImportIntoEmptyProject(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(3, seed))
	killed := 0
	for round := range 6 {
		path := fmt.Sprintf("%s/bulk%d.attache", t.TempDir(), round)
		cmd, sc := startChild(t, bulkChildEnv, path, "opened")
		time.Sleep(time.Duration(rng.IntN(1500)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		var last string
		for sc.Scan() {
			last = sc.Text()
		}
		cmd.Wait()
		if strings.HasPrefix(last, "error") {
			t.Fatalf("round %d: child failed: %s", round, last)
		}
		finished := strings.HasPrefix(last, "imported")
		if !finished {
			killed++
		}
		checkAfterBulkCrash(t, path, finished)
	}
	t.Logf("%d of 6 imports killed before they finished", killed)
}

// checkAfterBulkCrash opens the project at path after its import was
// killed and checks it holds every article or, unless the import reported
// it finished, none.
func checkAfterBulkCrash(t *testing.T, path string, finished bool) {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(path)
	if err != nil {
		t.Fatalf("reopen after the kill: %v", err)
	}
	defer s.Close()
	c, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Articles != bulkArticles && (finished || c.Articles != 0) {
		t.Fatalf("after the kill the project has %d articles, want %d or (unless finished) none", c.Articles, bulkArticles)
	}
	hits, err := s.Search(ctx, "Marker1999x", 5)
	if err != nil || len(hits) != min(c.Articles, 1) {
		t.Errorf("search for the last article = %d hits, %v (project has %d articles)", len(hits), err, c.Articles)
	}
	ftsIntegrity(t, path)
}

// journalChild writes to the project at path under a rollback journal with
// a cache so small that SQLite writes changed pages into the file before the
// commit, says so, and waits to be killed.
func journalChild(path string) {
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(DELETE)&_pragma=cache_size(5)")
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	tx, err := db.Begin()
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	// The schema changes too, as an import into an empty project changes
	// it (it drops indexes and builds them again), and the first page of
	// the file with it.
	for i := range 40 {
		if _, err := tx.Exec(fmt.Sprintf(`CREATE TABLE never_committed_%d (id INTEGER PRIMARY KEY, note TEXT)`, i)); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
	}
	for i := range 5000 {
		if _, err := tx.Exec(`INSERT INTO tags(name, colour) VALUES (?, '#123456')`, fmt.Sprintf("Tag never committed %d %s", i, strings.Repeat("x", 200))); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
	}
	fmt.Println("writing")
	time.Sleep(time.Hour)
}

// TestOpenAfterJournalledWriteCutShort kills a process in the middle of a
// transaction that has written into the file under a rollback journal (as
// an import into an empty project does) and checks that the project opens
// as it was before.
func TestOpenAfterJournalledWriteCutShort(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	arts := storetest.SeedArticles(t)
	_, err := s.ImportArticles(ctx, arts)
	must(t, err)
	must(t, s.Close())

	cmd, _ := startChild(t, journalChildEnv, path, "writing")
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if _, err := os.Stat(path + "-journal"); err != nil {
		t.Fatalf("the killed transaction left no journal: %v", err)
	}

	s, err = sqlite.Open(path)
	if err != nil {
		t.Fatalf("open after the kill: %v", err)
	}
	defer s.Close()
	if c, err := s.Counts(ctx); err != nil || c.Articles != len(arts) {
		t.Errorf("after the kill: %+v, %v; want %d articles", c, err, len(arts))
	}
	if tags, err := s.Tags(ctx); err != nil || len(tags) != 0 {
		t.Errorf("after the kill: %d tags, %v; want none", len(tags), err)
	}
	ftsIntegrity(t, path)
}

// startChild runs this test binary as a child that works on the project at
// path (env names which child), and returns once the child has printed
// ready, with a scanner over the rest of what it prints.
func startChild(t *testing.T, env, path, ready string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), env+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	if !sc.Scan() || sc.Text() != ready {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child said %q, want %q", sc.Text(), ready)
	}
	return cmd, sc
}

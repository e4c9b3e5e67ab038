package sqlite_test

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store/sqlite"

	"github.com/attache-app/attache/data/store"
)

const (
	crashChildEnv     = "ATTACHE_STORE_CRASH_CHILD"
	crashChildSeedEnv = "ATTACHE_STORE_CRASH_CHILD_SEED"
	bulkChildEnv      = "ATTACHE_STORE_BULK_CHILD"
	journalChildEnv   = "ATTACHE_STORE_JOURNAL_CHILD"
	// crashSeedEnv replays a crash test run: give it the seed the test logged.
	crashSeedEnv = "ATTACHE_CRASH_SEED"
)

func TestMain(m *testing.M) {
	if path := os.Getenv(crashChildEnv); path != "" {
		crashChild(path)
		os.Exit(0)
	}
	if path := os.Getenv(bulkChildEnv); path != "" {
		bulkChild(path)
		os.Exit(0)
	}
	if path := os.Getenv(journalChildEnv); path != "" {
		journalChild(path)
		os.Exit(0)
	}
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// crashChild writes to the project at path until it is killed, printing one
// line per write after the store reported it committed. Its choices follow
// the seed its parent gives it.
func crashChild(path string) {
	ctx := context.Background()
	seed, err := strconv.ParseUint(os.Getenv(crashChildSeedEnv), 10, 64)
	if err != nil {
		fmt.Println("error", crashChildSeedEnv, err)
		os.Exit(1)
	}
	s, err := sqlite.Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	rng := rand.New(rand.NewPCG(seed, 2))
	fail := func(err error) {
		fmt.Println("error", err)
		os.Exit(1)
	}
	var articles, tags, passages []int64
	note := 0
	for i := 0; ; i++ {
		batch := make([]store.Article, 1+rng.IntN(4))
		for j := range batch {
			batch[j] = store.Article{
				Title:      fmt.Sprintf("Report %d-%d-%d", os.Getpid(), i, j),
				Body:       fmt.Sprintf("Pid %d batch %d item %d: %s", os.Getpid(), i, j, strings.Repeat("Xi Jinping (習近平) called Donald Trump about Taiwan. ", 20+rng.IntN(40))),
				SourcePath: "crash.txt", SourcePos: j,
			}
		}
		res, err := s.ImportArticles(ctx, batch)
		if err != nil {
			fail(err)
		}
		for _, id := range res.IDs {
			fmt.Println("article", id)
			articles = append(articles, id)
		}
		if len(tags) == 0 || rng.IntN(5) == 0 {
			id, err := s.CreateTag(ctx, store.Tag{Name: fmt.Sprint("tag ", i), Colour: "#123456"})
			if err != nil {
				fail(err)
			}
			fmt.Println("tag", id)
			tags = append(tags, id)
		}
		art := articles[rng.IntN(len(articles))]
		id, err := s.CreatePassage(ctx, store.Passage{ArticleID: art, Start: 0, End: 5 + rng.IntN(20), TagIDs: []int64{tags[rng.IntN(len(tags))]}})
		if err != nil {
			fail(err)
		}
		fmt.Println("passage", id)
		passages = append(passages, id)
		note++
		p := passages[rng.IntN(len(passages))]
		if err := s.SetPassageNote(ctx, p, strconv.Itoa(note)); err != nil {
			fail(err)
		}
		fmt.Println("note", p, note)
		ent, err := s.CreateEntity(ctx, store.Entity{Name: fmt.Sprint("Entity ", i), Kind: model.KindPerson})
		if err != nil {
			fail(err)
		}
		ev, err := s.CreateEvent(ctx, store.Event{ArticleID: art, Start: 0, End: 10, Type: model.EventConsult, Actors: []int64{ent}, TagIDs: []int64{tags[0]}})
		if err != nil {
			fail(err)
		}
		fmt.Println("event", ev)
		if i%7 == 3 {
			fmt.Println("deleting-event", ev) // from here on either state is right
			if err := s.DeleteEvent(ctx, ev); err != nil {
				fail(err)
			}
			fmt.Println("deleted-event", ev)
		}
	}
}

// TestCrashSafety kills a writing child process at random moments, six times,
// and checks after each kill that the project opens, is intact and keeps
// every write the store reported committed. The random choices (what the
// child writes, when it is killed) come from one seed, logged at the start;
// ATTACHE_CRASH_SEED=N replays a failed run with the same choices (the
// moment of the kill still depends on the machine's speed):
//
//	ATTACHE_CRASH_SEED=N go test -race -run TestCrashSafety -v ./data/store
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes")
	}
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv(crashSeedEnv); v != "" {
		var err error
		if seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			t.Fatalf("%s=%q is not a seed: %v", crashSeedEnv, v, err)
		}
	}
	t.Logf("seed %d (replay with %s=%d)", seed, crashSeedEnv, seed)
	path := t.TempDir() + "/crash.attache"
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	committed := map[string]map[int64]bool{}
	notes := map[int64]int{}
	deleted := map[int64]bool{}
	rng := rand.New(rand.NewPCG(1, seed))
	for round := range 6 {
		cmd := exec.Command(exe, "-test.run=^$")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+path, fmt.Sprintf("%s=%d", crashChildSeedEnv, seed+uint64(round)))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 1024)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		// Wait for the first committed write, then kill at a random moment.
		first, ok := <-lines
		if !ok {
			t.Fatalf("round %d: child printed nothing (seed %d)", round, seed)
		}
		time.Sleep(time.Duration(50+rng.IntN(400)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, line := range append([]string{first}, drain(lines)...) {
			f := strings.Fields(line)
			if f[0] == "error" {
				t.Fatalf("round %d: child failed: %s (seed %d)", round, line, seed)
			}
			id, _ := strconv.ParseInt(f[1], 10, 64)
			switch f[0] {
			case "note":
				v, _ := strconv.Atoi(f[2])
				notes[id] = max(notes[id], v)
			case "deleting-event":
				if !deleted[id] {
					deleted[id] = false
				}
			case "deleted-event":
				deleted[id] = true
			default:
				if committed[f[0]] == nil {
					committed[f[0]] = map[int64]bool{}
				}
				committed[f[0]][id] = true
			}
			n++
		}
		cmd.Wait()
		t.Logf("round %d: %d committed writes reported before SIGKILL", round, n)
		checkAfterCrash(t, path, committed, notes, deleted)
	}
}

func drain(lines <-chan string) []string {
	var out []string
	for l := range lines {
		out = append(out, l)
	}
	return out
}

func checkAfterCrash(t *testing.T, path string, committed map[string]map[int64]bool, notes map[int64]int, deleted map[int64]bool) {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(path)
	if err != nil {
		t.Fatalf("reopen after crash: %v", err)
	}
	defer s.Close()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var integrity string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&integrity); err != nil || integrity != "ok" {
		t.Fatalf("integrity_check = %q, %v", integrity, err)
	}
	rows, err := db.Query(`PRAGMA foreign_key_check`)
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Error("dangling references after crash")
	}
	rows.Close()
	arts, err := s.Articles(ctx, store.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, sum := range arts {
		a, err := s.Article(ctx, sum.ID)
		if err != nil || store.BodyHash(a.Body) != a.Hash || len([]rune(a.Body)) != sum.Runes {
			t.Fatalf("article %d damaged: %v", sum.ID, err)
		}
	}
	for id := range committed["article"] {
		if _, err := s.Article(ctx, id); err != nil {
			t.Errorf("committed article lost: %v", err)
		}
	}
	tags, _ := s.Tags(ctx)
	haveTag := map[int64]bool{}
	for _, tg := range tags {
		haveTag[tg.ID] = true
	}
	for id := range committed["tag"] {
		if !haveTag[id] {
			t.Errorf("committed tag %d lost", id)
		}
	}
	for id := range committed["passage"] {
		if _, err := s.Passage(ctx, id); err != nil {
			t.Errorf("committed passage lost: %v", err)
		}
	}
	for id, v := range notes {
		p, err := s.Passage(ctx, id)
		if got, _ := strconv.Atoi(p.Note); err != nil || got < v {
			t.Errorf("passage %d note = %q, want at least %d (%v)", id, p.Note, v, err)
		}
	}
	for id := range committed["event"] {
		_, err := s.Event(ctx, id)
		gone, pending := deleted[id]
		if (!pending || gone) && gone != (err != nil) {
			t.Errorf("event %d: deleted=%v, Event error %v", id, deleted[id], err)
		}
	}
	if hits, err := s.Search(ctx, "近平 Taiwan", 5); err != nil || (len(committed["article"]) > 0 && len(hits) == 0) {
		t.Errorf("search after crash = %d hits, %v", len(hits), err)
	}
}

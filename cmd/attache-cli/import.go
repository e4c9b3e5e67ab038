package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/attache-app/attache/data/extract"
	"github.com/attache-app/attache/data/ingest"
	"github.com/attache-app/attache/data/model"
)

func init() {
	register(command{
		name:    "import",
		usage:   "import [--published YYYY-MM-DD] [--publication NAME] [--split auto|none] [--no-extract] PATH...",
		summary: "import articles from files and folders, REFI-QDA projects (.qdpx) and codebooks (.qdc), and into a shared project a project file (.attache)",
		run:     runImport,
	})
}

func runImport(e *env) int {
	fs := e.newFlags()
	published := fs.String("published", "", "publication date (YYYY-MM-DD) for articles whose content gives none")
	publication := fs.String("publication", "", "outlet for articles whose content names none")
	split := fs.String("split", ingest.SplitAuto, "auto: find the articles in a bundle; none: one article per file")
	noExtract := fs.Bool("no-extract", false, "do not extract entities and events from the new articles")
	if code, ok := e.parse(fs); !ok {
		return code
	}
	if fs.NArg() == 0 {
		e.misuse("no file or folder given")
		fs.Usage()
		return 2
	}
	if *split != ingest.SplitAuto && *split != ingest.SplitNone {
		return e.misuse("--split must be auto or none, not %q", *split)
	}
	if err := model.ValidDate(*published); err != nil {
		return e.misuse("--published: %v", err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	st, err := e.openProject(ctx)
	if err != nil {
		return e.fail(err)
	}
	defer st.Close()

	opts := ingest.Options{Split: *split, Published: *published, Publication: *publication}
	if !*noExtract {
		x, err := extract.New()
		if err != nil {
			return e.fail(err)
		}
		// The suggestions are extracted while the file is read and saved
		// with its articles, in the file's one transaction.
		opts.Extract = x.Suggest
	}
	bar := newProgressLine(e.stderr)
	results, err := ingest.Import(ctx, st, fs.Args(), opts, bar.update)
	bar.clear()
	code := 0
	for _, r := range results {
		fmt.Fprintf(e.stdout, "%s: %s\n", r.Path, outcome(r))
		for _, s := range r.Skipped {
			fmt.Fprintf(e.stderr, "%s: %s\n", r.Path, s)
		}
		if r.Err != nil {
			code = 1
		}
		for _, u := range r.Unsaved {
			fmt.Fprintf(e.stderr, "attache-cli: %s: %v\n", r.Path, u)
			code = 1
		}
		for _, c := range r.Cleared {
			fmt.Fprintf(e.stderr, "attache-cli: %s: %v\n", r.Path, c)
		}
	}
	if err != nil {
		return e.fail(fmt.Errorf("stopped: %w", err))
	}
	return code
}

// outcome is the one-line report on a file: "imported N", "duplicate" or
// "refused: reason" (the error's text when it is not a refusal). A REFI-QDA
// project or codebook also counts its tags and passages.
func outcome(r ingest.FileResult) string {
	switch {
	case r.Err != nil:
		return "refused: " + ingest.Reason(r.Err)
	case r.Exchange:
		s := fmt.Sprintf("imported %d articles, %d tags, %d passages", r.Imported, r.Tags, r.Passages)
		if r.Project {
			s += fmt.Sprintf(", %d entities, %d aliases, %d mentions, %d events", r.Entities, r.Aliases, r.Mentions, r.Events)
		}
		var already []string
		if r.Duplicates > 0 {
			already = append(already, plural(r.Duplicates, "article"))
		}
		if r.TagsKnown > 0 {
			already = append(already, plural(r.TagsKnown, "tag"))
		}
		if r.EntitiesKnown > 0 {
			already = append(already, strings.Replace(plural(r.EntitiesKnown, "entity"), "entitys", "entities", 1))
		}
		if len(already) > 0 {
			s += " (" + strings.Join(already, ", ") + " already in the project)"
		}
		return s
	case r.Imported == 0 && r.Duplicates > 0:
		return "duplicate"
	case r.Duplicates > 0:
		return fmt.Sprintf("imported %d (%d duplicate)", r.Imported, r.Duplicates)
	}
	return fmt.Sprintf("imported %d", r.Imported)
}

// progressLine draws a one-line progress report on a terminal, at most a few
// times a second; on anything else it stays silent.
type progressLine struct {
	w     io.Writer
	tty   bool
	start time.Time
	last  time.Time
	drawn bool
}

func newProgressLine(w io.Writer) *progressLine {
	f, ok := w.(*os.File)
	tty := false
	if ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			tty = true
		}
	}
	return &progressLine{w: w, tty: tty, start: time.Now()}
}

func (p *progressLine) update(pr ingest.Progress) {
	now := time.Now()
	// Only long imports get a progress line, and it is redrawn sparingly.
	if !p.tty || now.Sub(p.start) < time.Second || now.Sub(p.last) < 200*time.Millisecond {
		return
	}
	p.last = now
	pct := 0
	if pr.BytesTotal > 0 {
		pct = int(pr.BytesDone * 100 / pr.BytesTotal)
	}
	name := pr.Current
	if r := []rune(name); len(r) > 40 {
		name = "…" + string(r[len(r)-39:])
	}
	fmt.Fprintf(p.w, "\r\033[Kimporting: %d/%d files, %d%% %s", pr.FilesDone, pr.FilesTotal, pct, name)
	p.drawn = true
}

func (p *progressLine) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/attache-app/attache/data/exchange"
	"github.com/attache-app/attache/data/store"
)

// Progress reports how far an Import has come.
type Progress struct {
	FilesDone, FilesTotal int
	BytesDone, BytesTotal int64
	Current               string // the file being read
}

// FileResult is what happened to one file.
type FileResult struct {
	Path       string
	Imported   int     // articles added
	Duplicates int     // articles skipped because their body is already in the project
	IDs        []int64 // ids of the articles added, in file order
	Err        error   // why the file was refused or failed; nil when imported

	// Exchange marks a REFI-QDA project or codebook, which also brings tags
	// (TagsKnown were in the project already) and passages, and may leave
	// parts out (a media source, a selection outside its text): one line
	// each in Skipped, naming the part and why.
	Exchange                  bool
	Tags, TagsKnown, Passages int
	Skipped                   []string

	// Project marks an Attaché project file imported whole into a shared
	// project, which also brings entities (EntitiesKnown were there
	// already), aliases, mentions and events.
	Project                                            bool
	Entities, EntitiesKnown, Aliases, Mentions, Events int

	// Unsaved lists articles imported without their suggestions because
	// the store refused them (Options.Extract), each error naming the
	// article.
	Unsaved []error
	// Cleared lists articles imported with their date unknown because the
	// date they gave was not a date, each error naming the article.
	Cleared []error
}

// streamProgressStep is how much JSON Lines text is read between two
// progress reports while a file streams.
var streamProgressStep int64 = 4 << 20

// Import reads the files and folders in paths (folders recursively, hidden
// files skipped, in name order) and imports each file's articles into st in
// one transaction per file: a refused or failing file adds nothing and the
// import goes on with the next one. Articles whose body is already in the
// project are counted as duplicates, so importing a folder twice adds
// nothing. progress, when not nil, is called before and after each file and
// while a large file streams.
//
// JSON Lines files are streamed rather than read whole (memory does not grow
// with the file) and are exempt from opts.MaxFileSize (each line is limited
// instead); they too are imported in one transaction.
//
// Cancelling ctx stops between files (and between lines of a streamed file)
// and rolls back the file in progress; Import then returns the results so far
// with ctx's error. Other problems are reported per file in FileResult.Err.
func Import(ctx context.Context, st store.Store, paths []string, opts Options, progress func(Progress)) ([]FileResult, error) {
	files := expand(paths)
	var results []FileResult
	var p Progress
	p.FilesTotal = len(files)
	for _, f := range files {
		p.BytesTotal += f.size
	}
	report := func() {
		if progress != nil {
			progress(p)
		}
	}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return results, err
		}
		if f.err != nil {
			results = append(results, FileResult{Path: f.path, Err: f.err})
			p.FilesDone++
			continue
		}
		p.Current = f.path
		report()
		base := p.BytesDone
		r := importFile(ctx, st, f, opts, func(done int64) {
			p.BytesDone = base + done
			report()
		})
		if ctx.Err() != nil && errors.Is(r.Err, ctx.Err()) {
			return results, ctx.Err() // the file was rolled back
		}
		results = append(results, r)
		p.FilesDone++
		p.BytesDone = base + f.size
		p.Current = ""
		report()
	}
	return results, nil
}

// source is one file to import, or a path that cannot be read. The file is
// read from r when it is set (its size then unknown, -1), else from path.
type source struct {
	path string
	size int64
	r    io.Reader
	err  error
}

// ImportReader imports one file, read from r and named name, into st as
// Import does for a file on disk: name (a file name or path) stands for the
// file's path in format detection, in SourcePath and in the result, and the
// same limits apply. A JSON Lines file streams; a format that needs random
// access (a zip archive, a REFI-QDA project) is read whole, up to
// opts.MaxFileSize. A refused or failing file adds nothing and says why in
// FileResult.Err; cancelling ctx rolls the file back and returns ctx's
// error.
func ImportReader(ctx context.Context, st store.Store, name string, r io.Reader, opts Options) (FileResult, error) {
	res := importFile(ctx, st, source{path: name, size: -1, r: r}, opts, func(int64) {})
	if err := ctx.Err(); err != nil && errors.Is(res.Err, err) {
		return res, err
	}
	return res, nil
}

// expand lists the files under paths in order; paths that cannot be read
// carry their error.
func expand(paths []string) []source {
	var files []source
	for _, root := range paths {
		fi, err := os.Stat(root)
		if err != nil {
			files = append(files, source{path: root, err: refuse(root, "%s", statReason(err))})
			continue
		}
		if !fi.IsDir() {
			files = append(files, source{path: root, size: fi.Size()})
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				files = append(files, source{path: p, err: refuse(p, "%s", statReason(err))})
				if d != nil && d.IsDir() && p != root {
					return fs.SkipDir
				}
				return nil
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() && p != root && isSavedPageFolder(p) {
				return fs.SkipDir
			}
			if !d.Type().IsRegular() {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				files = append(files, source{path: p, err: refuse(p, "%s", statReason(err))})
				return nil
			}
			files = append(files, source{path: p, size: info.Size()})
			return nil
		})
		if err != nil {
			files = append(files, source{path: root, err: fmt.Errorf("ingest: %w", err)})
		}
	}
	return files
}

func statReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// importFile reads and imports one file.
func importFile(ctx context.Context, st store.Store, f source, opts Options, bytesDone func(int64)) FileResult {
	r := FileResult{Path: f.path}
	if f.r == nil && isExchange(f.path) {
		return importExchange(ctx, st, f.path, nil)
	}
	in := f.r
	if in == nil {
		file, err := os.Open(f.path)
		if err != nil {
			r.Err = refuse(f.path, "%s", statReason(err))
			return r
		}
		defer file.Close()
		in = file
	}
	br := bufio.NewReaderSize(in, bufferSize(f.size))
	head, _ := br.Peek(jsonlSniff)
	if f.r == nil && bytes.HasPrefix(head, sqliteHeader) {
		return importProjectFile(ctx, st, f.path)
	}
	if f.r != nil && (bytes.HasPrefix(head, []byte("PK\x03\x04")) || exchange.DetectBytes(f.path, nil) != exchange.NotExchange) {
		// A zip archive (perhaps a REFI-QDA project) needs random access.
		data, err := readContent(f.path, br, f.size, opts)
		if err != nil {
			r.Err = err
			return r
		}
		if exchange.DetectBytes(f.path, data) != exchange.NotExchange {
			return importExchange(ctx, st, f.path, data)
		}
		return importArticles(ctx, st, f.path, bytes.NewReader(data), -1, opts)
	}
	if isJSONLines(f.path, head) {
		return streamJSONL(ctx, st, f, br, opts, bytesDone)
	}
	return importArticles(ctx, st, f.path, br, f.size, opts)
}

// importArticles reads the articles of the file named path from in (size
// bytes, or -1 when unknown) and imports them in one transaction.
func importArticles(ctx context.Context, st store.Store, path string, in io.Reader, size int64, opts Options) FileResult {
	r := FileResult{Path: path}
	arts, err := read(ctx, path, in, size, opts)
	if err != nil {
		r.Err = err
		return r
	}
	if opts.Extract == nil {
		r.add(st.ImportArticles(ctx, arts))
		return r
	}
	xs := extractAll(ctx, arts, opts.Extract)
	if err := ctx.Err(); err != nil {
		r.Err = err
		return r
	}
	i := 0
	r.add(st.ImportFrom(ctx, func() (store.ImportItem, bool, error) {
		if i == len(arts) {
			return store.ImportItem{}, false, nil
		}
		i++
		return store.ImportItem{Article: arts[i-1], Extraction: &xs[i-1]}, true, nil
	}))
	return r
}

// add records the outcome of one ImportArticles call.
func (r *FileResult) add(res store.ImportResult, err error) {
	if err != nil {
		r.Err = err
		return
	}
	r.Duplicates += res.Duplicates
	r.Unsaved = append(r.Unsaved, res.Unsaved...)
	r.Cleared = append(r.Cleared, res.Cleared...)
	for _, id := range res.IDs {
		if id != 0 {
			r.IDs = append(r.IDs, id)
			r.Imported++
		}
	}
}

// jsonlSniff is how much of a file's head tells JSON Lines by content.
const jsonlSniff = 64 << 10

// bufferSize is the read buffer for a file of size bytes (-1: unknown).
func bufferSize(size int64) int {
	if size < 0 || size > 1<<20 {
		return 1 << 20
	}
	return max(int(size), jsonlSniff)
}

// isJSONLines reports a JSON Lines file by extension, or by its head (its
// first jsonlSniff bytes) when the extension does not say JSON.
func isJSONLines(path string, head []byte) bool {
	e := ext(path)
	if e == ".jsonl" || e == ".ndjson" {
		return true
	}
	if e == ".json" || e == ".csv" || e == ".html" || e == ".htm" {
		return false
	}
	return looksJSONL(strings.TrimSpace(string(bytes.TrimPrefix(head, bomUTF8))))
}

// streamJSONL imports a JSON Lines file, read from in, line by line in one
// transaction: a goroutine parses the file while the store inserts what has
// been parsed so far.
func streamJSONL(ctx context.Context, st store.Store, f source, in *bufio.Reader, opts Options, bytesDone func(int64)) FileResult {
	r := FileResult{Path: f.path}
	head, err := in.Peek(8192)
	if len(head) == 0 {
		if err == nil || errors.Is(err, io.EOF) {
			r.Err = refuse(f.path, "empty file")
		} else {
			r.Err = fmt.Errorf("ingest: reading %s: %w", f.path, err)
		}
		return r
	}
	if looksBinary(head) {
		r.Err = refuse(f.path, "binary data in a JSON Lines file")
		return r
	}
	cr := &countingReader{r: in}
	s := lineStream{
		ctx: ctx, st: st, opts: opts, bytesDone: bytesDone, read: cr,
		sc: &jsonlScanner{path: f.path, br: bufio.NewReaderSize(cr, streamBufSize(f.size))},
	}
	var res store.ImportResult
	if opts.Extract == nil {
		res, err = s.importParsing()
	} else {
		res, err = s.importExtracting()
	}
	switch {
	case errors.Is(err, errScan):
		r.Err = s.scanErr // the reader's own message, not the store's wrapping
	case err != nil:
		r.Err = err
	case s.pos == 0:
		r.Err = refuse(f.path, "no article text found (read as JSON Lines)")
	default:
		r.add(res, nil)
		bytesDone(cr.n)
	}
	return r
}

// lineStream is a JSON Lines file being imported.
type lineStream struct {
	ctx       context.Context
	st        store.Store
	opts      Options
	bytesDone func(int64)
	read      *countingReader
	sc        *jsonlScanner
	scanErr   error // why reading stopped, when it did
	pos       int   // articles read
	reported  int64 // bytes read at the last progress report
}

// article reads the next article and completes it; false at the end.
func (s *lineStream) article() (draft, bool, error) {
	d, ok, err := s.sc.next()
	if err != nil || !ok {
		return draft{}, false, err
	}
	complete(&d, s.sc.path, s.pos, s.opts)
	s.pos++
	return d, true, nil
}

// progress reports the bytes read once another streamProgressStep of them
// has been.
func (s *lineStream) progress(read int64) {
	if read-s.reported >= streamProgressStep {
		s.reported = read
		s.bytesDone(read)
	}
}

// importParsing imports the articles without extraction: the store's
// reading goroutine parses each line as it asks for the next article, so
// that one goroutine reads while the writer inserts, and no third one
// competes with them for the processor.
func (s *lineStream) importParsing() (store.ImportResult, error) {
	return s.st.ImportFrom(s.ctx, func() (store.ImportItem, bool, error) {
		d, ok, err := s.article()
		if err != nil {
			s.scanErr = err
			return store.ImportItem{}, false, errScan
		}
		s.progress(s.read.n)
		return store.ImportItem{Article: d}, ok, nil
	})
}

// importExtracting imports the articles with their extraction: a goroutine
// parses the file and hands each article to the extractors, and the store
// takes the articles in order as their extraction is ready.
func (s *lineStream) importExtracting() (store.ImportResult, error) {
	pctx, stop := context.WithCancel(s.ctx)
	defer stop()
	items := make(chan *streamItem, 256)
	ex := startExtractors(pctx, s.opts.Extract)
	go func() {
		defer close(items)
		defer ex.close()
		for {
			d, ok, err := s.article()
			if err != nil || !ok {
				s.scanErr = err // set before items is closed
				return
			}
			it := &streamItem{item: store.ImportItem{Article: d}, bytes: s.read.n}
			if err := ex.submit(pctx, it); err != nil {
				s.scanErr = err
				return
			}
			select {
			case items <- it:
			case <-pctx.Done():
				s.scanErr = pctx.Err()
				return
			}
		}
	}()
	res, err := s.st.ImportFrom(s.ctx, func() (store.ImportItem, bool, error) {
		it, ok := <-items
		if !ok {
			if s.scanErr != nil {
				return store.ImportItem{}, false, errScan
			}
			return store.ImportItem{}, false, nil
		}
		s.progress(it.bytes)
		return it.wait(), true, nil
	})
	stop()
	for range items { // let the reader finish
	}
	ex.wait()
	return res, err
}

// errScan stops an import because reading the file failed.
var errScan = errors.New("ingest: reading stopped")

// streamItem is an article read from a JSON Lines file, how many bytes of
// the file had been read then, and, when extracting, a channel closed once
// its extraction is ready.
type streamItem struct {
	item  store.ImportItem
	bytes int64
	done  chan struct{}
}

// wait returns the item once its extraction, if any, is ready.
func (it *streamItem) wait() store.ImportItem {
	if it.done != nil {
		<-it.done
	}
	return it.item
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// streamBufSize is the read buffer for a JSON Lines file of size bytes (0 when
// unknown, as for a reader): the whole file up to 1 MB.
func streamBufSize(size int64) int {
	if size <= 0 {
		return 1 << 20
	}
	return int(min(size, 1<<20))
}

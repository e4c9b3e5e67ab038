package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/attache-app/attache/data/internal/refusal"
	"github.com/attache-app/attache/data/internal/zipcheck"
)

// Limits on what a zip archive (or .docx) may unpack to.
const (
	maxUnzipped   = 256 << 20 // total uncompressed bytes read from one archive
	maxZipEntries = 10000
	maxZipRatio   = 200 // uncompressed/compressed, checked for entries over 1 MB
)

// openZip opens an archive after checking its directory: readable, entry
// names that stay inside it, declared sizes within the limits.
func openZip(p string, data []byte) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, refuse(p, "corrupt or truncated zip archive: %v", err)
	}
	if reason := zipcheck.Directory(zr, zipcheck.Limits{Entries: maxZipEntries, Total: maxUnzipped, Ratio: maxZipRatio}); reason != "" {
		return nil, refuse(p, "%s", reason)
	}
	return zr, nil
}

// readEntry reads one entry through a limit, whatever its header claims,
// charging what it read to *budget.
func readEntry(p string, f *zip.File, budget *int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, refuse(p, "corrupt zip entry %q: %v", f.Name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, *budget+1))
	if int64(len(data)) > *budget {
		return nil, refuse(p, "zip bomb: more than %s unpacked", humanBytes(maxUnzipped))
	}
	if err != nil {
		if errors.Is(err, zip.ErrFormat) {
			return nil, refuse(p, "zip bomb or corrupt archive: entry %q unpacks to more than the %d bytes it declares", f.Name, f.UncompressedSize64)
		}
		return nil, refuse(p, "corrupt or truncated zip entry %q: %v", f.Name, err)
	}
	if len(data) > 1<<20 && uint64(len(data))/max(f.CompressedSize64, 1) > maxZipRatio {
		return nil, refuse(p, "zip bomb: entry %q compressed more than %d:1", f.Name, maxZipRatio)
	}
	*budget -= int64(len(data))
	return data, nil
}

// readZip reads every file in an archive of articles, in name order,
// skipping folders and hidden files. Any refused entry refuses the archive.
func readZip(p string, data []byte, opts Options, depth int) ([]draft, error) {
	zr, err := openZip(p, data)
	if err != nil {
		return nil, err
	}
	files := make([]*zip.File, 0, len(zr.File))
	for _, f := range zr.File {
		base := path.Base(f.Name)
		if f.FileInfo().IsDir() || strings.HasPrefix(base, ".") || strings.HasPrefix(f.Name, "__MACOSX/") {
			continue
		}
		files = append(files, f)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	budget := int64(maxUnzipped)
	var out []draft
	for _, f := range files {
		b, err := readEntry(p, f, &budget)
		if err != nil {
			return nil, err
		}
		name := p + "!/" + f.Name
		arts, err := parse(name, b, opts, depth)
		if err != nil {
			var r *refusal.Error
			if errors.As(err, &r) {
				return nil, refuse(p, "entry %q: %s", f.Name, r.Reason)
			}
			return nil, err
		}
		for i := range arts {
			arts[i].SourcePath = name
		}
		out = append(out, arts...)
	}
	return out, nil
}

package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes a file at path through write: into a temporary file
// in the same folder, flushed to disk, then renamed over path. If anything
// fails (write returns an error, the disk is full, the folder is not
// writable) the temporary file is removed and path is left as it was — no
// half-written file under the target name — and the error names path and
// the reason.
func WriteFileAtomic(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("export: write %s: %w", path, reason(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err := write(bw); err != nil {
		return fmt.Errorf("export: write %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: write %s: %w", path, reason(err))
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("export: write %s: %w", path, reason(err))
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("export: write %s: %w", path, reason(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("export: write %s: %w", path, reason(err))
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("export: write %s: %w", path, reason(err))
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // make the rename durable; not all systems support it
		d.Close()
	}
	return nil
}

// reason strips the temporary file's name from a file system error, so the
// message names only the target path and what went wrong.
func reason(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

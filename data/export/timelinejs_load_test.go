package export_test

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/export"
	"github.com/attache-app/attache/data/internal/testdeps"
)

// TestTimelineJSLoadsInKnightLabTimelineJS loads our TimelineJS export with
// Knight Lab's TimelineJS 3 itself (scripts/check-timelinejs.sh: the npm
// package under jsdom). A deliberately broken file is checked alongside to
// show the check catches what TimelineJS rejects. Needs node and npm (and
// the npm registry, or $TIMELINEJS_CACHE holding the packages); without
// them it fails on CI and is skipped elsewhere. Skipped in -short mode.
func TestTimelineJSLoadsInKnightLabTimelineJS(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: installs TimelineJS with npm (~30 s)")
	}
	testdeps.LookPath(t, "node", "Debian package nodejs")
	testdeps.LookPath(t, "npm", "Debian package npm, or nodejs from NodeSource")
	dir := t.TempDir()
	good := filepath.Join(dir, "seed.timeline.json")
	if err := export.WriteFileAtomic(good, func(w io.Writer) error {
		group, _ := export.Lane("actor")
		return export.WriteTimelineJS(w, "Seed events <2025>", seedEvents(), group)
	}); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.timeline.json")
	if err := os.WriteFile(broken, []byte(`{"events":[{"text":{"headline":"no date","text":""}}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(filepath.Join("..", "..", "scripts", "check-timelinejs.sh"), good, broken)
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() == 3 {
		testdeps.Missing(t, "TimelineJS cannot be run: %s", strings.TrimSpace(string(out)))
	}
	t.Logf("%s", out)
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	var goodLine, brokenLine string
	for i, l := range lines {
		if strings.HasPrefix(l, good+": ") {
			goodLine = l
		}
		if strings.HasPrefix(l, broken+": ") {
			brokenLine = strings.Join(lines[i:], "\n")
		}
	}
	if !strings.Contains(goodLine, "ok: TimelineJS 3.") || !strings.Contains(goodLine, "loaded 3 events, 4 slides") ||
		!strings.Contains(goodLine, "Donald Trump, Xi Jinping — CONSULT") {
		t.Errorf("TimelineJS did not load our export:\n%s", out)
	}
	if !strings.Contains(brokenLine, "TimelineJS error") || err == nil {
		t.Errorf("the check did not catch a file TimelineJS rejects (exit %v):\n%s", err, out)
	}
}

package project_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/project"
)

func TestResolvePrefersFlagThenEnvThenDefault(t *testing.T) {
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	t.Setenv("HOME", cfg)

	t.Setenv(project.EnvVar, "/tmp/from-env.attache")
	if p, def, err := project.Resolve("/tmp/from-flag.attache"); err != nil || p != "/tmp/from-flag.attache" || def {
		t.Fatalf("flag: got %q default=%v err=%v", p, def, err)
	}
	if p, def, err := project.Resolve(""); err != nil || p != "/tmp/from-env.attache" || def {
		t.Fatalf("env: got %q default=%v err=%v", p, def, err)
	}
	t.Setenv(project.EnvVar, "")
	p, def, err := project.Resolve("")
	if err != nil || !def {
		t.Fatalf("default: got %q default=%v err=%v", p, def, err)
	}
	want := filepath.Join(cfg, "fyne", project.AppID, project.DefaultFileName)
	if p != want {
		t.Fatalf("default path = %q, want %q (Fyne's storage root for the app)", p, want)
	}
}

func TestServerLocationIsRedactedAndNeverAFolder(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	const loc = "postgres://alice:s3cret@127.0.0.1:1/desk?sslmode=disable"
	if !project.IsDatabaseURL(loc) || project.IsDatabaseURL(filepath.Join(dir, "postgres.attache")) {
		t.Fatal("IsShared tells server locations from files wrongly")
	}
	_, shown, err := project.Open(context.Background(), loc)
	if err == nil {
		t.Fatal("a server location opened as a project file")
	}
	if strings.Contains(err.Error(), "s3cret") || strings.Contains(shown, "s3cret") {
		t.Fatalf("password shown: %q, %v", shown, err)
	}
	if shown != "postgres://alice@127.0.0.1:1/desk?sslmode=disable" {
		t.Fatalf("location given back as %q", shown)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("a server location made %v in the working folder", entries)
	}
}

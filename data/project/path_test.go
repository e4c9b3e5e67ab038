package project_test

import (
	"path/filepath"
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

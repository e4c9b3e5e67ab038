// Package project locates and opens Attaché projects: the default project in the
// app's storage folder (shared by the desktop app and the command line), and the
// seeding of a new default project with the sample corpus.
package project

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// AppID is Attaché's reverse-DNS application ID, as in FyneApp.toml.
const AppID = "app.attache.workbench"

// DefaultFileName is the name of the default project file in the storage folder.
const DefaultFileName = "default.attache"

// EnvVar names the environment variable that selects a project file.
const EnvVar = "ATTACHE_DB"

// StorageDir returns the app's storage folder: the same folder Fyne gives the
// desktop app as its storage root, so that the command line (which does not link
// Fyne) finds the same default project.
func StorageDir() (string, error) {
	var root string
	switch runtime.GOOS {
	case "darwin":
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("project: storage folder: %w", err)
		}
		root = filepath.Join(home, "Library", "Preferences", "fyne")
	case "windows":
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("project: storage folder: %w", err)
		}
		root = filepath.Join(home, "AppData", "Roaming", "fyne")
	default:
		cfg, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("project: storage folder: %w", err)
		}
		root = filepath.Join(cfg, "fyne")
	}
	return filepath.Join(root, AppID), nil
}

// DefaultPath returns the path of the default project file.
func DefaultPath() (string, error) {
	dir, err := StorageDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, DefaultFileName), nil
}

// Resolve returns the project path to use: flagValue when set, else $ATTACHE_DB,
// else the default project. isDefault reports whether the default was chosen.
func Resolve(flagValue string) (path string, isDefault bool, err error) {
	if flagValue != "" {
		return flagValue, false, nil
	}
	if env := os.Getenv(EnvVar); env != "" {
		return env, false, nil
	}
	p, err := DefaultPath()
	return p, err == nil, err
}

package postgres_test

import (
	"os"
	"testing"

	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/postgres"
)

func storeTag(name string) store.Tag { return store.Tag{Name: name} }

func TestRedactDropsThePassword(t *testing.T) {
	cases := []struct{ in, want string }{
		{"postgres://alice:s3cret@db.example:5432/desk?sslmode=require", "postgres://alice@db.example:5432/desk?sslmode=require"},
		{"postgresql://alice@db.example/desk", "postgresql://alice@db.example/desk"},
		{"postgres://alice@db.example/desk?password=s3cret&sslmode=disable", "postgres://alice@db.example/desk?sslmode=disable"},
		{"/home/alice/notes.attache", "/home/alice/notes.attache"},
		{"postgres://alice:s3cret@[bad", "postgres://(unreadable URL)"},
	}
	for _, c := range cases {
		if got := postgres.Redact(c.in); got != c.want {
			t.Errorf("Redact(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestIsURL(t *testing.T) {
	for in, want := range map[string]bool{
		"postgres://a@h/d":   true,
		"POSTGRESQL://a@h/d": true,
		"postgres:":          false,
		"postgres.attache":   false,
		"./postgres://x":     false,
	} {
		if got := postgres.IsURL(in); got != want {
			t.Errorf("IsURL(%q) = %v", in, got)
		}
	}
}

func TestParseLocationNeedsUserAndDatabase(t *testing.T) {
	for _, in := range []string{"postgres://db.example:5432/desk", "postgres://alice:pw@db.example:5432/", "postgres://alice:pw@db.example:notaport/desk"} {
		if _, err := postgres.ParseLocation(in); err == nil {
			t.Errorf("ParseLocation(%q) accepted", in)
		} else if postgres.HasPassword(in) && containsPW(err.Error()) {
			t.Errorf("ParseLocation(%q) error shows the password: %v", in, err)
		}
	}
}

func containsPW(s string) bool {
	for i := 0; i+2 <= len(s); i++ {
		if s[i:i+2] == "pw" && (i+2 == len(s) || s[i+2] == '@') && i > 0 && s[i-1] == ':' {
			return true
		}
	}
	return false
}

func writeFile(path string, data []byte) error { return os.WriteFile(path, data, 0o644) }

package exchange_test

import (
	"testing"

	"github.com/attache-app/attache/data/exchange"
)

func TestProjectNameOfAFileAndOfAServerProject(t *testing.T) {
	for in, want := range map[string]string{
		"/home/ana/desk/china.attache": "china",
		"notes":                        "notes",
		"postgres://ana@db.example:5432/team_desk?sslmode=require": "team_desk",
		"postgresql://ana@db.example/desk":                         "desk",
	} {
		if got := exchange.ProjectName(in); got != want {
			t.Errorf("ProjectName(%q) = %q, want %q", in, got, want)
		}
	}
}

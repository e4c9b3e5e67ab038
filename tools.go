//go:build tools

// Package tools pins modules that the project's packages will depend on, so that
// parallel work on separate packages does not race on go.mod.
package tools

import (
	_ "fyne.io/fyne/v2/app"
	_ "github.com/jezek/xgb"
	_ "github.com/ledongthuc/pdf"
	_ "github.com/markusmobius/go-dateparser"
	_ "github.com/mmcdole/gofeed"
	_ "github.com/sahilm/fuzzy"
	_ "github.com/santhosh-tekuri/jsonschema/v6"
	_ "golang.org/x/net/html"
	_ "golang.org/x/text/encoding/charmap"
	_ "modernc.org/sqlite"
)

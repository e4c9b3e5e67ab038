package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/jezek/xgb/xproto"
)

func TestParseWindowID(t *testing.T) {
	tests := []struct {
		in   string
		want xproto.Window
		ok   bool
	}{
		{"2097184", 2097184, true},
		{"0x200020", 0x200020, true},
		{"0X200020", 0x200020, true},
		{"", 0, false},
		{"0", 0, false},
		{"0x", 0, false},
		{"Attaché", 0, false},
		{"99999999999", 0, false},
	}
	for _, tt := range tests {
		got, err := parseWindowID(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseWindowID(%q) = %#x, %v; want %#x, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

// fakeWindow is one window of a fixed tree.
type fakeWindow struct {
	parent   xproto.Window
	name     string
	viewable bool
	aware    uint32 // XdndAware version, 0 for none
}

// fakeTree is a window tree held in memory: root 1 with windows keyed by id,
// children in stacking order (ascending id).
type fakeTree map[xproto.Window]fakeWindow

func (f fakeTree) children(w xproto.Window) ([]xproto.Window, error) {
	var kids []xproto.Window
	for id, fw := range f {
		if fw.parent == w && id != w {
			kids = append(kids, id)
		}
	}
	slices.Sort(kids)
	return kids, nil
}
func (f fakeTree) parent(w xproto.Window) (xproto.Window, error) { return f[w].parent, nil }
func (f fakeTree) name(w xproto.Window) string                   { return f[w].name }
func (f fakeTree) viewable(w xproto.Window) bool                 { return f[w].viewable }
func (f fakeTree) awareVersion(w xproto.Window) (uint32, bool)   { return f[w].aware, f[w].aware != 0 }

// A desktop under a reparenting window manager: frame 10 holds the app's
// client 11 (aware); frame 20 holds 21, whose aware child is 22; window 30 is
// an unmapped window of the same name; 40 is a terminal that is not aware.
var desktop = fakeTree{
	1:  {parent: 0, viewable: true},
	10: {parent: 1, viewable: true},
	11: {parent: 10, name: "Attaché — default", viewable: true, aware: 5},
	12: {parent: 11, viewable: true},
	20: {parent: 1, name: "Other app frame", viewable: true},
	21: {parent: 20, viewable: true},
	22: {parent: 21, viewable: true, aware: 4},
	30: {parent: 1, name: "Attaché (hidden)", viewable: false, aware: 5},
	40: {parent: 1, name: "xterm", viewable: true},
}

func TestAwareWindow(t *testing.T) {
	tests := []struct {
		name    string
		from    xproto.Window
		want    xproto.Window
		version uint32
		errHas  string
	}{
		{"the window itself", 11, 11, 5, ""},
		{"a child of the aware window", 12, 11, 5, ""},
		{"a frame holding the aware window", 20, 22, 4, ""},
		{"no aware window anywhere", 40, 0, 0, "does not accept drops"},
		{"the root", 1, 0, 0, "root window"},
	}
	for _, tt := range tests {
		got, v, err := awareWindow(desktop, tt.from)
		if tt.errHas != "" {
			if err == nil || !strings.Contains(err.Error(), tt.errHas) {
				t.Errorf("%s: err = %v, want one containing %q", tt.name, err, tt.errHas)
			}
			continue
		}
		if err != nil || got != tt.want || v != tt.version {
			t.Errorf("%s: awareWindow(%d) = %d v%d, %v; want %d v%d", tt.name, tt.from, got, v, err, tt.want, tt.version)
		}
	}
}

func TestPickByName(t *testing.T) {
	tests := []struct {
		text   string
		want   xproto.Window
		errHas string
	}{
		{"Attaché", 11, ""}, // 30 is on top but not mapped
		{"Other app", 22, ""},
		{"xterm", 0, "none both mapped and accepting drops"},
		{"Firefox", 0, `no window named "Firefox"`},
	}
	for _, tt := range tests {
		got, _, err := pickByName(desktop, 1, tt.text)
		if tt.errHas != "" {
			if err == nil || !strings.Contains(err.Error(), tt.errHas) {
				t.Errorf("pickByName(%q) err = %v, want one containing %q", tt.text, err, tt.errHas)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("pickByName(%q) = %d, %v; want %d", tt.text, got, err, tt.want)
		}
	}
}

package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// dropTarget is the window that receives the XDND messages.
type dropTarget struct {
	window  xproto.Window // the XdndAware window; messages name it
	dest    xproto.Window // where messages are sent: window, or its XdndProxy
	version uint32        // the protocol version both sides speak
}

// parseWindowID reads a window id in decimal or, with a 0x prefix, in
// hexadecimal (as xdotool and xwininfo print them).
func parseWindowID(s string) (xproto.Window, error) {
	base := 10
	digits := s
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		base, digits = 16, s[2:]
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil || n == 0 {
		return 0, fmt.Errorf("xdnd: %q is not a window id", s)
	}
	return xproto.Window(n), nil
}

// windowTree is the part of the X server's window tree the target search
// needs; the X connection implements it, tests use a fixed tree.
type windowTree interface {
	children(w xproto.Window) ([]xproto.Window, error)
	parent(w xproto.Window) (xproto.Window, error) // 0 above the root
	name(w xproto.Window) string
	viewable(w xproto.Window) bool
	awareVersion(w xproto.Window) (uint32, bool)
}

// findByName lists the windows under root whose name contains text, in
// stacking order, bottom first.
func findByName(t windowTree, root xproto.Window, text string) ([]xproto.Window, error) {
	var found []xproto.Window
	var walk func(w xproto.Window) error
	walk = func(w xproto.Window) error {
		if w != root && strings.Contains(t.name(w), text) {
			found = append(found, w)
		}
		kids, err := t.children(w)
		if err != nil {
			return err
		}
		for _, k := range kids {
			if err := walk(k); err != nil {
				return err
			}
		}
		return nil
	}
	return found, walk(root)
}

// awareWindow finds the XdndAware window for w: w itself, else an ancestor
// (w is a client inside a frame, or a child of the toolkit's window), else a
// descendant (w is a window manager's frame). It returns the window and the
// version it announces.
func awareWindow(t windowTree, w xproto.Window) (xproto.Window, uint32, error) {
	for a := w; a != 0; {
		if v, ok := t.awareVersion(a); ok {
			return a, v, nil
		}
		p, err := t.parent(a)
		if err != nil {
			return 0, 0, err
		}
		a = p
	}
	if p, err := t.parent(w); err != nil || p == 0 {
		// Never search below the root: any window there would do.
		return 0, 0, fmt.Errorf("xdnd: window %#x is the root window and does not accept drops", w)
	}
	queue := []xproto.Window{w}
	for len(queue) > 0 {
		kids, err := t.children(queue[0])
		if err != nil {
			return 0, 0, err
		}
		queue = queue[1:]
		for _, k := range kids {
			if v, ok := t.awareVersion(k); ok {
				return k, v, nil
			}
			queue = append(queue, k)
		}
	}
	return 0, 0, fmt.Errorf("xdnd: window %#x does not accept drops (no XdndAware on it, its ancestors or its children)", w)
}

// pickByName chooses the drop window among the windows named text: the
// topmost one that is viewable and XdndAware.
func pickByName(t windowTree, root xproto.Window, text string) (xproto.Window, uint32, error) {
	named, err := findByName(t, root, text)
	if err != nil {
		return 0, 0, err
	}
	if len(named) == 0 {
		return 0, 0, fmt.Errorf("xdnd: no window named %q", text)
	}
	for i := len(named) - 1; i >= 0; i-- {
		if !t.viewable(named[i]) {
			continue
		}
		if w, v, err := awareWindow(t, named[i]); err == nil {
			return w, v, nil
		}
	}
	return 0, 0, fmt.Errorf("xdnd: %d window(s) named %q, none both mapped and accepting drops", len(named), text)
}

// xTree is windowTree over a live X connection.
type xTree struct {
	c *xgb.Conn
	a atoms
}

func (x xTree) children(w xproto.Window) ([]xproto.Window, error) {
	r, err := xproto.QueryTree(x.c, w).Reply()
	if err != nil {
		return nil, fmt.Errorf("xdnd: query the children of window %#x: %w", w, err)
	}
	return r.Children, nil
}

func (x xTree) parent(w xproto.Window) (xproto.Window, error) {
	r, err := xproto.QueryTree(x.c, w).Reply()
	if err != nil {
		return 0, fmt.Errorf("xdnd: query the parent of window %#x: %w", w, err)
	}
	if r.Root == w {
		return 0, nil
	}
	return r.Parent, nil
}

// name returns _NET_WM_NAME (UTF-8) or else WM_NAME, read as Latin-1 when it
// is of type STRING, as ICCCM specifies.
func (x xTree) name(w xproto.Window) string {
	if r, err := xproto.GetProperty(x.c, false, w, x.a.netWMName, x.a.utf8String, 0, 1024).Reply(); err == nil && r.ValueLen > 0 {
		return string(r.Value)
	}
	r, err := xproto.GetProperty(x.c, false, w, xproto.AtomWmName, xproto.GetPropertyTypeAny, 0, 1024).Reply()
	if err != nil || r.ValueLen == 0 {
		return ""
	}
	if r.Type != xproto.AtomString {
		return string(r.Value)
	}
	runes := make([]rune, len(r.Value))
	for i, b := range r.Value {
		runes[i] = rune(b)
	}
	return string(runes)
}

func (x xTree) viewable(w xproto.Window) bool {
	r, err := xproto.GetWindowAttributes(x.c, w).Reply()
	return err == nil && r.MapState == xproto.MapStateViewable
}

func (x xTree) awareVersion(w xproto.Window) (uint32, bool) {
	r, err := xproto.GetProperty(x.c, false, w, x.a.aware, xproto.GetPropertyTypeAny, 0, 1).Reply()
	if err != nil || r.Format != 32 || r.ValueLen == 0 {
		return 0, false
	}
	return xgb.Get32(r.Value), true
}

// proxyOf returns the window named by w's XdndProxy, when that proxy names
// itself as the spec requires, else w.
func (x xTree) proxyOf(w xproto.Window) xproto.Window {
	r, err := xproto.GetProperty(x.c, false, w, x.a.proxy, xproto.AtomWindow, 0, 1).Reply()
	if err != nil || r.Format != 32 || r.ValueLen == 0 {
		return w
	}
	p := xproto.Window(xgb.Get32(r.Value))
	r2, err := xproto.GetProperty(x.c, false, p, x.a.proxy, xproto.AtomWindow, 0, 1).Reply()
	if err != nil || r2.Format != 32 || r2.ValueLen == 0 || xproto.Window(xgb.Get32(r2.Value)) != p {
		return w
	}
	return p
}

// resolveTarget turns a window (given by id, or 0 with a name to search for)
// into the drop target, agreeing on the protocol version.
func resolveTarget(x xTree, root, id xproto.Window, name string) (dropTarget, error) {
	var w xproto.Window
	var v uint32
	var err error
	if id != 0 {
		w, v, err = awareWindow(x, id)
	} else {
		w, v, err = pickByName(x, root, name)
	}
	if err != nil {
		return dropTarget{}, err
	}
	if v < 3 {
		return dropTarget{}, fmt.Errorf("xdnd: window %#x speaks XDND version %d; this source needs 3 or later", w, v)
	}
	return dropTarget{window: w, dest: x.proxyOf(w), version: min(v, protocolVersion)}, nil
}

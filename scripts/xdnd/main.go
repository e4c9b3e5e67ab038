// Command xdnd drops files onto an X11 window the way a file manager does,
// through the XDND protocol (version 5), so end-to-end tests can check a real
// application's drag-and-drop under Xvfb without a mock.
//
// Usage:
//
//	go run ./scripts/xdnd (--window ID | --name TEXT) [--at X,Y] [--timeout 15s] [-v] PATH...
//
// The target is a window id (decimal or 0x hex, as xdotool prints) or the
// topmost mapped window whose _NET_WM_NAME or WM_NAME contains TEXT; the
// window that carries XdndAware is found among it, its ancestors and its
// children. The files are offered as text/uri-list (file:// URIs,
// percent-encoded) and dropped at the centre of that window, or at X,Y in
// its coordinates. xdnd exits 0 once the target reports the drop finished
// successfully, 1 on failure or timeout (with a one-line reason), 2 on bad
// usage. It connects to $DISPLAY.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// options are the parsed command line.
type options struct {
	window  xproto.Window
	name    string
	at      *[2]int16
	timeout time.Duration
	verbose bool
	paths   []string // absolute
}

var errUsage = errors.New("usage")

func parseArgs(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("xdnd", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: xdnd (--window ID | --name TEXT) [--at X,Y] [--timeout 15s] [-v] PATH...")
		fs.PrintDefaults()
	}
	id := fs.String("window", "", "target window id, decimal or 0x hex")
	fs.StringVar(&o.name, "name", "", "target the topmost mapped window whose name contains this text")
	at := fs.String("at", "", "drop point X,Y in the target window's coordinates (default: its centre)")
	fs.DurationVar(&o.timeout, "timeout", 15*time.Second, "give up after this long")
	fs.BoolVar(&o.verbose, "v", false, "log each protocol step to stderr")
	if err := fs.Parse(args); err != nil {
		return o, errUsage
	}
	if (*id == "") == (o.name == "") || fs.NArg() == 0 {
		fs.Usage()
		return o, errUsage
	}
	if *id != "" {
		w, err := parseWindowID(*id)
		if err != nil {
			return o, err
		}
		o.window = w
	}
	if *at != "" {
		var x, y int16
		if _, err := fmt.Sscanf(*at, "%d,%d", &x, &y); err != nil {
			return o, fmt.Errorf("xdnd: --at %q: want X,Y", *at)
		}
		o.at = &[2]int16{x, y}
	}
	for _, p := range fs.Args() {
		abs, err := filepath.Abs(p)
		if err != nil {
			return o, fmt.Errorf("xdnd: %s: %w", p, err)
		}
		if _, err := os.Stat(abs); err != nil {
			return o, fmt.Errorf("xdnd: %s: %w", p, errors.Unwrap(err))
		}
		o.paths = append(o.paths, abs)
	}
	return o, nil
}

func main() {
	o, err := parseArgs(os.Args[1:], os.Stderr)
	if errors.Is(err, errUsage) {
		os.Exit(2)
	}
	if err == nil {
		err = drop(o)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, strings.TrimSuffix(err.Error(), "\n"))
		os.Exit(1)
	}
}

// drop connects to the display and performs the whole drag.
func drop(o options) error {
	deadline := time.Now().Add(o.timeout)
	payload, err := uriList(o.paths)
	if err != nil {
		return err
	}
	if len(payload) > maxPayload {
		return fmt.Errorf("xdnd: %d bytes of URIs is more than one drop can carry here (%d)", len(payload), maxPayload)
	}
	if !o.verbose {
		xgb.Logger = log.New(io.Discard, "", 0) // quiet "no .Xauthority" chatter
	}
	c, err := xgb.NewConn()
	if err != nil {
		return fmt.Errorf("xdnd: connect to the X display %q: %w", os.Getenv("DISPLAY"), err)
	}
	defer c.Close()
	a, err := internAtoms(c)
	if err != nil {
		return err
	}
	root := xproto.Setup(c).DefaultScreen(c).Root
	tree := xTree{c: c, a: a}
	target, err := resolveTarget(tree, root, o.window, o.name)
	if err != nil {
		return err
	}
	x, y, err := dropPoint(c, root, target.window, o.at)
	if err != nil {
		return err
	}
	src, t, err := newSource(c, a, root)
	if err != nil {
		return err
	}
	s := &session{c: c, a: a, root: root, src: src, target: target, x: x, y: y, payload: payload}
	if o.verbose {
		s.log = os.Stderr
	}
	if err := s.run(t, deadline); err != nil {
		return err
	}
	fmt.Printf("xdnd: dropped %d file(s) on window %#x\n", len(o.paths), target.window)
	return nil
}

// dropPoint returns the root coordinates of at (or of the centre) in w.
func dropPoint(c *xgb.Conn, root, w xproto.Window, at *[2]int16) (int16, int16, error) {
	var x, y int16
	if at != nil {
		x, y = at[0], at[1]
	} else {
		g, err := xproto.GetGeometry(c, xproto.Drawable(w)).Reply()
		if err != nil {
			return 0, 0, fmt.Errorf("xdnd: geometry of window %#x: %w", w, err)
		}
		x, y = int16(g.Width/2), int16(g.Height/2)
	}
	r, err := xproto.TranslateCoordinates(c, w, root, x, y).Reply()
	if err != nil {
		return 0, 0, fmt.Errorf("xdnd: position of window %#x: %w", w, err)
	}
	return r.DstX, r.DstY, nil
}

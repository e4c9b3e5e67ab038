package main

import (
	"fmt"
	"io"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// session is one drag from a hidden source window to a drop target.
type session struct {
	c       *xgb.Conn
	a       atoms
	root    xproto.Window
	src     xproto.Window
	target  dropTarget
	x, y    int16 // the drop point, root coordinates
	payload []byte
	log     io.Writer
	events  chan xgb.Event
	errs    chan error
}

// newSource creates the unmapped window that owns XdndSelection and receives
// the target's replies, and returns a server timestamp to stamp the drag with
// (obtained, as ICCCM suggests, from a property change on that window).
func newSource(c *xgb.Conn, a atoms, root xproto.Window) (xproto.Window, xproto.Timestamp, error) {
	src, err := xproto.NewWindowId(c)
	if err != nil {
		return 0, 0, fmt.Errorf("xdnd: allocate a window id: %w", err)
	}
	err = xproto.CreateWindowChecked(c, 0, src, root, -10, -10, 1, 1, 0,
		xproto.WindowClassInputOnly, 0,
		xproto.CwOverrideRedirect|xproto.CwEventMask,
		[]uint32{1, xproto.EventMaskPropertyChange}).Check()
	if err != nil {
		return 0, 0, fmt.Errorf("xdnd: create the source window: %w", err)
	}
	types := a.offeredTypes()
	err = xproto.ChangePropertyChecked(c, xproto.PropModeReplace, src, a.typeList,
		xproto.AtomAtom, 32, uint32(len(types)), atomBytes(types)).Check()
	if err != nil {
		return 0, 0, fmt.Errorf("xdnd: set XdndTypeList: %w", err)
	}
	for {
		ev, xerr := c.WaitForEvent()
		if ev == nil && xerr == nil {
			return 0, 0, fmt.Errorf("xdnd: the X connection closed")
		}
		if p, ok := ev.(xproto.PropertyNotifyEvent); ok && p.Window == src {
			return src, p.Time, nil
		}
	}
}

// pump forwards X events and errors to the session's channels until the
// connection closes.
func (s *session) pump() {
	for {
		ev, err := s.c.WaitForEvent()
		if ev == nil && err == nil {
			close(s.events)
			return
		}
		if err != nil {
			s.errs <- err
			continue
		}
		s.events <- ev
	}
}

func (s *session) logf(format string, args ...any) {
	if s.log != nil {
		fmt.Fprintf(s.log, "xdnd: "+format+"\n", args...)
	}
}

func (s *session) send(typ xproto.Atom, d [5]uint32) error {
	return sendClientMessage(s.c, s.target.dest, s.target.window, typ, d)
}

// run performs the drag: XdndEnter, XdndPosition until the target accepts,
// XdndDrop, then serves the selection until XdndFinished. It gives up, with
// an error naming the stage it was in, when deadline passes.
func (s *session) run(t xproto.Timestamp, deadline time.Time) error {
	s.events = make(chan xgb.Event, 16)
	s.errs = make(chan error, 16)
	go s.pump()

	err := xproto.SetSelectionOwnerChecked(s.c, s.src, s.a.selection, t).Check()
	if err != nil {
		return fmt.Errorf("xdnd: take XdndSelection: %w", err)
	}
	if r, err := xproto.GetSelectionOwner(s.c, s.a.selection).Reply(); err != nil || r.Owner != s.src {
		return fmt.Errorf("xdnd: could not become the owner of XdndSelection")
	}
	if err := s.send(s.a.enter, enterData(s.src, s.target.version, s.a.offeredTypes())); err != nil {
		return err
	}
	s.logf("XdndEnter sent to %#x (version %d)", s.target.window, s.target.version)

	stage := "waiting for XdndStatus"
	dropped, served := false, false
	timeout := time.NewTimer(time.Until(deadline))
	defer timeout.Stop()
	// Re-send XdndPosition now and then, as a moving pointer would, until the
	// target accepts: a toolkit may answer "no" while it is still busy.
	repos := time.NewTicker(250 * time.Millisecond)
	defer repos.Stop()
	position := func() error {
		return s.send(s.a.position, positionData(s.src, s.x, s.y, t, s.a.actionCopy))
	}
	if err := position(); err != nil {
		return err
	}
	s.logf("XdndPosition sent at root (%d, %d)", s.x, s.y)
	for {
		select {
		case <-timeout.C:
			if !dropped {
				_ = s.send(s.a.leave, leaveData(s.src))
			}
			return fmt.Errorf("xdnd: timed out %s from window %#x", stage, s.target.window)
		case err := <-s.errs:
			return fmt.Errorf("xdnd: X error %s: %v", stage, err)
		case <-repos.C:
			if !dropped {
				if err := position(); err != nil {
					return err
				}
			}
		case ev, ok := <-s.events:
			if !ok {
				return fmt.Errorf("xdnd: the X connection closed %s", stage)
			}
			switch ev := ev.(type) {
			case xproto.ClientMessageEvent:
				switch ev.Type {
				case s.a.status:
					st := parseStatus(ev.Data.Data32)
					s.logf("XdndStatus: accept=%v action=%d", st.accept, st.action)
					if !dropped && !st.accept {
						stage = "waiting for the target to accept (it answered XdndStatus without accepting text/uri-list)"
					}
					if dropped || !st.accept {
						continue
					}
					if err := s.send(s.a.drop, dropData(s.src, t)); err != nil {
						return err
					}
					dropped = true
					stage = "waiting for the target to ask for the data"
					s.logf("XdndDrop sent")
				case s.a.finished:
					f := parseFinished(ev.Data.Data32, s.target.version)
					if !f.success {
						return fmt.Errorf("xdnd: window %#x reports the drop failed", s.target.window)
					}
					if !served {
						return fmt.Errorf("xdnd: window %#x finished the drop without asking for the files", s.target.window)
					}
					s.logf("XdndFinished: success")
					return nil
				}
			case xproto.SelectionRequestEvent:
				if ev.Selection != s.a.selection {
					continue
				}
				ok, err := serveSelection(s.c, s.a, ev, s.payload)
				if err != nil {
					return err
				}
				s.logf("SelectionRequest from %#x for atom %d: served=%v", ev.Requestor, ev.Target, ok)
				if ok {
					served = true
					stage = "waiting for XdndFinished"
				}
			case xproto.SelectionClearEvent:
				return fmt.Errorf("xdnd: another client took XdndSelection %s", stage)
			}
		}
	}
}

package main

import (
	"fmt"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// maxPayload keeps the uri-list within one ChangeProperty request of the
// core protocol (262,140 bytes) without the BIG-REQUESTS extension.
const maxPayload = 200_000

// serveSelection answers a SelectionRequest for XdndSelection as a file
// manager does: text/uri-list or text/plain gets the uri-list written to the
// requestor's property, TARGETS gets the list of offered types, anything else
// is refused. It reports whether the data itself was handed over.
func serveSelection(c *xgb.Conn, a atoms, ev xproto.SelectionRequestEvent, payload []byte) (bool, error) {
	prop := ev.Property
	if prop == xproto.AtomNone {
		prop = ev.Target // an obsolete requestor: use the target as property
	}
	served := false
	var err error
	switch ev.Target {
	case a.uriList, a.textPlain:
		err = xproto.ChangePropertyChecked(c, xproto.PropModeReplace, ev.Requestor, prop,
			ev.Target, 8, uint32(len(payload)), payload).Check()
		served = err == nil
	case a.targets:
		list := append([]xproto.Atom{a.targets}, a.offeredTypes()...)
		err = xproto.ChangePropertyChecked(c, xproto.PropModeReplace, ev.Requestor, prop,
			xproto.AtomAtom, 32, uint32(len(list)), atomBytes(list)).Check()
	default:
		prop = xproto.AtomNone
	}
	if err != nil {
		return false, fmt.Errorf("xdnd: write the selection to window %#x: %w", ev.Requestor, err)
	}
	notify := xproto.SelectionNotifyEvent{
		Time:      ev.Time,
		Requestor: ev.Requestor,
		Selection: ev.Selection,
		Target:    ev.Target,
		Property:  prop,
	}
	if err := xproto.SendEventChecked(c, false, ev.Requestor, 0, string(notify.Bytes())).Check(); err != nil {
		return false, fmt.Errorf("xdnd: notify window %#x of the selection: %w", ev.Requestor, err)
	}
	return served, nil
}

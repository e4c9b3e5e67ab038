package main

import (
	"fmt"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// protocolVersion is the XDND version this source speaks (freedesktop.org's
// XDND specification, version 5).
const protocolVersion = 5

// atoms holds the interned atoms of the XDND protocol and of the selection
// targets the source offers.
type atoms struct {
	aware, proxy, enter, position, status, leave, drop, finished xproto.Atom
	selection, typeList, actionCopy, uriList, textPlain, targets xproto.Atom
	utf8String, netWMName                                        xproto.Atom
}

// internAtoms interns every atom the source needs in one round trip.
func internAtoms(c *xgb.Conn) (atoms, error) {
	var a atoms
	fields := []struct {
		dst  *xproto.Atom
		name string
	}{
		{&a.aware, "XdndAware"}, {&a.proxy, "XdndProxy"}, {&a.enter, "XdndEnter"},
		{&a.position, "XdndPosition"}, {&a.status, "XdndStatus"}, {&a.leave, "XdndLeave"},
		{&a.drop, "XdndDrop"}, {&a.finished, "XdndFinished"}, {&a.selection, "XdndSelection"},
		{&a.typeList, "XdndTypeList"}, {&a.actionCopy, "XdndActionCopy"},
		{&a.uriList, "text/uri-list"}, {&a.textPlain, "text/plain;charset=utf-8"},
		{&a.targets, "TARGETS"}, {&a.utf8String, "UTF8_STRING"}, {&a.netWMName, "_NET_WM_NAME"},
	}
	cookies := make([]xproto.InternAtomCookie, len(fields))
	for i, f := range fields {
		cookies[i] = xproto.InternAtom(c, false, uint16(len(f.name)), f.name)
	}
	for i, f := range fields {
		r, err := cookies[i].Reply()
		if err != nil {
			return a, fmt.Errorf("xdnd: intern atom %s: %w", f.name, err)
		}
		*f.dst = r.Atom
	}
	return a, nil
}

// offeredTypes is the type list announced in XdndEnter, best first.
func (a atoms) offeredTypes() []xproto.Atom {
	return []xproto.Atom{a.uriList, a.textPlain}
}

// atomBytes packs atoms as the data of a format-32 property, in the byte
// order xgb speaks to the server (little-endian).
func atomBytes(list []xproto.Atom) []byte {
	buf := make([]byte, 4*len(list))
	for i, at := range list {
		xgb.Put32(buf[4*i:], uint32(at))
	}
	return buf
}

// enterData packs the five longs of XdndEnter: the source window, the
// version in the high byte with bit 0 set when the type list does not fit in
// the message (the target then reads XdndTypeList from the source), and up to
// three types.
func enterData(src xproto.Window, version uint32, types []xproto.Atom) [5]uint32 {
	d := [5]uint32{uint32(src), version << 24}
	if len(types) > 3 {
		d[1] |= 1
	}
	for i := 0; i < len(types) && i < 3; i++ {
		d[2+i] = uint32(types[i])
	}
	return d
}

// positionData packs XdndPosition: the pointer at (x, y) in root
// coordinates, the time of the "motion" and the requested action.
func positionData(src xproto.Window, x, y int16, t xproto.Timestamp, action xproto.Atom) [5]uint32 {
	return [5]uint32{uint32(src), 0, uint32(uint16(x))<<16 | uint32(uint16(y)), uint32(t), uint32(action)}
}

// dropData packs XdndDrop.
func dropData(src xproto.Window, t xproto.Timestamp) [5]uint32 {
	return [5]uint32{uint32(src), 0, uint32(t)}
}

// leaveData packs XdndLeave.
func leaveData(src xproto.Window) [5]uint32 {
	return [5]uint32{uint32(src)}
}

// statusReply is a target's answer to XdndPosition.
type statusReply struct {
	target xproto.Window
	accept bool        // the target will accept a drop here
	action xproto.Atom // the action it will perform (version 2 and later)
}

// parseStatus reads an XdndStatus message.
func parseStatus(d []uint32) statusReply {
	return statusReply{target: xproto.Window(d[0]), accept: d[1]&1 != 0, action: xproto.Atom(d[4])}
}

// finishedReply is a target's XdndFinished.
type finishedReply struct {
	target  xproto.Window
	success bool
	action  xproto.Atom
}

// parseFinished reads an XdndFinished message; before version 5 the message
// carries no outcome and a finished drop counts as a success.
func parseFinished(d []uint32, version uint32) finishedReply {
	f := finishedReply{target: xproto.Window(d[0]), success: true}
	if version >= 5 {
		f.success = d[1]&1 != 0
		f.action = xproto.Atom(d[2])
	}
	return f
}

// sendClientMessage sends an XDND client message about window to dest (the
// window itself, or its XdndProxy) with an empty event mask, so it reaches
// the client that created dest.
func sendClientMessage(c *xgb.Conn, dest, window xproto.Window, typ xproto.Atom, d [5]uint32) error {
	ev := xproto.ClientMessageEvent{
		Format: 32,
		Window: window,
		Type:   typ,
		Data:   xproto.ClientMessageDataUnionData32New(d[:]),
	}
	if err := xproto.SendEventChecked(c, false, dest, 0, string(ev.Bytes())).Check(); err != nil {
		return fmt.Errorf("xdnd: send client message to window %#x: %w", dest, err)
	}
	return nil
}

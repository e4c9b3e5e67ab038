package main

import (
	"testing"

	"github.com/jezek/xgb/xproto"
)

func TestEnterData(t *testing.T) {
	tests := []struct {
		name  string
		types []xproto.Atom
		want  [5]uint32
	}{
		{"one type", []xproto.Atom{300}, [5]uint32{0x400001, 5 << 24, 300, 0, 0}},
		{"three types fit", []xproto.Atom{300, 301, 302}, [5]uint32{0x400001, 5 << 24, 300, 301, 302}},
		{"four types need the list", []xproto.Atom{300, 301, 302, 303}, [5]uint32{0x400001, 5<<24 | 1, 300, 301, 302}},
	}
	for _, tt := range tests {
		if got := enterData(0x400001, 5, tt.types); got != tt.want {
			t.Errorf("%s: enterData = %#x, want %#x", tt.name, got, tt.want)
		}
	}
}

func TestPositionData(t *testing.T) {
	got := positionData(0x400001, 640, 400, 123456, 77)
	want := [5]uint32{0x400001, 0, 640<<16 | 400, 123456, 77}
	if got != want {
		t.Errorf("positionData = %#x, want %#x", got, want)
	}
	// Negative coordinates (a window partly off screen) keep their 16-bit
	// two's complement form in each half.
	if got := positionData(1, -1, 2, 0, 0)[2]; got != 0xFFFF0002 {
		t.Errorf("positionData(-1, 2) coordinates = %#x, want 0xffff0002", got)
	}
}

func TestParseStatus(t *testing.T) {
	tests := []struct {
		d    []uint32
		want statusReply
	}{
		{[]uint32{0x600003, 1, 0, 0, 99}, statusReply{0x600003, true, 99}},
		{[]uint32{0x600003, 3, 0, 0, 99}, statusReply{0x600003, true, 99}},
		{[]uint32{0x600003, 2, 0, 0, 0}, statusReply{0x600003, false, 0}},
	}
	for _, tt := range tests {
		if got := parseStatus(tt.d); got != tt.want {
			t.Errorf("parseStatus(%v) = %+v, want %+v", tt.d, got, tt.want)
		}
	}
}

func TestParseFinished(t *testing.T) {
	tests := []struct {
		d       []uint32
		version uint32
		want    finishedReply
	}{
		{[]uint32{0x600003, 1, 99, 0, 0}, 5, finishedReply{0x600003, true, 99}},
		{[]uint32{0x600003, 0, 0, 0, 0}, 5, finishedReply{0x600003, false, 0}},
		{[]uint32{0x600003, 0, 0, 0, 0}, 4, finishedReply{0x600003, true, 0}},
	}
	for _, tt := range tests {
		if got := parseFinished(tt.d, tt.version); got != tt.want {
			t.Errorf("parseFinished(%v, v%d) = %+v, want %+v", tt.d, tt.version, got, tt.want)
		}
	}
}

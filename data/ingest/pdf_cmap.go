package ingest

import (
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// maxCMapEntries bounds the codes one ToUnicode CMap may map: a bfrange
// spanning the whole 32-bit space must not allocate for every code.
const maxCMapEntries = 1 << 17

// toUnicode is a font's ToUnicode CMap: character codes of one to four
// bytes and the text each stands for.
type toUnicode struct {
	widths [5]bool // code lengths in bytes declared by codespace ranges
	m      map[uint32]string
}

// readToUnicode parses a ToUnicode CMap stream. A CMap the interpreter
// cannot read yields what was read before the fault. anyDict is a
// dictionary handed to the CMap's "findresource … begin" preamble, which
// only needs one to open.
func readToUnicode(v, anyDict pdf.Value) (cm *toUnicode) {
	cm = &toUnicode{m: map[uint32]string{}}
	defer func() {
		if recover() != nil && len(cm.m) == 0 {
			cm = nil
		}
	}()
	pdf.Interpret(v, func(stk *pdf.Stack, op string) {
		switch op {
		case "findresource":
			for stk.Len() > 0 {
				stk.Pop()
			}
			stk.Push(anyDict)
		case "begincodespacerange", "beginbfchar", "beginbfrange":
			for stk.Len() > 0 {
				stk.Pop()
			}
		case "endcodespacerange":
			for stk.Len() >= 2 {
				hi := stk.Pop().RawString()
				stk.Pop()
				if n := len(hi); n >= 1 && n <= 4 {
					cm.widths[n] = true
				}
			}
		case "endbfchar":
			for stk.Len() >= 2 {
				dst := stk.Pop()
				src := stk.Pop().RawString()
				if len(src) >= 1 && len(src) <= 4 && len(cm.m) < maxCMapEntries {
					cm.m[codeOf(src)] = utf16Text(dst.RawString())
					cm.widths[len(src)] = true
				}
			}
		case "endbfrange":
			for stk.Len() >= 3 {
				dst := stk.Pop()
				hiS := stk.Pop().RawString()
				loS := stk.Pop().RawString()
				if len(loS) < 1 || len(loS) > 4 || len(hiS) != len(loS) {
					continue
				}
				cm.widths[len(loS)] = true
				lo, hi := codeOf(loS), codeOf(hiS)
				if hi < lo || hi-lo > maxCMapEntries || len(cm.m)+int(hi-lo) > maxCMapEntries {
					continue
				}
				if dst.Kind() == pdf.Array {
					for i := 0; i < dst.Len() && lo+uint32(i) <= hi; i++ {
						cm.m[lo+uint32(i)] = utf16Text(dst.Index(i).RawString())
					}
					continue
				}
				base := []byte(dst.RawString())
				for c := lo; c <= hi; c++ {
					cm.m[c] = utf16Text(string(base))
					incrementLast(base)
				}
			}
		}
	})
	if len(cm.m) == 0 {
		return nil
	}
	return cm
}

// codeOf reads a big-endian character code.
func codeOf(s string) uint32 {
	var c uint32
	for i := 0; i < len(s); i++ {
		c = c<<8 | uint32(s[i])
	}
	return c
}

// incrementLast adds one to the last byte of a bfrange destination, as the
// CMap format prescribes for consecutive codes.
func incrementLast(b []byte) {
	for i := len(b) - 1; i >= 0; i-- {
		b[i]++
		if b[i] != 0 {
			return
		}
	}
}

// utf16Text decodes a CMap destination: UTF-16BE code units.
func utf16Text(s string) string {
	if len(s)%2 == 1 {
		return string([]rune{rune(s[0])})
	}
	u := make([]uint16, len(s)/2)
	for i := range u {
		u[i] = uint16(s[2*i])<<8 | uint16(s[2*i+1])
	}
	return string(utf16.Decode(u))
}

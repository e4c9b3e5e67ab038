package ingest

import (
	"encoding/binary"
	"slices"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// flatDecoder decodes flat JSON objects (decode), reusing its buffers from
// one object to the next and making each field name once.
type flatDecoder struct {
	buf    []byte           // a string being unescaped
	fields []field          // the fields of the last object
	names  map[string]field // field names seen, with their kind
}

// maxNames bounds flatDecoder.names: a file whose records have ever new
// field names gets the names past it made anew for each record.
const maxNames = 256

// decode decodes a JSON object whose values are all strings, numbers, true,
// false or null (a JSON Lines record as most tools write one) into its
// fields, as fieldsOf gives those of the map that encoding/json decodes it
// to: strings unescaped with invalid UTF-8 and lone surrogates replaced by
// U+FFFD, numbers as they are written, a repeated key keeping its last
// value. It reads the text once and builds no reflection; ok is false for
// anything else (a nested value, invalid JSON, text after the object),
// which the caller then decodes with encoding/json. The fields are valid
// until the next call.
func (dec *flatDecoder) decode(data []byte) ([]field, bool) {
	p := flatParser{data: data, buf: dec.buf}
	fs := dec.fields[:0]
	defer func() { dec.buf, dec.fields = p.buf, fs[:0] }()
	if !p.byte('{') {
		return nil, false
	}
	if p.byte('}') {
		if !p.done() {
			return nil, false
		}
		return fs, true
	}
	for {
		name, ok := p.strBytes()
		if !ok || !p.byte(':') {
			return nil, false
		}
		f := dec.field(name)
		if f.text, ok = p.scalarText(); !ok {
			return nil, false
		}
		fs = append(fs, f)
		if p.byte(',') {
			continue
		}
		if p.byte('}') && p.done() {
			return byName(fs), true
		}
		return nil, false
	}
}

// field returns a field named name, its kind known.
func (dec *flatDecoder) field(name []byte) field {
	if f, ok := dec.names[string(name)]; ok {
		return f
	}
	f := field{key: string(name)}
	f.kind = fieldKind(f.key)
	if dec.names == nil {
		dec.names = map[string]field{}
	}
	if len(dec.names) < maxNames {
		dec.names[f.key] = f
	}
	return f
}

// byName sorts fields by name, a repeated name keeping its last value.
func byName(fs []field) []field {
	if len(fs) <= 16 { // the usual record: sorted in place
		for i := 1; i < len(fs); i++ {
			for j := i; j > 0 && fs[j].key < fs[j-1].key; j-- {
				fs[j], fs[j-1] = fs[j-1], fs[j]
			}
		}
	} else {
		slices.SortStableFunc(fs, func(a, b field) int { return strings.Compare(a.key, b.key) })
	}
	out := fs[:0]
	for i, f := range fs {
		if i+1 < len(fs) && fs[i+1].key == f.key {
			continue
		}
		out = append(out, f)
	}
	return out
}

// flatParser reads JSON text from data[i:]; buf holds a string being
// unescaped.
type flatParser struct {
	data []byte
	i    int
	buf  []byte
}

// skip passes JSON white space.
func (p *flatParser) skip() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// byte consumes c, after white space, when it comes next.
func (p *flatParser) byte(c byte) bool {
	p.skip()
	if p.i < len(p.data) && p.data[p.i] == c {
		p.i++
		return true
	}
	return false
}

// done reports whether only white space is left after the object.
func (p *flatParser) done() bool {
	p.skip()
	return p.i == len(p.data)
}

// scalarText reads a string, number, true, false or null, and returns it
// as scalarText renders its value: true, false and null as "".
func (p *flatParser) scalarText() (string, bool) {
	p.skip()
	if p.i == len(p.data) {
		return "", false
	}
	switch c := p.data[p.i]; {
	case c == '"':
		b, ok := p.strBytes()
		return string(b), ok
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	}
	for _, lit := range [...]string{"true", "false", "null"} {
		if len(p.data)-p.i >= len(lit) && string(p.data[p.i:p.i+len(lit)]) == lit {
			p.i += len(lit)
			return "", p.delimited()
		}
	}
	return "", false
}

// delimited reports whether a literal or number ends where it should: at
// the end of the text, white space, a comma or a closing brace.
func (p *flatParser) delimited() bool {
	if p.i == len(p.data) {
		return true
	}
	switch p.data[p.i] {
	case ' ', '\t', '\n', '\r', ',', '}':
		return true
	}
	return false
}

// number reads a number as JSON writes it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *flatParser) number() (string, bool) {
	start := p.i
	d := p.data
	if d[p.i] == '-' {
		p.i++
	}
	switch {
	case p.i < len(d) && d[p.i] == '0':
		p.i++
	case p.i < len(d) && d[p.i] >= '1' && d[p.i] <= '9':
		p.digits()
	default:
		return "", false
	}
	if p.i < len(d) && d[p.i] == '.' {
		p.i++
		if p.digits() == 0 {
			return "", false
		}
	}
	if p.i < len(d) && (d[p.i] == 'e' || d[p.i] == 'E') {
		p.i++
		if p.i < len(d) && (d[p.i] == '+' || d[p.i] == '-') {
			p.i++
		}
		if p.digits() == 0 {
			return "", false
		}
	}
	return string(d[start:p.i]), p.delimited()
}

// digits consumes decimal digits and returns how many.
func (p *flatParser) digits() int {
	start := p.i
	for p.i < len(p.data) && p.data[p.i] >= '0' && p.data[p.i] <= '9' {
		p.i++
	}
	return p.i - start
}

// strBytes reads a string, after white space, and returns it unescaped,
// in data or in buf: valid until the next call.
func (p *flatParser) strBytes() ([]byte, bool) {
	if !p.byte('"') {
		return nil, false
	}
	d := p.data
	start := p.i
	// The usual string: printable ASCII without escapes, taken as it is.
	p.i += plainJSON(d[p.i:])
	if p.i < len(d) && d[p.i] == '"' {
		p.i++
		return d[start : p.i-1], true
	}
	b := append(p.buf[:0], d[start:p.i]...)
	defer func() { p.buf = b }()
	for p.i < len(d) {
		switch c := d[p.i]; {
		case c == '"':
			p.i++
			return b, true
		case c < ' ':
			return nil, false
		case c == '\\':
			if p.i+1 == len(d) {
				return nil, false
			}
			switch e := d[p.i+1]; e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r := hex4(d[p.i+2:])
				if r < 0 {
					return nil, false
				}
				p.i += 6
				if utf16.IsSurrogate(r) {
					// A pair is one character; a lone half becomes
					// U+FFFD and what follows it is read on its own.
					if r2 := u4(d[p.i:]); r2 >= 0 {
						if dec := utf16.DecodeRune(r, r2); dec != unicode.ReplacementChar {
							b = utf8.AppendRune(b, dec)
							p.i += 6
							continue
						}
					}
					r = unicode.ReplacementChar
				}
				b = utf8.AppendRune(b, r)
				continue
			default:
				return nil, false
			}
			p.i += 2
		case c < utf8.RuneSelf:
			run := p.i + 1 + plainJSON(d[p.i+1:]) // copied with the plain characters that follow
			b = append(b, d[p.i:run]...)
			p.i = run
		default:
			r, size := utf8.DecodeRune(d[p.i:])
			if r == utf8.RuneError && size == 1 {
				b = utf8.AppendRune(b, unicode.ReplacementChar)
			} else {
				b = append(b, d[p.i:p.i+size]...)
			}
			p.i += size
		}
	}
	return nil, false
}

// plainJSON returns how many bytes at the start of d stand for themselves
// in a JSON string: ASCII from ' ' on but '"' and '\\'. It takes eight bytes
// at a time while it can.
func plainJSON(d []byte) int {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	i := 0
	for i+8 <= len(d) {
		w := binary.LittleEndian.Uint64(d[i:])
		// With every byte below 0x80, adding up to 0x80 to each carries
		// into no other: a byte's high bit then says whether it reached
		// 0x80, and a byte that is zero after ^ reaches it by 0x7F only
		// if it was not zero.
		if w&high != 0 || (w+ones*(0x80-' '))&high != high ||
			((w^ones*'"')+ones*0x7F)&high != high || ((w^ones*'\\')+ones*0x7F)&high != high {
			break
		}
		i += 8
	}
	for i < len(d) && d[i] >= ' ' && d[i] != '"' && d[i] != '\\' && d[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// u4 decodes a \uXXXX escape at the start of s; -1 when there is none.
func u4(s []byte) rune {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return -1
	}
	return hex4(s[2:])
}

// hex4 decodes the four hexadecimal digits at the start of s; -1 when
// they are not there.
func hex4(s []byte) rune {
	if len(s) < 4 {
		return -1
	}
	var r rune
	for _, c := range s[:4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

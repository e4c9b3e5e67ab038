package ingest

import (
	"encoding/json"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// flatDecoder decodes flat JSON objects (decode), reusing its buffer for
// the unescaping of strings from one object to the next.
type flatDecoder struct {
	buf []byte
}

// decode decodes a JSON object whose values are all strings,
// numbers, true, false or null (a JSON Lines record as most tools write
// one) into the map that encoding/json would decode it to: numbers as
// json.Number, strings unescaped with invalid UTF-8 and lone surrogates
// replaced by U+FFFD, a repeated key keeping its last value. It reads the
// text once and builds no reflection; ok is false for anything else (a
// nested value, invalid JSON, text after the object), which the caller
// then decodes with encoding/json.
func (dec *flatDecoder) decode(data []byte) (m map[string]any, ok bool) {
	p := flatParser{data: data, buf: dec.buf}
	defer func() { dec.buf = p.buf }()
	if !p.byte('{') {
		return nil, false
	}
	m = make(map[string]any, 8)
	if p.byte('}') {
		return p.done(m)
	}
	for {
		key, ok := p.str()
		if !ok || !p.byte(':') {
			return nil, false
		}
		v, ok := p.scalar()
		if !ok {
			return nil, false
		}
		m[key] = v
		if p.byte(',') {
			continue
		}
		if p.byte('}') {
			return p.done(m)
		}
		return nil, false
	}
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

// done returns m when only white space is left after the object.
func (p *flatParser) done(m map[string]any) (map[string]any, bool) {
	p.skip()
	if p.i != len(p.data) {
		return nil, false
	}
	return m, true
}

// scalar reads a string, number, true, false or null.
func (p *flatParser) scalar() (any, bool) {
	p.skip()
	if p.i == len(p.data) {
		return nil, false
	}
	switch c := p.data[p.i]; {
	case c == '"':
		return p.str()
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	}
	for _, lit := range [...]struct {
		text  string
		value any
	}{{"true", true}, {"false", false}, {"null", nil}} {
		if len(p.data)-p.i >= len(lit.text) && string(p.data[p.i:p.i+len(lit.text)]) == lit.text {
			p.i += len(lit.text)
			return lit.value, p.delimited()
		}
	}
	return nil, false
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
func (p *flatParser) number() (any, bool) {
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
		return nil, false
	}
	if p.i < len(d) && d[p.i] == '.' {
		p.i++
		if p.digits() == 0 {
			return nil, false
		}
	}
	if p.i < len(d) && (d[p.i] == 'e' || d[p.i] == 'E') {
		p.i++
		if p.i < len(d) && (d[p.i] == '+' || d[p.i] == '-') {
			p.i++
		}
		if p.digits() == 0 {
			return nil, false
		}
	}
	return json.Number(d[start:p.i]), p.delimited()
}

// digits consumes decimal digits and returns how many.
func (p *flatParser) digits() int {
	start := p.i
	for p.i < len(p.data) && p.data[p.i] >= '0' && p.data[p.i] <= '9' {
		p.i++
	}
	return p.i - start
}

// str reads a string, after white space, and returns it unescaped.
func (p *flatParser) str() (string, bool) {
	if !p.byte('"') {
		return "", false
	}
	d := p.data
	start := p.i
	// The usual string: printable ASCII without escapes, taken as it is.
	for p.i < len(d) {
		c := d[p.i]
		if c == '"' {
			p.i++
			return string(d[start : p.i-1]), true
		}
		if c == '\\' || c < ' ' || c >= utf8.RuneSelf {
			break
		}
		p.i++
	}
	b := append(p.buf[:0], d[start:p.i]...)
	defer func() { p.buf = b }()
	for p.i < len(d) {
		switch c := d[p.i]; {
		case c == '"':
			p.i++
			return string(b), true
		case c < ' ':
			return "", false
		case c == '\\':
			if p.i+1 == len(d) {
				return "", false
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
					return "", false
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
				return "", false
			}
			p.i += 2
		case c < utf8.RuneSelf:
			run := p.i + 1 // copied with the plain characters that follow
			for run < len(d) && d[run] >= ' ' && d[run] != '"' && d[run] != '\\' && d[run] < utf8.RuneSelf {
				run++
			}
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
	return "", false
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

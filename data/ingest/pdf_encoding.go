package ingest

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding/charmap"
)

// simpleEncoding maps the one-byte codes of a simple font to text; ""
// marks a code that stands for nothing known.
type simpleEncoding [256]string

// standardUpper holds the codes of Adobe StandardEncoding above 0x7f (PDF
// 32000-1, annex D); below, it is ASCII but for the two quotes.
var standardUpper = map[byte]string{
	0xa1: "¡", 0xa2: "¢", 0xa3: "£", 0xa4: "⁄", 0xa5: "¥", 0xa6: "ƒ", 0xa7: "§", 0xa8: "¤", 0xa9: "'",
	0xaa: "“", 0xab: "«", 0xac: "‹", 0xad: "›", 0xae: "fi", 0xaf: "fl", 0xb1: "–", 0xb2: "†", 0xb3: "‡",
	0xb4: "·", 0xb6: "¶", 0xb7: "•", 0xb8: "‚", 0xb9: "„", 0xba: "”", 0xbb: "»", 0xbc: "…", 0xbd: "‰",
	0xbf: "¿", 0xc1: "`", 0xc2: "´", 0xc3: "ˆ", 0xc4: "˜", 0xc5: "¯", 0xc6: "˘", 0xc7: "˙", 0xc8: "¨",
	0xca: "˚", 0xcb: "¸", 0xcd: "˝", 0xce: "˛", 0xcf: "ˇ", 0xd0: "—", 0xe1: "Æ", 0xe3: "ª", 0xe8: "Ł",
	0xe9: "Ø", 0xea: "Œ", 0xeb: "º", 0xf1: "æ", 0xf5: "ı", 0xf8: "ł", 0xf9: "ø", 0xfa: "œ", 0xfb: "ß",
}

// baseEncoding returns one of the PDF's named encodings; StandardEncoding
// for a name it does not know.
func baseEncoding(name string) simpleEncoding {
	var e simpleEncoding
	switch name {
	case "WinAnsiEncoding", "MacRomanEncoding":
		cm := charmap.Windows1252
		if name == "MacRomanEncoding" {
			cm = charmap.Macintosh
		}
		for c := 0x20; c < 256; c++ {
			if r := cm.DecodeByte(byte(c)); r != 0xfffd && r >= 0x20 && (r < 0x7f || r > 0x9f) {
				e[c] = string(r)
			}
		}
		if name == "WinAnsiEncoding" {
			e[0xad] = "-" // the soft hyphen is drawn as a hyphen
		}
	default:
		for c := 0x20; c < 0x7f; c++ {
			e[c] = string(rune(c))
		}
		e['\''], e['`'] = "’", "‘"
		for c, s := range standardUpper {
			e[c] = s
		}
	}
	return e
}

// glyphLigatures are the legacy glyph names of Latin glyphLigatures, spelled out as
// the letters they join.
var glyphLigatures = map[string]string{"ff": "ff", "fi": "fi", "fl": "fl", "ffi": "ffi", "ffl": "ffl", "st": "st"}

var uniNameRe = regexp.MustCompile(`^(?:uni((?:[0-9A-F]{4})+)|u([0-9A-F]{4,6}))$`)

// glyphText turns a glyph name into the text it stands for, following the
// Adobe Glyph List rules: a suffix after '.' is ignored, '_' joins the
// components of a ligature, uniXXXX and uXXXXX name code points. Unknown
// names give "".
func glyphText(name string) string {
	if i := strings.IndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	if s, ok := glyphLigatures[name]; ok {
		return s
	}
	if strings.Contains(name, "_") {
		var b strings.Builder
		for _, part := range strings.Split(name, "_") {
			b.WriteString(glyphText(part))
		}
		return b.String()
	}
	if r, ok := aglfn[name]; ok {
		return string(r)
	}
	if m := uniNameRe.FindStringSubmatch(name); m != nil {
		hex := m[1]
		step := 4
		if hex == "" {
			hex, step = m[2], len(m[2])
		}
		var b strings.Builder
		for i := 0; i+step <= len(hex); i += step {
			v, _ := strconv.ParseUint(hex[i:i+step], 16, 32)
			if (v < 0xd800 || v > 0xdfff) && v <= 0x10ffff && v >= 0x20 {
				b.WriteRune(rune(v))
			}
		}
		return b.String()
	}
	return ""
}

// applyDifferences overlays an encoding's /Differences array on e.
func applyDifferences(e *simpleEncoding, diff pdf.Value) {
	code := 0
	for i := 0; i < diff.Len(); i++ {
		v := diff.Index(i)
		switch v.Kind() {
		case pdf.Integer:
			code = int(v.Int64())
		case pdf.Name:
			if code >= 0 && code < 256 {
				e[code] = glyphText(v.Name())
			}
			code++
		}
	}
}

var type1EncRe = regexp.MustCompile(`dup\s+(\d+)\s*/([^\s/\[\]{}()<>]+)\s+put`)

// builtinEncoding reads the encoding built into an embedded Type 1 font
// program: the "dup CODE /name put" lines of its clear-text part. ok is
// false when the program has none (it uses StandardEncoding).
func builtinEncoding(fontFile pdf.Value) (e simpleEncoding, ok bool) {
	n := fontFile.Key("Length1").Int64()
	if n <= 0 || n > 1<<20 {
		n = 64 << 10
	}
	head := readStream(fontFile, n)
	if i := bytes.Index(head, []byte("eexec")); i >= 0 {
		head = head[:i]
	}
	i := bytes.Index(head, []byte("/Encoding"))
	if i < 0 {
		return e, false
	}
	head = head[i:]
	if bytes.HasPrefix(bytes.TrimSpace(head[len("/Encoding"):]), []byte("StandardEncoding")) {
		return e, false
	}
	for _, m := range type1EncRe.FindAllSubmatch(head, -1) {
		if c, err := strconv.Atoi(string(m[1])); err == nil && c < 256 {
			e[c] = glyphText(string(m[2]))
			ok = true
		}
	}
	return e, ok
}

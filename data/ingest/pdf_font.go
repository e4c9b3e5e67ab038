package ingest

import (
	"io"
	"strings"

	"github.com/ledongthuc/pdf"
)

// pdfFont is what text extraction needs of a font: how its strings split
// into character codes, the text and the advance width of each code.
type pdfFont struct {
	twoByte bool               // composite font: two-byte codes
	ucs2    bool               // composite font whose codes are UCS-2
	tu      *toUnicode         // the font's ToUnicode CMap, if any
	enc     *simpleEncoding    // simple font: its encoding
	first   int                // simple font: code of widths[0]
	widths  []float64          // simple font: advance widths, glyph units
	cidW    map[uint32]float64 // composite font: advance widths, glyph units
	dw      float64            // default width, glyph units
	scale   float64            // glyph units to text space (0.001, or a Type 3 font matrix)
	guessed bool               // widths unknown: advances are estimated
}

// maxWidthEntries bounds the widths read from one font.
const maxWidthEntries = 1 << 16

// loadFont reads the font dictionary v.
func loadFont(v pdf.Value) *pdfFont {
	f := &pdfFont{scale: 0.001}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		f.tu = readToUnicode(tu, v)
	}
	if v.Key("Subtype").Name() == "Type0" {
		f.loadComposite(v)
		return f
	}
	if m := v.Key("FontMatrix"); v.Key("Subtype").Name() == "Type3" && m.Len() == 6 {
		f.scale = m.Index(0).Float64()
	}
	f.enc = simpleEncodingOf(v)
	f.first = int(v.Key("FirstChar").Int64())
	w := v.Key("Widths")
	for i := 0; i < w.Len() && i < 256; i++ {
		f.widths = append(f.widths, w.Index(i).Float64())
	}
	f.dw = v.Key("FontDescriptor").Key("MissingWidth").Float64()
	if len(f.widths) == 0 {
		f.guessed = true
		f.dw = 500
		if strings.Contains(v.Key("BaseFont").Name(), "Courier") {
			f.dw = 600
		}
	}
	return f
}

// simpleEncodingOf builds the encoding of a simple font: its named or
// differenced encoding, over the encoding built into an embedded Type 1
// program, over StandardEncoding.
func simpleEncodingOf(v pdf.Value) *simpleEncoding {
	enc := v.Key("Encoding")
	var e simpleEncoding
	base := ""
	switch enc.Kind() {
	case pdf.Name:
		base = enc.Name()
	case pdf.Dict:
		base = enc.Key("BaseEncoding").Name()
	}
	builtin := false
	if base == "" {
		if ff := v.Key("FontDescriptor").Key("FontFile"); ff.Kind() == pdf.Stream {
			e, builtin = builtinEncoding(ff)
		}
	}
	if !builtin {
		if base == "" && v.Key("Subtype").Name() == "TrueType" {
			base = "WinAnsiEncoding"
		}
		e = baseEncoding(base)
	}
	if enc.Kind() == pdf.Dict {
		applyDifferences(&e, enc.Key("Differences"))
	}
	return &e
}

// loadComposite reads a Type 0 font: its code width and the widths of its
// descendant CIDFont.
func (f *pdfFont) loadComposite(v pdf.Value) {
	f.twoByte = true
	name := v.Key("Encoding").Name()
	f.ucs2 = strings.Contains(name, "UCS2") || strings.Contains(name, "UTF16")
	if f.tu != nil && !f.tu.widths[2] && f.tu.widths[1] && name != "Identity-H" && name != "Identity-V" {
		f.twoByte = false
	}
	d := v.Key("DescendantFonts").Index(0)
	f.dw = 1000
	if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
		f.dw = dw.Float64()
	}
	f.cidW = map[uint32]float64{}
	w := d.Key("W")
	for i := 0; i+1 < w.Len() && len(f.cidW) < maxWidthEntries; {
		first := uint32(w.Index(i).Int64())
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for j := 0; j < next.Len() && len(f.cidW) < maxWidthEntries; j++ {
				f.cidW[first+uint32(j)] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= w.Len() {
			break
		}
		last := uint32(next.Int64())
		width := w.Index(i + 2).Float64()
		for c := first; c <= last && c-first < maxWidthEntries && len(f.cidW) < maxWidthEntries; c++ {
			f.cidW[c] = width
		}
		i += 3
	}
}

// codes splits a shown string into character codes.
func (f *pdfFont) codes(s string, out []uint32) []uint32 {
	out = out[:0]
	if !f.twoByte {
		for i := 0; i < len(s); i++ {
			out = append(out, uint32(s[i]))
		}
		return out
	}
	for i := 0; i+1 < len(s); i += 2 {
		out = append(out, uint32(s[i])<<8|uint32(s[i+1]))
	}
	return out
}

// text returns what a code stands for; "" when nothing is known.
func (f *pdfFont) text(code uint32) string {
	if f.tu != nil {
		if s, ok := f.tu.m[code]; ok && s != "" {
			return s
		}
	}
	switch {
	case f.enc != nil && code < 256:
		return f.enc[code]
	case f.ucs2 && code >= 0x20:
		return utf16Text(string([]byte{byte(code >> 8), byte(code)}))
	}
	return ""
}

// width returns the advance of a code in text space units per unit of font
// size.
func (f *pdfFont) width(code uint32) float64 {
	w := f.dw
	switch {
	case f.cidW != nil:
		if x, ok := f.cidW[code]; ok {
			w = x
		}
	case f.guessed && code == ' ':
		w = f.dw / 2
	case int(code) >= f.first && int(code)-f.first < len(f.widths):
		w = f.widths[int(code)-f.first]
	}
	return w * f.scale
}

// readStream reads at most n bytes of a stream's decoded data; nil when the
// stream cannot be decoded.
func readStream(v pdf.Value, n int64) (data []byte) {
	defer func() {
		if recover() != nil {
			data = nil
		}
	}()
	rc := v.Reader()
	defer rc.Close()
	data, _ = io.ReadAll(io.LimitReader(rc, n))
	return data
}

package ingest

import (
	"errors"
	"math"
	"strings"

	"github.com/ledongthuc/pdf"
)

// pdfGlyph is one shown character code, placed in the reading frame of its
// writing direction: x grows along the text, y grows down the page.
type pdfGlyph struct {
	s      string
	x0, x1 float64 // start and end of its advance
	y      float64 // baseline
	size   float64 // font size on the page
	rot    int8    // writing direction in quarter turns
	space  bool    // a space: it separates words
	guess  bool    // its advance is estimated
}

// pdfMatrix is a PDF transformation pdfMatrix [a b c d e f].
type pdfMatrix [6]float64

var pdfIdentity = pdfMatrix{1, 0, 0, 1, 0, 0}

// mul returns m×n (m applied first).
func (m pdfMatrix) mul(n pdfMatrix) pdfMatrix {
	return pdfMatrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// pdfGState is the part of the graphics state text extraction follows.
type pdfGState struct {
	ctm                  pdfMatrix
	tc, tw, th, tl, rise float64
	fs                   float64
	font                 *pdfFont
}

// Limits on the work one PDF may ask for.
const (
	maxPDFGlyphs    = 8 << 20 // glyphs shown in the whole document
	maxPageGlyphs   = 1 << 17 // glyphs shown on one page
	maxFormDepth    = 8       // form XObjects nested in one another
	maxFormsPerPage = 2000    // form XObjects drawn on one page
)

var errPDFTooComplex = errors.New("PDF content is too complex")

// contentReader runs page content streams and collects their glyphs. Fonts
// are read once per document.
type contentReader struct {
	fonts  map[string]*pdfFont
	glyphs []pdfGlyph
	total  int
	forms  int
	codes  []uint32
	box    [4]float64 // the page's crop box
}

func newContentReader() *contentReader {
	return &contentReader{fonts: map[string]*pdfFont{}}
}

// page returns the glyphs of one page. A content stream broken part way
// gives the glyphs drawn before the break: one damaged page does not cost
// the document. Content over the limits still stops the whole read.
func (cr *contentReader) page(p pdf.Page) (glyphs []pdfGlyph) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok && errors.Is(e, errPDFTooComplex) {
				panic(r)
			}
			glyphs = cr.glyphs
		}
	}()
	cr.glyphs = cr.glyphs[:0]
	cr.forms = 0
	cr.box = [4]float64{math.Inf(-1), math.Inf(-1), math.Inf(1), math.Inf(1)}
	box := inherited(p.V, "CropBox")
	if box.Len() != 4 {
		box = inherited(p.V, "MediaBox")
	}
	if box.Len() == 4 {
		for i := range 4 {
			cr.box[i] = box.Index(i).Float64()
		}
		if cr.box[0] > cr.box[2] {
			cr.box[0], cr.box[2] = cr.box[2], cr.box[0]
		}
		if cr.box[1] > cr.box[3] {
			cr.box[1], cr.box[3] = cr.box[3], cr.box[1]
		}
	}
	cr.run(p.V.Key("Contents"), inherited(p.V, "Resources"), pdfIdentity, 0)
	return cr.glyphs
}

// inherited looks a page attribute up on the page or its ancestors, going
// up at most 64 levels (a Parent chain may loop).
func inherited(v pdf.Value, key string) pdf.Value {
	for range 64 {
		if v.IsNull() {
			break
		}
		if r := v.Key(key); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

// run interprets one content stream (or array of streams) with its
// resources, starting from the transformation ctm.
func (cr *contentReader) run(content, res pdf.Value, ctm pdfMatrix, depth int) {
	gs := pdfGState{ctm: ctm, th: 1}
	var stack []pdfGState
	var tm, tlm pdfMatrix
	var args []pdf.Value
	var fontDict pdf.Value         // the resources' fonts, looked up once
	named := map[string]*pdfFont{} // fonts by resource name
	show := func(s string) {
		f := gs.font
		if f == nil {
			return
		}
		cr.codes = f.codes(s, cr.codes)
		for _, code := range cr.codes {
			tx := (f.width(code)*gs.fs + gs.tc) * gs.th
			if code == ' ' && !f.twoByte {
				tx += gs.tw * gs.th
			}
			cr.emit(f, code, gs, tm, tx)
			tm = pdfMatrix{1, 0, 0, 1, tx, 0}.mul(tm)
		}
	}
	pdf.Interpret(content, func(stk *pdf.Stack, op string) {
		args = args[:0]
		for stk.Len() > 0 {
			args = append(args, stk.Pop())
		}
		for i, j := 0, len(args)-1; i < j; i, j = i+1, j-1 {
			args[i], args[j] = args[j], args[i]
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "q":
			if len(stack) < 64 {
				stack = append(stack, gs)
			}
		case "Q":
			if len(stack) > 0 {
				gs = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			gs.ctm = pdfMatrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(gs.ctm)
		case "BT":
			tm, tlm = pdfIdentity, pdfIdentity
		case "Tf":
			if len(args) == 2 {
				name := args[0].Name()
				f, ok := named[name]
				if !ok {
					if fontDict.IsNull() {
						fontDict = res.Key("Font")
					}
					f = cr.font(fontDict.Key(name))
					named[name] = f
				}
				gs.font, gs.fs = f, num(1)
			}
		case "Tc":
			gs.tc = num(0)
		case "Tw":
			gs.tw = num(0)
		case "Tz":
			gs.th = num(0) / 100
		case "TL":
			gs.tl = num(0)
		case "Ts":
			gs.rise = num(0)
		case "Td", "TD":
			if op == "TD" {
				gs.tl = -num(1)
			}
			tlm = pdfMatrix{1, 0, 0, 1, num(0), num(1)}.mul(tlm)
			tm = tlm
		case "Tm":
			tlm = pdfMatrix{num(0), num(1), num(2), num(3), num(4), num(5)}
			tm = tlm
		case "T*":
			tlm = pdfMatrix{1, 0, 0, 1, 0, -gs.tl}.mul(tlm)
			tm = tlm
		case "Tj", "'", "\"":
			if op == "\"" && len(args) == 3 {
				gs.tw, gs.tc = num(0), num(1)
			}
			if op != "Tj" {
				tlm = pdfMatrix{1, 0, 0, 1, 0, -gs.tl}.mul(tlm)
				tm = tlm
			}
			if len(args) > 0 {
				show(args[len(args)-1].RawString())
			}
		case "TJ":
			if len(args) != 1 {
				return
			}
			a := args[0]
			for i := 0; i < a.Len(); i++ {
				v := a.Index(i)
				if v.Kind() == pdf.String {
					show(v.RawString())
					continue
				}
				tx := -v.Float64() / 1000 * gs.fs * gs.th
				tm = pdfMatrix{1, 0, 0, 1, tx, 0}.mul(tm)
			}
		case "Do":
			if len(args) == 1 {
				cr.form(res.Key("XObject").Key(args[0].Name()), res, gs.ctm, depth)
			}
		}
	})
}

// form draws a form XObject.
func (cr *contentReader) form(x, parentRes pdf.Value, ctm pdfMatrix, depth int) {
	if x.Kind() != pdf.Stream || x.Key("Subtype").Name() != "Form" {
		return
	}
	if depth >= maxFormDepth || cr.forms >= maxFormsPerPage {
		panic(errPDFTooComplex)
	}
	cr.forms++
	m := pdfIdentity
	if mv := x.Key("Matrix"); mv.Len() == 6 {
		for i := range 6 {
			m[i] = mv.Index(i).Float64()
		}
	}
	res := x.Key("Resources")
	if res.Kind() != pdf.Dict {
		res = parentRes
	}
	cr.run(x, res, m.mul(ctm), depth+1)
}

// font returns the font of a font dictionary, read once per document.
func (cr *contentReader) font(v pdf.Value) *pdfFont {
	if v.Kind() != pdf.Dict {
		return nil
	}
	key := v.String()
	f, ok := cr.fonts[key]
	if !ok {
		f = loadFont(v)
		cr.fonts[key] = f
	}
	return f
}

// emit places one shown code on the page.
func (cr *contentReader) emit(f *pdfFont, code uint32, gs pdfGState, tm pdfMatrix, tx float64) {
	cr.total++
	if cr.total > maxPDFGlyphs || len(cr.glyphs) >= maxPageGlyphs {
		panic(errPDFTooComplex)
	}
	m := tm.mul(gs.ctm)
	trm := pdfMatrix{gs.fs * gs.th, 0, 0, gs.fs, 0, gs.rise}.mul(m)
	ox, oy := trm[4], trm[5]
	if ox < cr.box[0]-1 || ox > cr.box[2]+1 || oy < cr.box[1]-1 || oy > cr.box[3]+1 {
		return
	}
	s := f.text(code)
	space := strings.TrimSpace(s) == ""
	if space && s == "" && code != ' ' {
		return // a code that stands for nothing known
	}
	ex, ey := ox+tx*m[0], oy+tx*m[1]
	var rot int8
	switch {
	case math.Abs(trm[0]) >= math.Abs(trm[1]) && trm[0] >= 0:
		rot = 0
	case math.Abs(trm[0]) >= math.Abs(trm[1]):
		rot = 2
	case trm[1] > 0:
		rot = 1
	default:
		rot = 3
	}
	g := pdfGlyph{s: s, size: math.Hypot(trm[2], trm[3]), rot: rot, space: space, guess: f.guessed}
	var x1 float64
	g.x0, g.y = pdfFrame(rot, ox, oy)
	x1, _ = pdfFrame(rot, ex, ey)
	g.x1 = math.Max(x1, g.x0)
	cr.glyphs = append(cr.glyphs, g)
}

// pdfFrame turns page coordinates into the reading frame of a writing
// direction.
func pdfFrame(rot int8, x, y float64) (float64, float64) {
	switch rot {
	case 1:
		return y, x
	case 2:
		return -x, y
	case 3:
		return -y, -x
	}
	return x, -y
}

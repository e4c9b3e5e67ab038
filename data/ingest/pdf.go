package ingest

import (
	"bytes"
	"errors"
	"sort"
	"strings"

	"github.com/ledongthuc/pdf"
)

// maxPDFPages bounds the pages read from one PDF.
const maxPDFPages = 2000

// readPDF reads the text layer of a PDF as one article: a PDF is one
// document, whatever the split mode. Glyphs are placed on the page, joined
// into words, the words grouped into blocks of text read in layout order
// (columns, then tables row by row), and lines joined into paragraphs;
// running headers, footers and page numbers are left out. The
// title is the document's own, or its first heading. A PDF without a text
// layer (a scan) is refused.
func readPDF(p string, data []byte, opts Options) (arts []draft, err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok && errors.Is(e, errPDFTooComplex) {
				arts, err = nil, refuse(p, "PDF content is too complex (over %d glyphs on a page, or deeply nested forms)", maxPageGlyphs)
				return
			}
			arts, err = nil, refuse(p, "corrupt PDF: %v", r)
		}
	}()
	if !checkPDFObjectCounts(data) {
		return nil, refuse(p, "malformed PDF: its cross-reference table claims more objects than the file holds")
	}
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, refuse(p, "corrupt or encrypted PDF: %v", err)
	}
	pages, ok := pdfPages(r.Trailer().Key("Root").Key("Pages"))
	if !ok {
		return nil, refuse(p, "malformed PDF page tree (a cycle, or over %d pages)", maxPDFPages)
	}
	cr := newContentReader()
	var doc [][]pdfLine
	for _, page := range pages {
		doc = append(doc, pageLines(pageWords(cr.page(page))))
	}
	dropPageFurniture(doc)
	paras := pdfParagraphs(doc)
	if len(paras) == 0 {
		return nil, refuse(p, "PDF has no text layer (a scan? run OCR on it first)")
	}
	a, ok := articleFromParas(paragraphTexts(paras), opts.Published)
	if !ok {
		return nil, refuse(p, "PDF has no text layer (a scan? run OCR on it first)")
	}
	if t := pdfTitle(r.Trailer().Key("Info").Key("Title")); t != "" {
		a.Title = t
	} else if h := pdfFirstHeading(paras); h != "" {
		a.Title = h
	}
	return []draft{a}, nil
}

// pdfPages lists the pages of a page tree in order. It walks the tree
// itself, with a depth and size limit, because a tree whose Kids lead back
// to an ancestor would send the library's own lookup round forever.
func pdfPages(root pdf.Value) ([]pdf.Page, bool) {
	var pages []pdf.Page
	nodes := 0
	var walk func(v pdf.Value, depth int) bool
	walk = func(v pdf.Value, depth int) bool {
		nodes++
		if depth > 64 || nodes > 4*maxPDFPages {
			return false
		}
		switch v.Key("Type").Name() {
		case "Pages":
			kids := v.Key("Kids")
			for i := 0; i < kids.Len(); i++ {
				if !walk(kids.Index(i), depth+1) {
					return false
				}
			}
		case "Page":
			if len(pages) >= maxPDFPages {
				return false
			}
			pages = append(pages, pdf.Page{V: v})
		}
		return true
	}
	ok := walk(root, 0)
	return pages, ok
}

// pdfTitle returns the document title of the Info dictionary, unless it is
// only a file name or a placeholder.
func pdfTitle(v pdf.Value) string {
	t := collapseSpace(normalizeGlyphText(v.Text()))
	l := lower(t)
	if t == "" || l == "untitled" || strings.HasPrefix(l, "microsoft word") || strings.HasPrefix(l, "microsoft powerpoint") {
		return ""
	}
	for _, e := range []string{".doc", ".docx", ".pdf", ".tex", ".dvi", ".odt", ".rtf", ".indd", ".ps", ".txt", ".qxd"} {
		if strings.HasSuffix(l, e) {
			return ""
		}
	}
	return shorten(t, 200)
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

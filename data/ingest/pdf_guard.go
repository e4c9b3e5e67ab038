package ingest

import (
	"bytes"
	"regexp"
	"strconv"
)

var (
	pdfSizeRe  = regexp.MustCompile(`/Size\s+(\d+)`)
	pdfIndexRe = regexp.MustCompile(`/Index\s*\[([\d\s]*)\]`)
	pdfXrefRe  = regexp.MustCompile(`xref[ \t]*\r?\n`)
	pdfNumsRe  = regexp.MustCompile(`^[ \t]*(\d+)[ \t]+(\d+)[ \t]*(?:[nf][ \t]*)?\r?$`)
)

// checkPDFObjectCounts refuses a PDF whose cross-reference data claims more
// objects than its bytes could hold. The PDF library sizes its object table
// from those numbers before reading any object, so a forged "/Size" or
// subsection header would make it allocate gigabytes and crash.
func checkPDFObjectCounts(data []byte) bool {
	limit := int64(len(data)) + 16
	big := func(s []byte) bool {
		n, err := strconv.ParseInt(string(s), 10, 64)
		return err != nil || n > limit
	}
	for _, m := range pdfSizeRe.FindAllSubmatch(data, -1) {
		if big(m[1]) {
			return false
		}
	}
	for _, m := range pdfIndexRe.FindAllSubmatch(data, -1) {
		f := bytes.Fields(m[1])
		for i := 0; i+1 < len(f); i += 2 {
			a, errA := strconv.ParseInt(string(f[i]), 10, 64)
			b, errB := strconv.ParseInt(string(f[i+1]), 10, 64)
			if errA != nil || errB != nil || a+b > limit {
				return false
			}
		}
	}
	for _, loc := range pdfXrefRe.FindAllIndex(data, -1) {
		rest := data[loc[1]:]
		for len(rest) > 0 {
			line, next, _ := bytes.Cut(rest, []byte("\n"))
			m := pdfNumsRe.FindSubmatch(line)
			if m == nil {
				break
			}
			if len(bytes.Fields(line)) == 2 {
				a, errA := strconv.ParseInt(string(m[1]), 10, 64)
				b, errB := strconv.ParseInt(string(m[2]), 10, 64)
				if errA != nil || errB != nil || a+b > limit {
					return false
				}
			}
			rest = next
		}
	}
	return true
}

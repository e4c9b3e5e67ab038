package extract

import (
	"fmt"
	"strconv"

	"github.com/attache-app/attache/resources"
)

// CAMEOCode is one entry of the CAMEO event codebook, for pickers and labels.
type CAMEOCode struct {
	Code      string  // keeps its leading zero: "041"
	Name      string  // "Discuss by telephone"
	Goldstein float64 // conflict–cooperation score, -10..10
	Type      string  // PLOVER event type in capitals, "" for public statements (01x)
	Mode      string  // PLOVER-style mode, e.g. "phone", may be ""
}

var (
	cameoList   []CAMEOCode
	cameoByCode = map[string]CAMEOCode{}
	cameoErr    error
)

func init() {
	cameoErr = eachLine(resources.GazetteerCAMEOCodes, func(f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("want at least 3 fields, have %d", len(f))
		}
		g, err := strconv.ParseFloat(field(f, 2), 64)
		if err != nil {
			return fmt.Errorf("goldstein %q: %w", field(f, 2), err)
		}
		c := CAMEOCode{Code: field(f, 0), Name: field(f, 1), Goldstein: g, Type: field(f, 3), Mode: field(f, 4)}
		cameoList = append(cameoList, c)
		cameoByCode[c.Code] = c
		return nil
	})
}

// CAMEOCodes returns the CAMEO codebook in code order, each with its Goldstein
// score and PLOVER type. The slice is a copy the caller may keep.
func CAMEOCodes() []CAMEOCode {
	return append([]CAMEOCode(nil), cameoList...)
}

// QuadClass returns the CAMEO quad class of a code: 1 verbal cooperation (01–05),
// 2 material cooperation (06–08), 3 verbal conflict (09–13), 4 material
// conflict (14–20); 0 for a malformed code.
func QuadClass(code string) int {
	if len(code) < 2 {
		return 0
	}
	root, err := strconv.Atoi(code[:2])
	if err != nil {
		return 0
	}
	switch {
	case root >= 1 && root <= 5:
		return 1
	case root >= 6 && root <= 8:
		return 2
	case root >= 9 && root <= 13:
		return 3
	case root >= 14 && root <= 20:
		return 4
	}
	return 0
}

package extract

import (
	"fmt"
	"strconv"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/resources"
)

// CAMEOCode is one entry of the CAMEO event codebook, for pickers and labels.
type CAMEOCode struct {
	Code      string          // keeps its leading zero: "041"
	Name      string          // "Discuss by telephone"
	Goldstein float64         // conflict–cooperation score, -10..10
	Type      model.EventType // "" for public statements (01x)
	Mode      string          // PLOVER-style mode, e.g. "phone", may be ""
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
		c := CAMEOCode{Code: field(f, 0), Name: field(f, 1), Goldstein: g, Type: model.EventType(field(f, 3)), Mode: field(f, 4)}
		if err := c.Type.Valid(); err != nil {
			return fmt.Errorf("code %s: %w", c.Code, err)
		}
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

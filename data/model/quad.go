package model

import "strconv"

// QuadClass is the CAMEO quad class of an event; 0 means unknown.
type QuadClass int

// The four quad classes, from cooperation to conflict.
const (
	VerbalCooperation   QuadClass = 1 // CAMEO roots 01–05
	MaterialCooperation QuadClass = 2 // CAMEO roots 06–08
	VerbalConflict      QuadClass = 3 // CAMEO roots 09–13
	MaterialConflict    QuadClass = 4 // CAMEO roots 14–20
)

// Label names the quad class as the analyst sees it ("" when unknown).
func (q QuadClass) Label() string {
	switch q {
	case VerbalCooperation:
		return "verbal cooperation"
	case MaterialCooperation:
		return "material cooperation"
	case VerbalConflict:
		return "verbal conflict"
	case MaterialConflict:
		return "material conflict"
	}
	return ""
}

// CAMEOQuadClass returns the quad class of a CAMEO code from its two-digit
// root; 0 for a malformed code.
func CAMEOQuadClass(code string) QuadClass {
	if len(code) < 2 {
		return 0
	}
	root, err := strconv.Atoi(code[:2])
	if err != nil {
		return 0
	}
	switch {
	case root >= 1 && root <= 5:
		return VerbalCooperation
	case root >= 6 && root <= 8:
		return MaterialCooperation
	case root >= 9 && root <= 13:
		return VerbalConflict
	case root >= 14 && root <= 20:
		return MaterialConflict
	}
	return 0
}

// EventQuadClass returns the quad class of an event: from its CAMEO code
// when that is a valid code, else from its PLOVER type; 0 when neither tells.
func EventQuadClass(cameo string, t EventType) QuadClass {
	if q := CAMEOQuadClass(cameo); q != 0 {
		return q
	}
	return t.QuadClass()
}

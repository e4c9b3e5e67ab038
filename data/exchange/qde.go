package exchange

import "encoding/xml"

// Namespaces of the two REFI-QDA schemas.
const (
	projectNS  = "urn:QDA-XML:project:1.0"
	codebookNS = "urn:QDA-XML:codebook:1.0"
)

// The types below are the part of the REFI-QDA project schema
// (Project-mrt2019.xsd) that Attaché reads and writes. Field order is the
// schema's sequence order: encoding/xml writes fields in declaration order.

// qdeProject is the root element of project.qde.
type qdeProject struct {
	XMLName          xml.Name      `xml:"Project"`
	Xmlns            string        `xml:"xmlns,attr,omitempty"`
	Name             string        `xml:"name,attr"`
	Origin           string        `xml:"origin,attr,omitempty"`
	CreatingUserGUID string        `xml:"creatingUserGUID,attr,omitempty"`
	Users            *qdeUsers     `xml:"Users"`
	CodeBook         *qdeCodeBook  `xml:"CodeBook"`
	Variables        *qdeVariables `xml:"Variables"`
	Sources          *qdeSources   `xml:"Sources"`
	Notes            *qdeNotes     `xml:"Notes"`
	Links            *qdeLinks     `xml:"Links"`
}

type qdeUsers struct {
	User []qdeUser `xml:"User"`
}

type qdeUser struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:"name,attr,omitempty"`
}

// qdeCodeBook is both the CodeBook of a project and the root of a .qdc
// codebook (which lives in its own namespace and has an origin).
type qdeCodeBook struct {
	XMLName xml.Name  `xml:"CodeBook"`
	Xmlns   string    `xml:"xmlns,attr,omitempty"`
	Origin  string    `xml:"origin,attr,omitempty"`
	Codes   *qdeCodes `xml:"Codes"`
}

type qdeCodes struct {
	Code []*qdeCode `xml:"Code"`
}

type qdeCode struct {
	GUID        string     `xml:"guid,attr"`
	Name        string     `xml:"name,attr"`
	IsCodable   bool       `xml:"isCodable,attr"`
	Color       string     `xml:"color,attr,omitempty"`
	Description string     `xml:"Description,omitempty"`
	NoteRef     []qdeRef   `xml:"NoteRef"`
	Code        []*qdeCode `xml:"Code"`
}

type qdeVariables struct {
	Variable []qdeVariable `xml:"Variable"`
}

type qdeVariable struct {
	GUID           string `xml:"guid,attr"`
	Name           string `xml:"name,attr"`
	TypeOfVariable string `xml:"typeOfVariable,attr"`
}

type qdeVariableValue struct {
	VariableRef qdeRef  `xml:"VariableRef"`
	TextValue   *string `xml:"TextValue"`
	DateValue   *string `xml:"DateValue"`
	// DateTimeValue, IntegerValue… are read as text when present.
	DateTimeValue *string `xml:"DateTimeValue"`
	IntegerValue  *string `xml:"IntegerValue"`
	FloatValue    *string `xml:"FloatValue"`
	BooleanValue  *string `xml:"BooleanValue"`
}

// qdeSources holds the sources in document order; only text sources and
// the text representation of PDF sources carry text Attaché can read.
type qdeSources struct {
	Text    []qdeTextSource  `xml:"TextSource"`
	PDF     []qdePDFSource   `xml:"PDFSource"`
	Picture []qdeOtherSource `xml:"PictureSource"`
	Audio   []qdeOtherSource `xml:"AudioSource"`
	Video   []qdeOtherSource `xml:"VideoSource"`
}

// qdeTextSource is a TextSourceType: a text source, a note, or the text
// representation of a PDF.
type qdeTextSource struct {
	GUID             string             `xml:"guid,attr"`
	Name             string             `xml:"name,attr,omitempty"`
	RichTextPath     string             `xml:"richTextPath,attr,omitempty"`
	PlainTextPath    string             `xml:"plainTextPath,attr,omitempty"`
	CreatingUser     string             `xml:"creatingUser,attr,omitempty"`
	Description      string             `xml:"Description,omitempty"`
	PlainTextContent *string            `xml:"PlainTextContent"`
	Selection        []qdeSelection     `xml:"PlainTextSelection"`
	Coding           []qdeCoding        `xml:"Coding"`
	NoteRef          []qdeRef           `xml:"NoteRef"`
	VariableValue    []qdeVariableValue `xml:"VariableValue"`
}

type qdePDFSource struct {
	GUID           string         `xml:"guid,attr"`
	Name           string         `xml:"name,attr"`
	Representation *qdeTextSource `xml:"Representation"`
}

type qdeOtherSource struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:"name,attr"`
}

type qdeSelection struct {
	GUID          string      `xml:"guid,attr"`
	Name          string      `xml:"name,attr,omitempty"`
	StartPosition string      `xml:"startPosition,attr"`
	EndPosition   string      `xml:"endPosition,attr"`
	CreatingUser  string      `xml:"creatingUser,attr,omitempty"`
	ModifyingUser string      `xml:"modifyingUser,attr,omitempty"`
	Description   string      `xml:"Description,omitempty"`
	Coding        []qdeCoding `xml:"Coding"`
	NoteRef       []qdeRef    `xml:"NoteRef"`
}

type qdeCoding struct {
	GUID         string `xml:"guid,attr"`
	CreatingUser string `xml:"creatingUser,attr,omitempty"`
	CodeRef      qdeRef `xml:"CodeRef"`
}

// qdeRef is any of the schema's reference types (CodeRef, NoteRef,
// VariableRef…): a target GUID.
type qdeRef struct {
	TargetGUID string `xml:"targetGUID,attr"`
}

type qdeNotes struct {
	Note []qdeTextSource `xml:"Note"`
}

type qdeLinks struct {
	Link []qdeLink `xml:"Link"`
}

type qdeLink struct {
	GUID       string `xml:"guid,attr"`
	OriginGUID string `xml:"originGUID,attr,omitempty"`
	TargetGUID string `xml:"targetGUID,attr,omitempty"`
}

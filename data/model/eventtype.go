package model

import "strings"

// EventType is a PLOVER event type, written in capitals. The zero value ""
// means not yet typed.
type EventType string

// PLOVER's sixteen event types, from cooperation to conflict (the order the
// UI lists them and sorts by).
const (
	EventAgree     EventType = "AGREE"
	EventConsult   EventType = "CONSULT"
	EventSupport   EventType = "SUPPORT"
	EventConcede   EventType = "CONCEDE"
	EventCooperate EventType = "COOPERATE"
	EventAid       EventType = "AID"
	EventRetreat   EventType = "RETREAT"
	EventRequest   EventType = "REQUEST"
	EventAccuse    EventType = "ACCUSE"
	EventReject    EventType = "REJECT"
	EventThreaten  EventType = "THREATEN"
	EventProtest   EventType = "PROTEST"
	EventSanction  EventType = "SANCTION"
	EventMobilize  EventType = "MOBILIZE"
	EventCoerce    EventType = "COERCE"
	EventAssault   EventType = "ASSAULT"
)

// eventTypes holds what the model knows of each type, in UI order.
var eventTypes = []struct {
	t     EventType
	quad  QuadClass
	roots []string
}{
	{EventAgree, VerbalCooperation, []string{"03"}},
	{EventConsult, VerbalCooperation, []string{"04"}},
	{EventSupport, VerbalCooperation, []string{"05"}},
	{EventConcede, MaterialCooperation, []string{"08"}},
	{EventCooperate, MaterialCooperation, []string{"06"}},
	{EventAid, MaterialCooperation, []string{"07"}},
	{EventRetreat, MaterialCooperation, []string{"08"}},
	{EventRequest, VerbalCooperation, []string{"02", "10"}},
	{EventAccuse, VerbalConflict, []string{"09", "11"}},
	{EventReject, VerbalConflict, []string{"12"}},
	{EventThreaten, VerbalConflict, []string{"13"}},
	{EventProtest, MaterialConflict, []string{"14"}},
	{EventSanction, MaterialConflict, []string{"16"}},
	{EventMobilize, MaterialConflict, []string{"15"}},
	{EventCoerce, MaterialConflict, []string{"17"}},
	{EventAssault, MaterialConflict, []string{"18", "19", "20"}},
}

// EventTypes lists PLOVER's event types, cooperation to conflict.
func EventTypes() []EventType {
	out := make([]EventType, len(eventTypes))
	for i, e := range eventTypes {
		out[i] = e.t
	}
	return out
}

// ParseEventType reads a type as an analyst or a file may write it (any
// case, surrounding space); the result still needs Valid.
func ParseEventType(s string) EventType { return EventType(strings.ToUpper(strings.TrimSpace(s))) }

// Label is the type as the analyst sees it.
func (t EventType) Label() string { return string(t) }

// Valid refuses a type that is neither "" (not yet typed) nor one of EventTypes.
func (t EventType) Valid() error { return optional("event type", t, EventTypes()) }

// Rank orders types from cooperation to conflict; "" and unknown types
// sort last.
func (t EventType) Rank() int { return rankOrLast(EventTypes(), t) }

// QuadClass is the quad class of the CAMEO roots the type stands for; 0 for
// "" or an unknown type.
func (t EventType) QuadClass() QuadClass {
	for _, e := range eventTypes {
		if e.t == t {
			return e.quad
		}
	}
	return 0
}

// CAMEORoots lists the two-digit CAMEO root codes whose events the type
// gathers (Attaché's codebook, resources/gazetteer/cameo_codes.tsv, maps
// each code to one of them).
func (t EventType) CAMEORoots() []string {
	for _, e := range eventTypes {
		if e.t == t {
			return append([]string(nil), e.roots...)
		}
	}
	return nil
}

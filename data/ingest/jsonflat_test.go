package ingest

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"
)

// flatCases are JSON Lines records and near misses: escapes of every kind,
// surrogate pairs and lone halves, invalid UTF-8, numbers, literals,
// repeated keys, nesting and malformed text.
var flatCases = []string{
	`{"title":"Talks resume","body":"GENEVA, March 3 - Talks resumed.\n    Diplomats said so.","published":"1987-03-03T10:00:00Z"}`,
	`{}`,
	"{\"body\":\"A plain run longer than eight bytes, then \\\"quotes\\\" and a \\\\ backslash,\\ta tab, caf\xc3\xa9 and \x7f DEL.\"}",
	` { "a" : "b" , "c" : 1 } `,
	`{"a":"\"\\\/\b\f\n\r\t"}`,
	`{"a":"\u00e9\u4e60\uD83D\uDE00 \ud83d\ude00"}`,
	`{"a":"lone \ud800 half","b":"\udc00\ud800","c":"\ud800\u0041","d":"\uD800\uD800\uDC00"}`,
	"{\"a\":\"bad \xff\xfe utf-8 \xe2\x82 cut\"}",
	"{\"a\":\"h\xc3\xa9llo \xef\xbf\xbd\"}",
	`{"n":0,"m":-12.5e+3,"k":1E9,"z":-0,"f":0.25}`,
	`{"t":true,"f":false,"x":null}`,
	`{"a":"first","a":"second"}`,
	`{"s":"1","r":"2","q":"3","p":"4","o":"5","n":"6","m":"7","l":"8","k":"9","j":"10","i":"11","h":"12","g":"13","f":"14","e":"15","d":"16","c":"17","b":"18","a":"19","q":"20","body":"text"}`,
	`{"nested":{"name":"Reuters"},"body":"text"}`,
	`{"list":["a","b"],"body":"text"}`,
	`{"a":01}`, `{"a":1.}`, `{"a":.5}`, `{"a":-}`, `{"a":1e}`, `{"a":+1}`, `{"a":1x}`,
	`{"a":tru}`, `{"a":truex}`, `{"a":nul}`,
	`{"a":"\x"}`, `{"a":"\u12"}`, `{"a":"\u12G4"}`, "{\"a\":\"tab\there\"}",
	`{"a":"unterminated}`, `{"a" "b"}`, `{"a":"b",}`, `{"a":"b"`, `{"a":"b"} trailing`, `{"a":"b"}{"c":"d"}`,
	`{a:"b"}`, `["a"]`, `"text"`, `null`, `42`, ``, `{`, `}`,
}

// TestFlatDecoderMatchesEncodingJSON checks that every record the fast
// decoder takes decodes to what encoding/json gives, and that the records of
// a JSON Lines file written by common tools are taken.
func TestFlatDecoderMatchesEncodingJSON(t *testing.T) {
	for _, c := range flatCases {
		checkFlatObject(t, []byte(c))
	}
	for _, c := range []string{flatCases[0], `{}`, ` { "a" : "b" , "c" : 1 } `, `{"a":"\"\\\/\b\f\n\r\t"}`, `{"t":true,"f":false,"x":null}`} {
		if _, ok := new(flatDecoder).decode([]byte(c)); !ok {
			t.Errorf("flatDecoder.decode(%s) not taken", c)
		}
	}
}

func FuzzFlatDecoder(f *testing.F) {
	for _, c := range flatCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFlatObject(t, data)
	})
}

// checkFlatObject compares flatDecoder with encoding/json on data, decoding
// it twice with one decoder (the second time over the buffer of the first).
func checkFlatObject(t *testing.T, data []byte) {
	t.Helper()
	var dec flatDecoder
	dec.decode(data)
	got, ok := dec.decode(data)
	if !ok {
		if got != nil {
			t.Fatalf("flatDecoder.decode(%q) refused the record but returned %v", data, got)
		}
		return
	}
	var m map[string]any
	std := json.NewDecoder(bytes.NewReader(data))
	std.UseNumber()
	if err := std.Decode(&m); err != nil {
		t.Fatalf("flatDecoder.decode(%q) = %v, encoding/json refuses it: %v", data, got, err)
	}
	if std.More() {
		t.Fatalf("flatDecoder.decode(%q) = %v, encoding/json finds more after the object", data, got)
	}
	if want := fieldsOf(m); !slices.Equal(got, want) {
		t.Fatalf("flatDecoder.decode(%q) = %#v, encoding/json gives %#v", data, got, want)
	}
}

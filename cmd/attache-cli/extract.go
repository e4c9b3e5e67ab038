package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/attache-app/attache/data/extract"
	"github.com/attache-app/attache/data/model"
)

func init() {
	register(command{
		name:    "extract",
		usage:   "extract [--published YYYY-MM-DD]",
		summary: "code entities and events of JSONL records {id, text|body, published?} from stdin (no database)",
		run:     runExtract,
	})
}

// extractInput is one input record.
type extractInput struct {
	ID        json.RawMessage `json:"id"`
	Text      *string         `json:"text"`
	Body      *string         `json:"body"`
	Published string          `json:"published"`
}

type extractEntityOut struct {
	Name    string           `json:"name"`
	Kind    model.EntityKind `json:"kind"`
	Country string           `json:"country"`
	Role    string           `json:"role"`
	Aliases []string         `json:"aliases"`
	Start   int              `json:"start"`
	End     int              `json:"end"`
}

type extractActorOut struct {
	Name    string           `json:"name"`
	Kind    model.EntityKind `json:"kind"`
	Country string           `json:"country"`
}

type extractEventOut struct {
	Actor         []extractActorOut `json:"actor"`
	Recipient     []extractActorOut `json:"recipient"`
	Event         model.EventType   `json:"event"`
	Mode          string            `json:"mode"`
	CAMEO         string            `json:"cameo"`
	Goldstein     float64           `json:"goldstein"`
	Date          string            `json:"date"`
	DatePrecision model.Precision   `json:"date_precision"`
	DateText      string            `json:"date_text"`
	DateBasis     model.DateBasis   `json:"date_basis"`
	Location      string            `json:"location"`
	Start         int               `json:"start"`
	End           int               `json:"end"`
}

type extractOut struct {
	ID       json.RawMessage    `json:"id"`
	Entities []extractEntityOut `json:"entities"`
	Events   []extractEventOut  `json:"events"`
}

func runExtract(e *env) int {
	fs := e.newFlags()
	published := fs.String("published", "", "publication date (YYYY-MM-DD) for records without one")
	if code, ok := e.parse(fs); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return e.misuse("unexpected argument %q", fs.Arg(0))
	}
	if err := model.ValidDate(*published); err != nil {
		return e.misuse("--published: %v", err)
	}
	x, err := extract.New()
	if err != nil {
		return e.fail(err)
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	rd := bufio.NewReaderSize(e.stdin, 1<<20)
	failed := false
	for n := 1; ; n++ {
		line, err := rd.ReadString('\n')
		if strings.TrimSpace(line) != "" {
			rec, perr := parseExtractLine(line, *published)
			if perr != nil {
				out.Flush()
				fmt.Fprintf(e.stderr, "attache-cli extract: line %d: %v\n", n, perr)
				failed = true
			} else if werr := enc.Encode(extractRecord(x, rec)); werr != nil {
				return e.fail(werr)
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return e.fail(fmt.Errorf("read stdin: %w", err))
		}
	}
	if failed {
		return 1
	}
	return 0
}

func parseExtractLine(line, published string) (extractInput, error) {
	var in extractInput
	dec := json.NewDecoder(strings.NewReader(line))
	if err := dec.Decode(&in); err != nil {
		return in, fmt.Errorf("not a JSON object: %v", err)
	}
	if len(in.ID) == 0 || string(in.ID) == "null" {
		return in, errors.New(`missing "id"`)
	}
	if in.Text == nil && in.Body == nil {
		return in, errors.New(`missing "text" or "body"`)
	}
	if in.Text == nil {
		in.Text = in.Body
	}
	if in.Published == "" {
		in.Published = published
	} else if err := model.ValidDate(in.Published); err != nil {
		return in, fmt.Errorf("published: %w", err)
	}
	return in, nil
}

func extractRecord(x *extract.Extractor, in extractInput) extractOut {
	r := x.Extract(*in.Text, in.Published)
	o := extractOut{ID: in.ID, Entities: []extractEntityOut{}, Events: []extractEventOut{}}
	for _, en := range r.Entities {
		rec := extractEntityOut{Name: en.Name, Kind: en.Kind, Country: en.Country, Role: en.Role, Aliases: en.Aliases}
		if rec.Aliases == nil {
			rec.Aliases = []string{}
		}
		if len(en.Mentions) > 0 {
			rec.Start, rec.End = en.Mentions[0].Start, en.Mentions[0].End
		}
		o.Entities = append(o.Entities, rec)
	}
	actors := func(ids []int) []extractActorOut {
		out := []extractActorOut{}
		for _, id := range ids {
			en := r.Entities[id]
			out = append(out, extractActorOut{Name: en.Name, Kind: en.Kind, Country: en.Country})
		}
		return out
	}
	for _, ev := range r.Events {
		o.Events = append(o.Events, extractEventOut{
			Actor: actors(ev.Actors), Recipient: actors(ev.Recipients),
			Event: ev.Type, Mode: ev.Mode, CAMEO: ev.CAMEO, Goldstein: ev.Goldstein,
			Date: ev.Date, DatePrecision: ev.Precision, DateText: ev.DateText, DateBasis: ev.DateBasis, Location: ev.Location,
			Start: ev.Start, End: ev.End,
		})
	}
	return o
}

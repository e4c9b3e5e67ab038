package postgres_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/attache-app/attache/data/exchange"
	"github.com/attache-app/attache/data/export"
	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
)

func TestItemsNameTheMemberWhoCreatedAndWhoChangedThem(t *testing.T) {
	p, _, ana, bea, art := team(t)
	ctx := context.Background()
	anaName, beaName := p.DB+"_ana", p.DB+"_bea"
	pid, err := bea.CreatePassage(ctx, store.Passage{ArticleID: art, Start: 0, End: 10, Note: "who spoke"})
	if err != nil {
		t.Fatal(err)
	}
	if err := ana.SetPassageNote(ctx, pid, "Xi and Trump"); err != nil {
		t.Fatal(err)
	}
	eid, err := ana.CreateEvent(ctx, store.Event{ArticleID: art, Start: 0, End: 40, Type: "CONSULT", Mode: "phone"})
	if err != nil {
		t.Fatal(err)
	}
	if err := bea.SetEventStatus(ctx, eid, model.StatusRejected); err != nil {
		t.Fatal(err)
	}
	if err := bea.SetEventStatus(ctx, eid, model.StatusConfirmed); err != nil {
		t.Fatal(err)
	}

	ps, err := ana.Passage(ctx, pid)
	if err != nil {
		t.Fatal(err)
	}
	if want := (model.Who{CreatedBy: beaName, ChangedBy: anaName}); (model.Who{CreatedBy: ps.CreatedBy, ChangedBy: ps.ChangedBy}) != want {
		t.Errorf("passage: %+v, want %+v", ps.Who, want)
	}
	ev, err := ana.Event(ctx, eid)
	if err != nil {
		t.Fatal(err)
	}
	if want := (model.Who{CreatedBy: anaName, ChangedBy: beaName}); (model.Who{CreatedBy: ev.CreatedBy, ChangedBy: ev.ChangedBy}) != want {
		t.Errorf("event: %+v, want %+v", ev.Who, want)
	}

	// Exports credit each item to its last coder.
	evs, err := export.EventsFromStore(ctx, ana, store.EventFilter{})
	if err != nil || len(evs) != 1 || evs[0].Coder != beaName {
		t.Errorf("exported events: %+v %v", evs, err)
	}
	var csv bytes.Buffer
	if err := export.WriteEventsCSV(&csv, evs); err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(csv.String(), "\r\n"); !strings.HasSuffix(first, ",note,coder") || !strings.Contains(csv.String(), ","+beaName+"\r\n") {
		t.Errorf("events CSV lacks the coder column:\n%s", csv.String())
	}
	pr, err := export.PassagesFromStore(ctx, bea, store.PassageFilter{})
	if err != nil || len(pr) != 1 || pr[0].Coder != anaName {
		t.Errorf("exported passages: %+v %v", pr, err)
	}

	// REFI-QDA: both members are Users, and the coded items name theirs.
	var qdpx bytes.Buffer
	if _, err := exchange.ExportProject(ctx, ana, &qdpx, exchange.ExportOptions{Name: "team", User: anaName, Events: true}); err != nil {
		t.Fatal(err)
	}
	qde := readQDE(t, qdpx.Bytes())
	users := map[string]string{}
	for _, u := range qde.Users.User {
		users[u.GUID] = u.Name
	}
	if len(users) != 2 {
		t.Errorf("users %v, want ana and bea", users)
	}
	sels := qde.Sources.TextSource[0].PlainTextSelection
	if len(sels) != 2 {
		t.Fatalf("%d selections, want the passage and the event", len(sels))
	}
	for _, sel := range sels {
		creator, modifier := users[sel.CreatingUser], users[sel.ModifyingUser]
		switch sel.Description {
		case "Xi and Trump":
			if creator != beaName || modifier != anaName {
				t.Errorf("passage selection by %q/%q", creator, modifier)
			}
		default:
			if creator != anaName || modifier != beaName || len(sel.Coding) != 1 || users[sel.Coding[0].CreatingUser] != anaName {
				t.Errorf("event selection %q by %q/%q", sel.Description, creator, modifier)
			}
		}
	}
}

// qdeDoc is what the test reads of a project.qde.
type qdeDoc struct {
	Users struct {
		User []struct {
			GUID string `xml:"guid,attr"`
			Name string `xml:"name,attr"`
		} `xml:"User"`
	} `xml:"Users"`
	Sources struct {
		TextSource []struct {
			PlainTextSelection []struct {
				CreatingUser  string `xml:"creatingUser,attr"`
				ModifyingUser string `xml:"modifyingUser,attr"`
				Description   string `xml:"Description"`
				Coding        []struct {
					CreatingUser string `xml:"creatingUser,attr"`
				} `xml:"Coding"`
			} `xml:"PlainTextSelection"`
		} `xml:"TextSource"`
	} `xml:"Sources"`
}

func readQDE(t *testing.T, qdpx []byte) qdeDoc {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(qdpx), int64(len(qdpx)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "project.qde" {
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		var d qdeDoc
		if err := xml.Unmarshal(data, &d); err != nil {
			t.Fatal(err)
		}
		return d
	}
	t.Fatal("no project.qde in the export")
	return qdeDoc{}
}

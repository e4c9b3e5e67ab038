package suggest_test

import (
	"testing"

	"github.com/attache-app/attache/data/model"
	"github.com/attache-app/attache/data/store"
	"github.com/attache-app/attache/data/store/internal/suggest"
)

func TestNamesFoldAsNOCASEAndSkipBlanks(t *testing.T) {
	se := store.SuggestedEntity{Name: "Xi JINPING", Aliases: []model.Alias{{Name: " "}, {Name: "習近平"}, {Name: "ÉLYSÉE"}}}
	got := suggest.Names(se)
	want := []suggest.Name{{Kind: model.KindOther, Folded: "xi jinping"}, {Kind: model.KindOther, Folded: "習近平"}, {Kind: model.KindOther, Folded: "ÉlysÉe"}}
	if len(got) != len(want) {
		t.Fatalf("Names = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Names[%d] = %v, want %v (only ASCII letters lose their case)", i, got[i], want[i])
		}
	}
}

func TestMachineKeysShiftWithTheirSpan(t *testing.T) {
	key := suggest.MachineKey("event", 10, 25, "ab:cd")
	moved := suggest.ShiftKey(key, -7)
	if start, end, ok := suggest.KeySpan(moved); !ok || start != 3 || end != 18 {
		t.Errorf("KeySpan(%q) = %d, %d, %v; want 3, 18", moved, start, end, ok)
	}
	if suggest.ShiftKey("not a key", 5) != "not a key" {
		t.Error("a malformed key changed")
	}
}

func TestCheckExtractionNamesWhatIsWrong(t *testing.T) {
	ok := store.Extraction{Entities: []store.SuggestedEntity{{Name: "Xi", Mentions: []model.Span{{Start: 0, End: 2}}}},
		Events: []store.SuggestedEvent{{Actors: []int{0}, Type: "consult", Start: 0, End: 2}}}
	evs, err := suggest.CheckExtraction(ok, 7, 10)
	if err != nil || len(evs) != 1 || evs[0].Type != model.EventConsult || evs[0].Status != model.StatusSuggested || evs[0].ArticleID != 7 {
		t.Fatalf("CheckExtraction = %+v, %v", evs, err)
	}
	bad := ok
	bad.Events = []store.SuggestedEvent{{Actors: []int{3}}}
	if _, err := suggest.CheckExtraction(bad, 7, 10); err == nil {
		t.Error("an actor index out of range accepted")
	}
}

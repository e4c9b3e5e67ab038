package app

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestFindInArticle types into the find bar (Ctrl+F) and checks that every
// case-insensitive occurrence is found, counted and stepped through.
func TestFindInArticle(t *testing.T) {
	d := newDesk(t)
	d.importSeed()
	d.openListed(0)
	r := d.wb.reader
	body := r.view.Text()
	lower := strings.ToLower(body)

	for _, tc := range []struct{ name, query, want string }{
		{"mixed case", "tRUMP", "trump"},
		{"phrase", "Supreme Court", "supreme court"},
		{"chinese", "近平", "近平"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := strings.Count(lower, tc.want)
			if n == 0 {
				t.Fatalf("the seed article has no %q", tc.want)
			}
			d.wb.win.Canvas().Focus(nil)
			r.showFind()
			if !r.find.box.Visible() {
				t.Fatal("Ctrl+F did not show the find bar")
			}
			if d.wb.win.Canvas().Focused() != r.find.entry {
				t.Error("the find entry does not have the focus")
			}
			r.find.entry.SetText("")
			test.Type(r.find.entry, tc.query)
			if len(r.find.hits) != n {
				t.Fatalf("found %d occurrences of %q, want %d", len(r.find.hits), tc.query, n)
			}
			runes := []rune(body)
			for _, h := range r.find.hits {
				if got := string(runes[h.Start:h.End]); !strings.EqualFold(got, tc.query) {
					t.Errorf("hit [%d,%d) reads %q, not %q", h.Start, h.End, got, tc.query)
				}
			}
			if got, want := r.find.count.Text, "1 of "+strconv.Itoa(n); got != want {
				t.Errorf("the find bar reports %q, want %q", got, want)
			}
			if n > 1 {
				r.find.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
				if got, want := r.find.count.Text, "2 of "+strconv.Itoa(n); got != want {
					t.Errorf("after Enter the find bar reports %q, want %q", got, want)
				}
			}
		})
	}

	r.find.entry.SetText("")
	test.Type(r.find.entry, "no such words")
	if got := r.find.count.Text; got != "no matches" {
		t.Errorf("a query without hits reports %q, want no matches", got)
	}

	// Escape closes the bar, clears the marks and gives the text the focus;
	// Ctrl+F again shows the query's matches again.
	r.find.entry.SetText("xi")
	n := len(r.find.hits)
	r.find.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if r.find.box.Visible() || len(r.find.hits) != 0 || d.wb.win.Canvas().Focused() != r.view {
		t.Errorf("after Escape the find bar is visible %v, holds %d matches, focus on %T", r.find.box.Visible(), len(r.find.hits), d.wb.win.Canvas().Focused())
	}
	d.press(fyne.KeyF, fyne.KeyModifierControl)
	if len(r.find.hits) != n || n == 0 || r.find.count.Text != "1 of "+strconv.Itoa(n) {
		t.Errorf("the reopened find bar holds %q and shows %d matches (%q), want %d", r.find.entry.Text, len(r.find.hits), r.find.count.Text, n)
	}
}

// TestSearchProjectOpensHit searches the project for a Chinese name and
// chooses the hit: the article opens with the hit highlighted.
func TestSearchProjectOpensHit(t *testing.T) {
	d := newDesk(t)
	d.importSeed()
	d.openListed(4) // another article is open before the search
	d.wb.showSearch()
	query := overlayWith[*widget.Entry](d, "the search dialog")
	test.Type(query, "近平")
	list := overlayWith[*widget.List](d, "the hit list")
	d.waitFor("a search hit", func() bool { return list.Length() > 0 })
	if list.Length() != 1 {
		t.Errorf("the search lists %d articles, want the phone-call article alone", list.Length())
	}
	if !anyContains(labelTexts(d.overlay()), "1 article") {
		t.Errorf("the dialog does not count the hits: %q", labelTexts(d.overlay()))
	}

	list.Select(0)
	r := d.wb.reader
	d.waitFor("the hit's article in the reader", func() bool {
		return strings.Contains(r.view.Text(), "phone call") && r.hitEnd > r.hitStart
	})
	if d.overlay() != nil {
		t.Error("the search dialog is still open after choosing a hit")
	}
	runes := []rune(r.view.Text())
	if got := string(runes[r.hitStart:r.hitEnd]); !strings.Contains(got, "近平") {
		t.Errorf("the highlighted hit reads %q, want 近平", got)
	}
	if !highlightAt(r.view, r.hitStart, findColour) {
		t.Error("the reader does not draw the hit's highlight")
	}
	if d.wb.centre.SelectedIndex() != 0 {
		t.Error("choosing a hit does not show the Article tab")
	}

	// The sidebar's full-text filter narrows the list the same way.
	d.wb.articles.filter.SetText("近平")
	d.waitFor("the filtered list", func() bool { return d.wb.articles.rows.len() == 1 })
	if got := d.wb.articles.count.Text; got != "1 article" {
		t.Errorf("the filtered list counts %q, want 1 article", got)
	}
	d.wb.articles.filter.SetText("")
	d.waitFor("the whole list", func() bool { return d.wb.articles.rows.len() == 5 })

	// A hit at the end of a long article is scrolled into view.
	d.openListed(4)
	d.wb.showSearch()
	query = overlayWith[*widget.Entry](d, "the search dialog")
	test.Type(query, "韓國瑜")
	list = overlayWith[*widget.List](d, "the hit list")
	d.waitFor("a search hit", func() bool { return list.Length() > 0 })
	list.Select(0)
	d.waitFor("the hit's article", func() bool {
		return d.overlay() == nil && r.hitEnd > r.hitStart && strings.Contains(r.view.Text(), "韓國瑜")
	})
	d.settle()
	at := r.view.PositionOf(r.hitStart)
	if at.Y < 0 || at.Y+r.view.LineHeight() > r.view.Size().Height {
		t.Errorf("the hit is drawn at y=%.0f, outside the %.0f px high view", at.Y, r.view.Size().Height)
	}
}

// TestReextractShowsSuggestions re-runs extraction on an article imported
// without it: suggested mentions appear underlined and the indicator stops.
func TestReextractShowsSuggestions(t *testing.T) {
	d := newDesk(t)
	f := addEvents(t, d.st) // imports the articles without extraction
	d.wb.refresh()
	d.waitFor("the articles listed", func() bool { return d.wb.articles.rows.len() == 5 })
	d.wb.openArticle(f.callArticle.ID, -1, -1)
	r := d.wb.reader
	d.waitFor("the article", func() bool { return r.article.ID == f.callArticle.ID })
	if len(r.mentions) != 0 {
		t.Fatalf("the article has %d mentions before extraction", len(r.mentions))
	}
	r.reextract()
	d.waitWithin(importLimit, "the suggestions", func() bool { return len(r.mentions) > 0 && !d.wb.status.activity.Visible() })
	body := []rune(r.view.Text())
	found := false
	for _, m := range r.mentions {
		if m.Status == "suggested" && string(body[m.Start:m.End]) == "Xi Jinping" {
			found = true
		}
	}
	if !found {
		t.Errorf("no suggested mention of Xi Jinping among %d mentions", len(r.mentions))
	}
}

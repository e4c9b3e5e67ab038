package ingest_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/attache-app/attache/data/ingest"
)

// articleHTML is a short news page around paragraphs of body text.
func articleHTML(head, body string) string {
	return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Envoys meet in Vienna</title>` + head +
		`</head><body><nav><a href="/">Home</a></nav><article><h1>Envoys meet in Vienna</h1>` + body + `</article></body></html>`
}

const viennaPara = "<p>Envoys from the two governments met in Vienna on Tuesday to discuss the exchange of prisoners and the reopening of the border, diplomats said after the meeting.</p>"

// TestHostileWebPages feeds pages built to hang or crash a reader: each is
// refused with one line naming the file, or imported with valid text.
func TestHostileWebPages(t *testing.T) {
	body := strings.Repeat(viennaPara, 3)
	tests := []struct {
		name   string
		data   []byte
		reason string // "" when the page must import
		has    string // text the imported body must hold
	}{
		{name: "nested-divs.html", reason: "open stack of elements exceeds 512",
			data: []byte(articleHTML("", strings.Repeat("<div>", 100000)+body+strings.Repeat("</div>", 100000)))},
		{name: "nested-unclosed.html", reason: "open stack of elements exceeds 512",
			data: []byte(articleHTML("", strings.Repeat("<span><i>", 50000)+body))},
		{name: "nested-tables.html", reason: "open stack of elements exceeds 512",
			data: []byte(articleHTML("", strings.Repeat("<table><tr><td>", 100000)+body))},
		{name: "big-script.html", has: "Envoys from the two governments met in Vienna",
			data: []byte(articleHTML("<script>"+strings.Repeat("var a=1;/*</p><div>*/\n", 50<<20/22)+"</script>", body))},
		{name: "unclosed-script.html", has: "Envoys meet in Vienna",
			data: []byte(articleHTML("", "<script>"+strings.Repeat("document.write('<p>x</p>');", 200000)))},
		{name: "latin1-claims-utf8.html", has: "Zürich’s",
			data: append([]byte(articleHTML("", "<p>")), []byte("Envoys met in Z\xfcrich\x92s old town on Tuesday to discuss the exchange of prisoners and the border, diplomats said after the meeting ended late.</p>")...)},
		{name: "bogus-charset.html", has: "Envoys from the two governments",
			data: []byte(strings.Replace(articleHTML("", body), `charset="utf-8"`, `charset="x-no-such-charset"`, 1))},
		{name: "utf16-claimed.html", has: "Envoys from the two governments",
			data: []byte(strings.Replace(articleHTML("", body), `charset="utf-8"`, `charset="utf-16"`, 1))},
		{name: "broken-utf8.html", has: "Envoys from the two",
			data: []byte(articleHTML("", strings.Replace(body, "Vienna", "Vi\xc3\x28nna\xed\xa0\x80\xf8\x88\x80\x80\x80", -1)))},
		{name: "nul-bytes.html", reason: "binary",
			data: []byte(articleHTML("", body+"\x00\x00\x00"))},
		{name: "entities.html", has: "Envoys from the two",
			data: []byte(articleHTML("", body+strings.Repeat("&amp;&#x10FFFF;&#0;&#xD800;&bogus;", 20000)))},
		{name: "many-attributes.html", has: "Envoys from the two",
			data: []byte(articleHTML("", "<div "+strings.Repeat(`data-x="y" `, 200000)+">"+body+"</div>"))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, err := ingest.ReadFile(context.Background(), writeFile(t, tc.name, tc.data), ingest.Options{})
			if tc.reason != "" {
				if !errors.Is(err, ingest.ErrRefused) || !strings.Contains(err.Error(), tc.reason) ||
					!strings.Contains(err.Error(), tc.name) || strings.Contains(err.Error(), "\n") {
					t.Fatalf("err %v, want a one-line refusal naming the file: %s", err, tc.reason)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != 1 || !utf8.ValidString(arts[0].Body) || !strings.Contains(arts[0].Body, tc.has) {
				t.Fatalf("%d articles, body %q", len(arts), arts[0].Body[:min(len(arts[0].Body), 300)])
			}
			if bytes.Contains([]byte(arts[0].Body), []byte("var a=1")) {
				t.Fatal("script text in the body")
			}
		})
	}
}

// TestHostileSavedPages feeds broken MHTML files.
func TestHostileSavedPages(t *testing.T) {
	head := "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://a.example/\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"B\"\r\n\r\n"
	page := articleHTML("", strings.Repeat(viennaPara, 3))
	tests := []struct{ name, data, reason string }{
		{"no-boundary.mhtml", strings.Replace(head, "\r\n\tboundary=\"B\"", "", 1) + page, "no multipart body"},
		{"no-page.mhtml", head + "--B\r\nContent-Type: image/png\r\n\r\nPNG\r\n--B--\r\n", "no HTML page"},
		{"many-parts.mhtml", head + strings.Repeat("--B\r\nContent-Type: text/css\r\n\r\nbody{}\r\n", 20000) + "--B--\r\n", "no HTML page"},
		{"bad-base64.mhtml", head + "--B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n--B--\r\n", "MHTML"},
		{"not-mime.mhtml", page, "not an MHTML page"},
	}
	for _, tc := range tests {
		_, err := ingest.ReadFile(context.Background(), writeFile(t, tc.name, []byte(tc.data)), ingest.Options{})
		if !errors.Is(err, ingest.ErrRefused) || !strings.Contains(err.Error(), tc.reason) ||
			!strings.Contains(err.Error(), tc.name) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %v, want a one-line refusal: %s", tc.name, err, tc.reason)
		}
	}
	// A page whose closing boundary is missing is still read.
	arts, err := ingest.ReadFile(context.Background(), writeFile(t, "unterminated.mhtml",
		[]byte(head+"--B\r\nContent-Type: text/html\r\n\r\n"+page)), ingest.Options{})
	if err != nil || !strings.Contains(arts[0].Body, "Envoys from the two governments") {
		t.Errorf("unterminated MHTML: %v", err)
	}
}

package main

import (
	"net/url"
	"strings"
	"testing"
)

func TestFileURI(t *testing.T) {
	tests := []struct {
		path, want string
	}{
		{"/tmp/report.html", "file:///tmp/report.html"},
		{"/tmp/news wire/a b.txt", "file:///tmp/news%20wire/a%20b.txt"},
		{"/home/ana/Attaché/dépêche.txt", "file:///home/ana/Attach%C3%A9/d%C3%A9p%C3%AAche.txt"},
		{"/tmp/日本.txt", "file:///tmp/%E6%97%A5%E6%9C%AC.txt"},
		{"/tmp/50%#1?.txt", "file:///tmp/50%25%231%3F.txt"},
		{"/tmp/x\r\ny", "file:///tmp/x%0D%0Ay"},
		{"/tmp/keep-._~", "file:///tmp/keep-._~"},
	}
	for _, tt := range tests {
		if got := fileURI(tt.path); got != tt.want {
			t.Errorf("fileURI(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

// A receiver decoding the URI the standard way must get the path back.
func TestFileURIRoundTrip(t *testing.T) {
	for _, p := range []string{
		"/tmp/plain.txt", "/a b/c+d;e=f&g", "/Посольство/заявление.html",
		"/tmp/한국어 기사.txt", "/tmp/100% sure#?.pdf", "/tmp/e\u0301t\u00e9",
	} {
		u, err := url.Parse(fileURI(p))
		if err != nil {
			t.Fatalf("parse %q: %v", fileURI(p), err)
		}
		if u.Scheme != "file" || u.Host != "" || u.Path != p {
			t.Errorf("%q: decoded scheme %q host %q path %q", p, u.Scheme, u.Host, u.Path)
		}
	}
}

func TestURIList(t *testing.T) {
	got, err := uriList([]string{"/tmp/a.txt", "/tmp/b c.html"})
	if err != nil {
		t.Fatal(err)
	}
	want := "file:///tmp/a.txt\r\nfile:///tmp/b%20c.html\r\n"
	if string(got) != want {
		t.Errorf("uriList = %q, want %q", got, want)
	}
	for _, bad := range [][]string{nil, {"relative/a.txt"}, {"/tmp/ok.txt", "b.txt"}} {
		if _, err := uriList(bad); err == nil || !strings.HasPrefix(err.Error(), "xdnd: ") {
			t.Errorf("uriList(%q) error = %v, want an xdnd error", bad, err)
		}
	}
}

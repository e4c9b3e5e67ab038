package model_test

import (
	"strings"
	"testing"

	"github.com/attache-app/attache/data/model"
)

func TestValidDate(t *testing.T) {
	for _, ok := range []string{"", "2025-01-17", "2024-02-29", "2025-06-24T09:30:00Z", "2025-06-24T09:30:00+02:00"} {
		if err := model.ValidDate(ok); err != nil {
			t.Errorf("ValidDate(%q) = %v, want nil", ok, err)
		}
	}
	for _, tc := range []struct{ in, reason string }{
		{"2025-02-31", "day out of range"},
		{"2025-02-29", "day out of range"},
		{"2025-13-01", "month out of range"},
		{"Friday", "want YYYY-MM-DD or RFC 3339"},
		{"17/01/2025", "want YYYY-MM-DD or RFC 3339"},
		{"2025-02-31T10:00:00Z", "want YYYY-MM-DD or RFC 3339"},
		{"2025-1-7", "want YYYY-MM-DD or RFC 3339"},
	} {
		err := model.ValidDate(tc.in)
		if err == nil {
			t.Errorf("ValidDate(%q) = nil, want an error", tc.in)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, tc.reason) || !strings.Contains(msg, tc.in) || strings.Contains(msg, "\n") {
			t.Errorf("ValidDate(%q) = %q, want one line naming the value and %q", tc.in, msg, tc.reason)
		}
	}
}

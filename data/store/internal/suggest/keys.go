package suggest

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/attache-app/attache/data/store"
)

// EventFingerprint identifies a suggested event apart from its span.
func EventFingerprint(x store.Extraction, sv store.SuggestedEvent) string {
	var b strings.Builder
	for _, idx := range [][]int{sv.Actors, sv.Recipients} {
		for _, i := range idx {
			if i >= 0 && i < len(x.Entities) {
				b.WriteString(strings.ToLower(x.Entities[i].Name))
			}
			b.WriteByte(0)
		}
		b.WriteByte(1)
	}
	for _, f := range []string{string(sv.Type), sv.Mode, sv.CAMEO, sv.Date, sv.EndDate, sv.DateText, sv.Location} {
		b.WriteString(f)
		b.WriteByte(0)
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:8])
}

// MachineKey is "kind:start:end:rest"; the span is kept in the key so that
// splitting and merging articles can shift it.
func MachineKey(kind string, start, end int, rest string) string {
	return kind + ":" + strconv.Itoa(start) + ":" + strconv.Itoa(end) + ":" + rest
}

// ShiftKey moves the span inside a machine key by delta.
func ShiftKey(key string, delta int) string {
	parts := strings.SplitN(key, ":", 4)
	if len(parts) != 4 {
		return key
	}
	start, err1 := strconv.Atoi(parts[1])
	end, err2 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil {
		return key
	}
	return MachineKey(parts[0], start+delta, end+delta, parts[3])
}

// KeySpan returns the span inside a machine key.
func KeySpan(key string) (int, int, bool) {
	parts := strings.SplitN(key, ":", 4)
	if len(parts) != 4 {
		return 0, 0, false
	}
	start, err1 := strconv.Atoi(parts[1])
	end, err2 := strconv.Atoi(parts[2])
	return start, end, err1 == nil && err2 == nil
}

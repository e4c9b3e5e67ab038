// Package exchange reads and writes REFI-QDA files, the exchange standard
// of qualitative data analysis tools (NVivo, ATLAS.ti, MAXQDA, QualCoder):
// a whole project as a .qdpx (a zip holding project.qde and the sources'
// plain text under sources/), and a codebook alone as a .qdc.
//
// Articles are TextSources whose text is the body as stored, so offsets
// need no conversion: REFI-QDA positions count Unicode code points from 0,
// as Attaché's rune offsets do. Tags are Codes (tree, colour, description),
// passages are PlainTextSelections with one Coding per tag and the note as
// Description. Publication, author, URL, date, dateline and language are
// source variables. GUIDs are derived from the project's own ids and
// content hashes, so exporting a project twice gives the same GUIDs.
//
// Reading is defensive: a file with a DTD (entity definitions, external
// entities), nesting or sizes beyond the limits, unsafe paths or malformed
// XML is refused as a whole, with one line naming the file and the reason.
package exchange

import (
	"fmt"

	"github.com/attache-app/attache/data/internal/refusal"
)

// ErrRefused is wrapped by every error that refuses a file as unreadable or
// unsafe.
var ErrRefused = refusal.ErrRefused

func refuse(path, format string, args ...any) error {
	return refusal.New("exchange", path, fmt.Sprintf(format, args...))
}

// Reason returns the reason of a refusal without the file name, or err's
// text for other errors.
func Reason(err error) string { return refusal.Reason(err) }

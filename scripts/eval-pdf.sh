#!/bin/sh
# Measures PDF import against the PDF's own text layer (poppler's pdftotext):
# per PDF the articles made with --split auto and --split none, F1, precision
# and recall of 4-word shingles, characters absent from the reference per
# 1,000, and the seconds ingest takes to read the file (fastest of -runs).
#
# usage: scripts/eval-pdf.sh [-runs N] [-dump DIR] [FOLDER|FILE.pdf...]
#        (default folder: ../shared/corpora/pdf)
set -eu
cd "$(dirname "$0")/.."
command -v pdftotext >/dev/null || { echo "eval-pdf: pdftotext not found (apt-get install poppler-utils)" >&2; exit 1; }
exec go run ./data/ingest/internal/evalpdf "$@"

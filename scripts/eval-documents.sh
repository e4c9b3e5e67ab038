#!/bin/sh
# Runs both document measures in one go: web pages against their marked
# article text (scripts/eval-web.sh) and PDFs against their text layer
# (scripts/eval-pdf.sh), each on its shared corpus.
#
# usage: scripts/eval-documents.sh
set -eu
cd "$(dirname "$0")"
echo "== web pages (../shared/corpora/article-extraction)"
./eval-web.sh
echo
echo "== PDFs (../shared/corpora/pdf)"
./eval-pdf.sh

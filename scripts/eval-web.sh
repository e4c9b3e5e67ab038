#!/bin/sh
# Measures web-page import on the article-extraction corpus: imports each
# page as `attache-cli import --no-extract --split none` does and scores the
# bodies against the text a person marked (4-word shingles, the corpus's own
# measure). Prints F1, precision, recall, the pages refused, empty or split,
# the titles, dates and URLs found in the pages, and the time taken.
#
# usage: scripts/eval-web.sh [-v] [-split none|auto] [-candidate NAME] [CORPUS_DIR]
#        (default corpus: ../shared/corpora/article-extraction; -v adds one line per page;
#        -candidate trafilatura|trafilatura-fallback|trafilatura-precision|trafilatura-recall
#        scores a plain go-trafilatura call instead of the import, for comparison)
set -eu
cd "$(dirname "$0")/.."
flags=""
while [ $# -gt 0 ]; do
	case "$1" in
	-v) flags="$flags -v"; shift ;;
	-split) flags="$flags -split $2"; shift 2 ;;
	-candidate) flags="$flags -candidate $2"; shift 2 ;;
	*) break ;;
	esac
done
corpus=${1:-../shared/corpora/article-extraction}
[ -f "$corpus/ground-truth.json" ] || { echo "eval-web: no ground-truth.json in $corpus" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/evalweb" ./data/ingest/internal/evalweb
# shellcheck disable=SC2086
"$tmp/evalweb" $flags "$corpus"

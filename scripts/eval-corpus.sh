#!/bin/sh
# Measures the extractor on a labelled wire corpus (default
# ../shared/corpora/reuters-21578) the way its README defines: countries
# recall and precision against the place labels (the extracted countries
# not labelled counted by how the story named them), person mentions cut short,
# events per 100 stories that are only company results or mergers, events
# dated more than two years after their story; then the PLOVER-style event
# figures (coverage, event type, source and recipient country) on the
# hand-coded sentences of data/extract/testdata/plover_dev.jsonl. It also
# prints the time `attache-cli extract` took over the corpus.
#
# usage: scripts/eval-corpus.sh [-v] [CORPUS_DIR]   (-v lists the errors behind each figure)
set -eu
cd "$(dirname "$0")/.."
verbose=
if [ "${1:-}" = "-v" ]; then verbose=-v; shift; fi
corpus=${1:-../shared/corpora/reuters-21578}
[ -f "$corpus/articles.jsonl" ] || { echo "eval-corpus: $corpus/articles.jsonl not found" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CGO_ENABLED=0 go build -o "$tmp/attache-cli" ./cmd/attache-cli
go build -o "$tmp/evalcorpus" ./data/extract/internal/evalcorpus
"$tmp/evalcorpus" -corpus "$corpus" -emit >"$tmp/input.jsonl"
n=$(wc -l <"$tmp/input.jsonl")
start=$(date +%s.%N)
"$tmp/attache-cli" extract <"$tmp/input.jsonl" >"$tmp/out.jsonl"
end=$(date +%s.%N)
awk -v n="$n" -v s="$start" -v e="$end" 'BEGIN { printf "extract time                    %.2f s, %.0f stories/s (wall clock; noisy on a shared machine)\n", e - s, n / (e - s) }'
gold=data/extract/testdata/plover_dev.jsonl
"$tmp/attache-cli" extract <"$gold" >"$tmp/plover.jsonl"
"$tmp/evalcorpus" $verbose -corpus "$corpus" -extracted "$tmp/out.jsonl" -plover "$gold" -plover-extracted "$tmp/plover.jsonl"

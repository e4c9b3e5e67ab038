#!/bin/sh
# Measures how wire logs split: builds logs from the Reuters-21578 corpus
# (headline line, dateline + hard-wrapped body, " Reuter", blank line; 60
# stories a log), imports them with `attache-cli import --no-extract` into a
# fresh project and compares the articles made with the stories.
#
# usage: scripts/eval-wirelog.sh [wireeval write flags...]
#   e.g. scripts/eval-wirelog.sh                      all stories, in order
#        scripts/eval-wirelog.sh -sample 600 -seed 7  a random sample
#        scripts/eval-wirelog.sh -apart               dateline on its own line
#        scripts/eval-wirelog.sh -indent              first line indented too
# WIREEVAL_EXAMPLES=N prints N examples of each kind of miss (default 3);
# KEEP=DIR keeps the logs, the import report and the articles there.
# CORPUS=path overrides ../shared/corpora/reuters-21578/articles.jsonl.
set -eu
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpora/reuters-21578/articles.jsonl}
[ -r "$corpus" ] || { echo "eval-wirelog: $corpus: not readable" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/wireeval" ./data/ingest/internal/wireeval
CGO_ENABLED=0 go build -o "$tmp/attache-cli" ./cmd/attache-cli
"$tmp/wireeval" write "$@" "$corpus" "$tmp"
"$tmp/attache-cli" --db "$tmp/project.attache" import --no-extract "$tmp/logs" >"$tmp/report.txt" || true
"$tmp/attache-cli" --db "$tmp/project.attache" articles --json >"$tmp/articles.json"
"$tmp/wireeval" score "$tmp" "$tmp/report.txt" "$tmp/articles.json"
if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP" && cp -r "$tmp"/logs "$tmp"/*.json "$tmp"/report.txt "$KEEP"/; fi

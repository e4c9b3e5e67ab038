#!/bin/sh
# Compares loading N generated news-length articles (default 20,000 of ~800
# words) into an FTS5 table with the Debian sqlite3 shell against the store's
# ImportArticles on the same articles, and prints both times (wall and, with
# /usr/bin/time, CPU) and the ratio.
#
# The shell runs one INSERT statement per article inside a transaction, and
# FTS5 flushes its pending terms at every statement, so this baseline is
# several times slower than scripts/bench-import.sh's, whose shell loads the
# whole file in one INSERT ... SELECT: compare against that one (or
# scripts/bench-corpus.sh on real stories) for the 1.5x target.
#
# usage: scripts/bench-store.sh [N]
set -eu
n=${1:-20000}
cd "$(dirname "$0")/.."
command -v sqlite3 >/dev/null || { echo "bench-store: sqlite3 shell not found (apt-get install sqlite3)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. scripts/bench-lib.sh

go build -o "$tmp/benchload" ./data/store/internal/benchload
"$tmp/benchload" -n "$n" sql "$tmp/load.sql"
echo "articles: $n ($(du -h "$tmp/load.sql" | cut -f1) of SQL), sqlite3 $(sqlite3 --version | cut -d' ' -f1)"

start=$(date +%s.%N)
timed "$tmp/shell.cpu" sqlite3 "$tmp/shell.db" < "$tmp/load.sql"
end=$(date +%s.%N)
shell=$(echo "$end - $start" | bc)

ours=$(timed "$tmp/ours.cpu" "$tmp/benchload" -n "$n" import "$tmp/store.attache")

printf 'sqlite3 shell load:  %.2f s\n' "$shell"
printf 'store ImportArticles: %.2f s (open, import in one transaction, close)\n' "$ours"
compare "$shell" "$ours" "$tmp/shell.cpu" "$tmp/ours.cpu"

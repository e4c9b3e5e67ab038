#!/bin/sh
# Compares importing a generated JSON Lines file of N news-length articles
# (default 20,000, about 16 MB) through ingest.Import — what
# `attache-cli import --no-extract` runs — with the sqlite3 shell loading the
# same file into a table with an FTS5 index, and prints both times and the
# ratio. scripts/bench-corpus.sh does the same on real wire stories, end to
# end through attache-cli, with and without extraction. With --memory SIZE_MB it instead generates a JSON Lines file of
# about that size and reports the peak RSS of importing it.
#
# usage: scripts/bench-import.sh [N]
#        scripts/bench-import.sh --memory [SIZE_MB]   (default 1024)
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. scripts/bench-lib.sh
go build -o "$tmp/benchgen" ./data/ingest/internal/benchgen

if [ "${1:-}" = "--memory" ]; then
	mb=${2:-1024}
	n=$((mb * 1000 * 1000 / 815))
	"$tmp/benchgen" -n "$n" -size 600 jsonl "$tmp/big.jsonl"
	echo "file: $(du -h "$tmp/big.jsonl" | cut -f1), $n articles"
	[ -x /usr/bin/time ] || { echo "bench-import: /usr/bin/time not found (apt-get install time)" >&2; exit 1; }
	/usr/bin/time -f 'elapsed %e s, peak RSS %M KB' "$tmp/benchgen" import "$tmp/big.attache" "$tmp/big.jsonl"
	exit 0
fi

command -v sqlite3 >/dev/null || { echo "bench-import: sqlite3 shell not found (apt-get install sqlite3)" >&2; exit 1; }
n=${1:-20000}
"$tmp/benchgen" -n "$n" -size 600 jsonl "$tmp/articles.jsonl"
"$tmp/benchgen" sql "$tmp/articles.jsonl" >"$tmp/load.sql"
echo "articles: $n ($(du -h "$tmp/articles.jsonl" | cut -f1) of JSON Lines), sqlite3 $(sqlite3 --version | cut -d' ' -f1)"

start=$(date +%s.%N)
timed "$tmp/shell.cpu" sqlite3 "$tmp/shell.db" <"$tmp/load.sql" >/dev/null
end=$(date +%s.%N)
shell=$(echo "$end - $start" | bc)

ours=$(timed "$tmp/ours.cpu" "$tmp/benchgen" import "$tmp/ours.attache" "$tmp/articles.jsonl")

printf 'sqlite3 shell load (readfile + json_each into FTS5): %.2f s\n' "$shell"
printf 'ingest.Import (open, read, split, import, close):     %.2f s\n' "$ours"
compare "$shell" "$ours" "$tmp/shell.cpu" "$tmp/ours.cpu" 1.5

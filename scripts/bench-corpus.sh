#!/bin/sh
# Measures import on real wire stories: the development corpus
# (../shared/corpora/reuters-21578, or $ATTACHE_CORPUS) written as one JSON
# Lines file of 10,051 stories (dateline + body as the text), then, ROUNDS
# times (default 3), in turn:
#   - the sqlite3 shell loading the file into a table with an FTS5 index
#     (the SQL of scripts/bench-import.sh),
#   - `attache-cli import --no-extract` of the file into a new project,
#   - `attache-cli import` of the file (with extraction) into a new project.
# It prints each run's wall and CPU (user+sys) seconds, then the medians, the
# no-extract/shell ratio and the articles per second with extraction. The
# machine may be shared: CPU seconds are the steadier figure.
#
# usage: scripts/bench-corpus.sh [ROUNDS]
#        ATTACHE_CLI=path/to/attache-cli scripts/bench-corpus.sh   (time another build)
set -eu
rounds=${1:-3}
cd "$(dirname "$0")/.."
command -v sqlite3 >/dev/null || { echo "bench-corpus: sqlite3 shell not found (apt-get install sqlite3)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench-corpus: /usr/bin/time not found (apt-get install time)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/benchgen" ./data/ingest/internal/benchgen
if [ -n "${ATTACHE_CLI:-}" ]; then
	cp "$ATTACHE_CLI" "$tmp/attache-cli"
else
	go build -o "$tmp/attache-cli" ./cmd/attache-cli
fi
"$tmp/benchgen" corpus "$tmp/stories.jsonl"
"$tmp/benchgen" sql "$tmp/stories.jsonl" >"$tmp/load.sql"
n=$(wc -l <"$tmp/stories.jsonl")
echo "stories: $n ($(du -h "$tmp/stories.jsonl" | cut -f1) of JSON Lines), sqlite3 $(sqlite3 --version | cut -d' ' -f1), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"

# run NAME CMD...: runs CMD on a fresh project and appends "wall cpu" to $tmp/NAME.
run() {
	name=$1
	shift
	rm -f "$tmp"/db*
	/usr/bin/time -f '%e %U %S' -o "$tmp/t" "$@" >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
	awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$tmp/t" >>"$tmp/$name"
	printf '  %-22s wall %6.2f s  cpu %6.2f s\n' "$name" $(tail -1 "$tmp/$name")
}
for i in $(seq "$rounds"); do
	echo "round $i:"
	run shell sqlite3 "$tmp/db" ".read $tmp/load.sql"
	run no-extract "$tmp/attache-cli" --db "$tmp/db.attache" import --no-extract "$tmp/stories.jsonl"
	run extract "$tmp/attache-cli" --db "$tmp/db.attache" import "$tmp/stories.jsonl"
done
grep -h . "$tmp/out" | head -1
counts=$(sqlite3 "$tmp/db.attache" 'SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM entities), (SELECT count(*) FROM mentions), (SELECT count(*) FROM events)' 2>/dev/null || true)
[ -n "$counts" ] && echo "project after import with extraction (articles|entities|mentions|events): $counts"

# median FILE COLUMN
median() { cut -d' ' -f"$2" "$1" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
sw=$(median "$tmp/shell" 1); sc=$(median "$tmp/shell" 2)
nw=$(median "$tmp/no-extract" 1); nc=$(median "$tmp/no-extract" 2)
ew=$(median "$tmp/extract" 1); ec=$(median "$tmp/extract" 2)
echo "medians of $rounds rounds:"
printf '  sqlite3 shell:              wall %.2f s, cpu %.2f s\n' "$sw" "$sc"
printf '  import --no-extract:        wall %.2f s, cpu %.2f s  (%.2fx the shell wall, %.2fx its cpu; target 1.5x)\n' \
	"$nw" "$nc" "$(echo "$nw / $sw" | bc -l)" "$(echo "$nc / $sc" | bc -l)"
printf '  import with extraction:     wall %.2f s, cpu %.2f s  (%.0f articles/s; target 1,000, aim 2,000)\n' \
	"$ew" "$ec" "$(echo "$n / $ew" | bc -l)"

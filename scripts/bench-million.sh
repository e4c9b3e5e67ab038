#!/usr/bin/env bash
# bench-million.sh: builds a project of a million real wire stories and
# measures what an analyst would notice on it: the time and peak memory of the
# import, the time a full-text search takes from the command line as a whole
# process, and — when Xvfb and xdotool are present — how long the desktop
# window takes to appear and how much memory the app holds once settled.
#
# The articles are copies of the development corpus
# (../shared/corpora/reuters-21578/articles.jsonl, 10,051 stories), each copy
# numbered in its title and each story numbered in its body so that none is
# a duplicate of another (the corpus itself repeats a few stories);
# copy K is written to its own JSON Lines file and all the files are imported
# by one `attache-cli import --no-extract`.
#
# usage: scripts/bench-million.sh [-n ARTICLES] [-k] [WORKDIR]
#   -n  articles to build (default 1000000)
#   -k  keep WORKDIR (the project and the JSON Lines files) afterwards
#   WORKDIR defaults to a fresh temporary folder; when it already holds
#   million.attache, the import is skipped and the existing project measured.
#   ATTACHE_BIN names an app binary to measure instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."
n=1000000 keep=
while getopts 'n:k' opt; do
	case $opt in
	n) n=$OPTARG ;;
	k) keep=1 ;;
	*) sed -n '2,18p' "$0"; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
corpus=${CORPUS:-../shared/corpora/reuters-21578/articles.jsonl}
[[ -r $corpus ]] || { echo "bench-million: $corpus not found" >&2; exit 1; }
for tool in jq /usr/bin/time; do
	command -v $tool >/dev/null || { echo "bench-million: needs $tool (apt-get install jq time)" >&2; exit 1; }
done
work=${1:-}
if [[ -z $work ]]; then
	work=$(mktemp -d)
	[[ -n $keep ]] || cleanup_work=$work
fi
mkdir -p "$work"
cleanup() { [[ -z ${cleanup_work:-} ]] || rm -rf "$cleanup_work"; }
trap cleanup EXIT
db=$work/million.attache

go build -o "$work/attache-cli" ./cmd/attache-cli
cli=$work/attache-cli

if [[ ! -e $db ]]; then
	per=$(wc -l <"$corpus")
	copies=$(((n + per - 1) / per))
	mkdir -p "$work/copies"
	left=$n
	for ((k = 1; k <= copies; k++)); do
		take=$((left < per ? left : per))
		head -n "$take" "$corpus" | jq -c --arg k "$k" '{
			id: (.id + "-" + $k), title: (.title + " [copy " + $k + "]"),
			published, source, dateline,
			body: (.dateline + " " + .body + "\n    (Copy " + $k + ", story " + (input_line_number | tostring) + ".)")}' \
			>"$work/copies/$(printf 'copy-%03d' "$k").jsonl"
		left=$((left - take))
	done
	echo "built $n articles in $copies files ($(du -sh "$work/copies" | cut -f1) of JSON Lines)"
	/usr/bin/time -f 'import: %e s wall, %U s user, %S s sys, peak RSS %M KB' \
		"$cli" --db "$db" import --no-extract "$work/copies" >"$work/import.log"
	tail -n 1 "$work/import.log"
	rm -rf "$work/copies"
fi
echo "project: $(du -h "$db" | cut -f1)$(command -v sqlite3 >/dev/null && echo ", $(sqlite3 "$db" 'SELECT count(*) FROM articles') articles")"

# A CLI search as a whole process, three runs (the machine may be busy).
for q in 'cocoa' 'grain exports' 'bundesbank'; do
	for _ in 1 2 3; do
		/usr/bin/time -f "search \"$q\": %e s wall, %U s user, peak RSS %M KB" \
			"$cli" --db "$db" search "$q" >/dev/null
	done
done

if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
	source scripts/xvfb.sh
	appbin=${ATTACHE_BIN:-$work/attache}
	[[ -n ${ATTACHE_BIN:-} ]] || go build -o "$appbin" ./cmd/attache
	start_xvfb 1440x900
	trap 'stop_xvfb; cleanup' EXIT
	cfg=$(mktemp -d)
	t0=$(date +%s.%N)
	XDG_CONFIG_HOME=$cfg "$appbin" --db "$db" >"$cfg/app.log" 2>&1 &
	app=$!
	wid=$(wait_window 'Attaché' 60) || { echo "bench-million: no window; log:" >&2; cat "$cfg/app.log" >&2; kill $app; exit 1; }
	t1=$(date +%s.%N)
	printf 'window up: %.2f s after start\n' "$(echo "$t1 - $t0" | bc)"
	for s in 5 10 20 30; do
		sleep $((s - ${prev:-0}))
		prev=$s
		echo "app resident after ${s} s: $(awk '/VmRSS/ {print $2, $3}' /proc/$app/status)"
	done
	# scroll the article list, sort it, then let it settle again
	xdotool mousemove --window "$wid" 150 400
	for _ in $(seq 40); do xdotool click --repeat 5 5; done
	sleep 5
	echo "app resident after scrolling: $(awk '/VmRSS/ {print $2, $3}' /proc/$app/status)"
	echo "app peak resident: $(awk '/VmHWM/ {print $2, $3}' /proc/$app/status)"
	quit_app bench-million $app "$wid"
	rm -rf "$cfg"
else
	echo "bench-million: Xvfb/xdotool not installed: window time and app memory not measured" >&2
fi

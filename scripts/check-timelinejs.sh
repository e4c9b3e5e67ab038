#!/bin/sh
# check-timelinejs.sh FILE.json... — checks that Knight Lab's TimelineJS 3
# loads each TimelineJS JSON file exported by Attaché (see
# check-timelinejs.js). It installs @knight-lab/timelinejs and jsdom with npm
# into a temporary folder, or into $TIMELINEJS_CACHE when set (reused on the
# next run). Exit status: 0 all files load, 1 some file does not, 3 node or
# npm is missing or the packages could not be installed.
set -u
TIMELINEJS_VERSION=3.9.11
JSDOM_VERSION=29.1.1
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -eq 0 ]; then
	echo "usage: $0 FILE.json..." >&2
	exit 2
fi
for tool in node npm; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "check-timelinejs: $tool is not installed" >&2
		exit 3
	fi
done
if [ -n "${TIMELINEJS_CACHE:-}" ]; then
	dir=$TIMELINEJS_CACHE
	mkdir -p "$dir"
else
	dir=$(mktemp -d)
	trap 'rm -rf "$dir"' EXIT
fi
if [ ! -f "$dir/node_modules/@knight-lab/timelinejs/package.json" ] ||
	! grep -q "\"version\": \"$TIMELINEJS_VERSION\"" "$dir/node_modules/@knight-lab/timelinejs/package.json"; then
	if ! (cd "$dir" && npm install --silent --no-audit --no-fund --no-package-lock \
		"@knight-lab/timelinejs@$TIMELINEJS_VERSION" "jsdom@$JSDOM_VERSION" >npm.log 2>&1); then
		echo "check-timelinejs: npm could not install @knight-lab/timelinejs@$TIMELINEJS_VERSION and jsdom@$JSDOM_VERSION:" >&2
		tail -5 "$dir/npm.log" >&2
		exit 3
	fi
fi
status=0
for f in "$@"; do
	printf '%s: ' "$f"
	NODE_PATH="$dir/node_modules" node "$here/check-timelinejs.js" "$f" || status=1
done
exit $status
